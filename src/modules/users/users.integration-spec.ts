import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

import {
  dataOf,
  demoClientIds,
  errorsOf,
  replicaCaughtUp,
  sqlCount,
  sqlIds,
} from '../../testing/graphql-expectations.js';
import { createTestApp } from '../../testing/test-app.js';
import type { TestApp, TestRole } from '../../testing/test-app.js';

const ROLES: TestRole[] = ['viewer', 'user', 'admin'];
const BY_ROLE_AND_CLIENT = ROLES.flatMap((role) => [0, 1].map((client) => [role, client] as const));

describe('Users and clients read API', () => {
  let app: TestApp;
  let clients: { acme: number; globex: number };
  const clientIdOf = (client: number) => (client === 0 ? clients.acme : clients.globex);

  beforeAll(async () => {
    app = await createTestApp('users_read');
    clients = await demoClientIds(app);
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  describe('viewer', () => {
    it.each(BY_ROLE_AND_CLIENT)(
      'as %s of client %i: tells who the caller is, from the token',
      async (role, client) => {
        const { userId, clientId } = await app.viewer(role, client);
        const data = dataOf(
          await app.graphql('{ viewer { role user { id email clientId } client { id name } } }', {
            as: role,
            client,
          }),
        );
        const [user] = await app.testDb.query<{ email: string }>('select email from users where id = $1', [
          userId,
        ]);
        const [owner] = await app.testDb.query<{ name: string }>('select name from clients where id = $1', [
          clientId,
        ]);
        expect(clientId).toBe(clientIdOf(client));
        expect(data.viewer).toEqual({
          role: role.toUpperCase(),
          user: { id: userId, email: user!.email, clientId },
          client: { id: clientId, name: owner!.name },
        });
      },
    );

    it('answers anonymous callers with UNAUTHENTICATED', async () => {
      const result = await app.graphql('{ viewer { role } }');
      expect(errorsOf(result)).toEqual([['viewer', 'UNAUTHENTICATED']]);
    });
  });

  describe('users and clients', () => {
    it.each(BY_ROLE_AND_CLIENT)(
      "as %s of client %i: lists the client's users, through users and Client.users alike",
      async (role, client) => {
        const data = dataOf(
          await app.graphql(
            `{ users(first: 1000) { totalCount nodes { id clientId } }
               clients { totalCount nodes { id users(first: 1000) { totalCount nodes { id } } } } }`,
            { as: role, client },
          ),
        );
        const expected = await sqlIds(app, 'select id from users where client_id = $1 order by id', [
          clientIdOf(client),
        ]);
        expect(expected.length).toBeGreaterThan(3);
        expect(data.users.totalCount).toBe(expected.length);
        expect(data.users.nodes.map((n: { id: number }) => n.id)).toEqual(expected);
        // `clients` lists one client: the viewer's own.
        expect(data.clients.totalCount).toBe(1);
        expect(data.clients.nodes).toEqual([
          {
            id: clientIdOf(client),
            users: { totalCount: expected.length, nodes: expected.map((id) => ({ id })) },
          },
        ]);
      },
    );

    it.each(ROLES)(
      "as %s: answers for another client's user or client exactly like for a missing one",
      async (role) => {
        const [foreignUser] = await sqlIds(
          app,
          'select id from users where client_id = $1 order by id limit 1',
          [clients.globex],
        );
        const missingUser = await sqlCount(app, 'select max(id) + 1000 as count from users');
        const missingClient = await sqlCount(app, 'select max(id) + 1000 as count from clients');
        const ask = (userId: number, clientId: number) =>
          app.graphql(`{ user(id: ${userId}) { id email } client(id: ${clientId}) { id name } }`, {
            as: role,
          });
        const [foreign, missing] = await Promise.all([
          ask(foreignUser!, clients.globex),
          ask(missingUser, missingClient),
        ]);
        expect(foreign).toEqual({ status: 200, data: { user: null, client: null } });
        expect(foreign).toEqual(missing);
      },
    );
  });

  describe('sessions and permissions', () => {
    const ADMIN_ONLY = [
      ['userSessions', '{ userSessions { totalCount } }'],
      ['userPermissions', '{ userPermissions { totalCount } }'],
    ] as const;

    it.each(['user', 'viewer'] as const)(
      'are refused to a %s with FORBIDDEN, at the root and as relations',
      async (role) => {
        const { userId, clientId } = await app.viewer(role);
        const [sessionId] = await sqlIds(app, 'select id from user_sessions where client_id = $1 limit 1', [
          clientId,
        ]);
        const [permissionId] = await sqlIds(
          app,
          'select id from user_permissions where client_id = $1 limit 1',
          [clientId],
        );
        const queries: (readonly [string, string])[] = [
          ...ADMIN_ONLY,
          ['userSession', `{ userSession(id: ${sessionId}) { id } }`],
          ['userPermission', `{ userPermission(id: ${permissionId}) { id } }`],
          ['user.sessions', `{ user(id: ${userId}) { id sessions { totalCount } } }`],
          ['user.permissions', `{ user(id: ${userId}) { id permissions { totalCount } } }`],
          ['client.userSessions', `{ client(id: ${clientId}) { id userSessions { totalCount } } }`],
          ['client.userPermissions', `{ client(id: ${clientId}) { id userPermissions { totalCount } } }`],
        ];
        for (const [path, query] of queries) {
          const result = await app.graphql(query, { as: role });
          expect([query, errorsOf(result)]).toEqual([query, [[path, 'FORBIDDEN']]]);
          expect(Object.values(result.data ?? {})).toEqual(result.data ? [null] : []);
        }
      },
    );

    it('are refused to anonymous callers with UNAUTHENTICATED', async () => {
      for (const [field, query] of ADMIN_ONLY) {
        expect(errorsOf(await app.graphql(query))).toEqual([[field, 'UNAUTHENTICATED']]);
      }
    });

    it.each([0, 1])(
      "are listed to the admin of client %i: that client's rows, as SQL has them",
      async (client) => {
        const data = dataOf(
          await app.graphql(
            `{ userSessions(first: 1000) { totalCount nodes { id clientId userId user { id clientId } } }
             userPermissions(first: 1000) { totalCount nodes { id clientId userId } }
             users(first: 1000) { nodes { id sessions { totalCount } permissions { totalCount } } } }`,
            { as: 'admin', client },
          ),
        );
        const clientId = clientIdOf(client);
        for (const [field, table] of [
          ['userSessions', 'user_sessions'],
          ['userPermissions', 'user_permissions'],
        ] as const) {
          const rows = await app.testDb.query<{ id: number; user_id: number }>(
            `select id, user_id from ${table} where client_id = $1 order by id`,
            [clientId],
          );
          expect(rows.length).toBeGreaterThan(0);
          expect(data[field].totalCount).toBe(rows.length);
          expect(
            data[field].nodes.map((n: { id: number; clientId: number; userId: number }) => [
              n.id,
              n.clientId,
              n.userId,
            ]),
          ).toEqual(rows.map((row) => [row.id, clientId, row.user_id]));
        }
        for (const session of data.userSessions.nodes)
          expect(session.user).toEqual({ id: session.userId, clientId });
        const perUser = await app.testDb.query<{ id: number; sessions: number; permissions: number }>(
          `select u.id, (select count(*)::int from user_sessions s where s.user_id = u.id) as sessions,
                (select count(*)::int from user_permissions p where p.user_id = u.id) as permissions
           from users u where u.client_id = $1 order by u.id`,
          [clientId],
        );
        expect(
          data.users.nodes.map(
            (u: { id: number; sessions: { totalCount: number }; permissions: { totalCount: number } }) => [
              u.id,
              u.sessions.totalCount,
              u.permissions.totalCount,
            ],
          ),
        ).toEqual(perUser.map((u) => [u.id, u.sessions, u.permissions]));
      },
    );

    it("answers the admin asking for another client's session exactly like a missing one", async () => {
      const [foreign] = await sqlIds(app, 'select id from user_sessions where client_id = $1 limit 1', [
        clients.globex,
      ]);
      const missing = await sqlCount(app, 'select max(id) + 1000 as count from user_sessions');
      const [a, b] = await Promise.all(
        [foreign, missing].map((id) => app.graphql(`{ userSession(id: ${id}) { id } }`, { as: 'admin' })),
      );
      expect(a).toEqual({ status: 200, data: { userSession: null } });
      expect(a).toEqual(b);
    });
  });

  describe('secrets', () => {
    it.each([
      ['a password hash', '{ users { nodes { id passwordHash } } }'],
      ['a session token hash', '{ userSessions { nodes { id tokenHash } } }'],
      ['an integration password', '{ integrations { nodes { id password } } }'],
    ])('cannot be selected, not even by an admin: %s', async (_case, query) => {
      const result = await app.graphql(query, { as: 'admin' });
      expect(errorsOf(result)).toEqual([['', 'GRAPHQL_VALIDATION_FAILED']]);
    });

    it('shows only whether an integration has a password stored', async () => {
      const { clientId } = await app.viewer('admin');
      // One integration without a secret, so the answer is not the same for every row.
      await app.testDb.query(
        'update integrations set password = null where id = (select min(id) from integrations where client_id = $1)',
        [clientId],
      );
      await replicaCaughtUp(app);
      const data = dataOf(
        await app.graphql('{ integrations { nodes { id hasPassword } } }', { as: 'viewer' }),
      );
      const rows = await app.testDb.query<{ id: number; stored: boolean }>(
        `select id, coalesce(password, '') <> '' as stored from integrations where client_id = $1 order by id`,
        [clientId],
      );
      expect(new Set(rows.map((row) => row.stored))).toEqual(new Set([true, false]));
      expect(data.integrations.nodes).toEqual(rows.map((row) => ({ id: row.id, hasPassword: row.stored })));
    });
  });
});
