import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Pool } from 'pg';

import { TENANT_SETTING } from '../db/read-session.js';
import {
  clientIdsByType,
  dataOf,
  demoClientIds,
  replicaCaughtUp,
  sqlCount,
} from '../testing/graphql-expectations.js';
import { createTestApp } from '../testing/test-app.js';
import type { TestApp } from '../testing/test-app.js';
import { requireSeparateRuntimeRole } from '../testing/test-database.js';

/** Rows of many tenant tables, nested, each level naming its type and client. */
const EVERYTHING = `{
  issues(first: 1000) { totalCount nodes { __typename id clientId
    project { __typename clientId } status { __typename clientId } assigneeUser { __typename clientId }
    changelogs(first: 50) { totalCount nodes { __typename clientId } }
    pullRequests(first: 50) { totalCount nodes { __typename clientId
      repository { __typename clientId } reviews(first: 50) { nodes { __typename clientId } } } } } }
  users(first: 1000) { totalCount nodes { __typename clientId } }
  projects(first: 1000) { totalCount nodes { __typename clientId issuetypes(first: 50) { nodes { __typename clientId } } } }
  pullRequests(first: 1000) { totalCount nodes { __typename clientId issues(first: 50) { nodes { __typename clientId } } } }
  repositories(first: 1000) { totalCount nodes { __typename clientId } }
  systemSettings(first: 1000) { totalCount nodes { __typename clientId } }
}`;

const TABLES_COUNTED = {
  issues: 'issues',
  users: 'users',
  projects: 'projects',
  pullRequests: 'pull_requests',
  repositories: 'repositories',
  systemSettings: 'system_settings',
} as const;

/** The pg pool MikroORM keeps for a connection: where the gateway's read sessions borrow theirs. */
async function poolOf(connection: unknown): Promise<Pool> {
  return (connection as { getNativeClient(): Promise<Pool> }).getNativeClient();
}

/**
 * Every idle connection of the pool, checked out at once (so none is skipped), asked what a request
 * after ours would inherit: the tenant setting and the tenant rows visible without setting anything.
 */
async function whatIdleConnectionsCarry(pool: Pool) {
  const idle = pool.idleCount;
  const clients = await Promise.all(Array.from({ length: idle }, () => pool.connect()));
  try {
    return {
      idle,
      seen: await Promise.all(
        clients.map(async (client) => {
          const { rows } = await client.query<{ setting: string | null; issues: number; users: number }>(
            `select current_setting('${TENANT_SETTING}', true) as setting,
                    (select count(*)::int from issues) as issues, (select count(*)::int from users) as users`,
          );
          return rows[0]!;
        }),
      ),
    };
  } finally {
    for (const client of clients) client.release();
  }
}

describe('row level security through the GraphQL API', () => {
  let app: TestApp;
  let clients: { acme: number; globex: number };

  beforeAll(async () => {
    // The application's own tenant condition is left out of every statement: only RLS stands.
    app = await createTestApp('rls_gateway', undefined, undefined, {
      gatewayRole: 'runtime',
      tenantScope: 'database-only',
    });
    requireSeparateRuntimeRole(app.testDb);
    clients = await demoClientIds(app);
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  it.each([0, 1])(
    'with the application scope switched off, client %i still sees exactly its own rows at every level',
    async (client) => {
      await replicaCaughtUp(app);
      const clientId = client === 0 ? clients.acme : clients.globex;
      const data = dataOf(await app.graphql(EVERYTHING, { as: 'admin', client }));
      const byType = clientIdsByType(data);
      expect(Object.keys(byType).sort()).toEqual(
        [
          'Issue',
          'IssueChangelog',
          'Issuetype',
          'Project',
          'PullRequest',
          'PullRequestReview',
          'Repository',
          'Status',
          'SystemSetting',
          'User',
        ].sort(),
      );
      for (const ids of Object.values(byType)) expect(ids).toEqual([clientId]);
      for (const [field, table] of Object.entries(TABLES_COUNTED)) {
        const expected = await sqlCount(app, `select count(*) from ${table} where client_id = $1`, [
          clientId,
        ]);
        expect([field, data[field].totalCount]).toEqual([field, expected]);
        expect(data[field].totalCount).toBeGreaterThan(0);
      }
    },
  );

  it("answers another client's issue by id with null, as a missing one", async () => {
    const [other] = await app.testDb.query<{ id: number }>(
      'select id from issues where client_id = $1 order by id limit 1',
      [clients.globex],
    );
    const data = dataOf(await app.graphql(`{ issue(id: ${other!.id}) { id } }`, { as: 'viewer', client: 0 }));
    expect(data.issue).toBeNull();
  });

  it('really has no application scope in this mode: the owner, who bypasses RLS, would see every client', async () => {
    // The same gateway mode on the owner's connection: if this did not leak, the test above would not
    // show anything about RLS.
    const owner = await createTestApp('rls_gateway_owner', undefined, undefined, {
      gatewayRole: 'owner',
      tenantScope: 'database-only',
    });
    try {
      const data = dataOf(await owner.graphql('{ issues { totalCount } }', { as: 'admin', client: 0 }));
      expect(data.issues.totalCount).toBe(await sqlCount(owner, 'select count(*) from issues'));
      expect(data.issues.totalCount).toBeGreaterThan(
        await sqlCount(owner, 'select count(*) from issues where client_id = $1', [
          (await owner.viewer('admin', 0)).clientId,
        ]),
      );
    } finally {
      await owner.close();
    }
  }, 120_000);

  it('sets the tenant (and the statement timeout) at the start of each read transaction, in the round trip of its begin', async () => {
    await replicaCaughtUp(app);
    app.sql.clear();
    dataOf(
      await app.graphql('{ issues(first: 3) { nodes { id project { key } } } }', { as: 'user', client: 1 }),
    );
    const queries = app.sql.queries;
    expect(queries[0]!.transactionControl).toBe(true);
    expect(queries[0]!.sql).toMatch(
      new RegExp(
        `^begin read only; select set_config\\('${TENANT_SETTING.replace('.', '\\.')}', '${clients.globex}', true\\), ` +
          `set_config\\('statement_timeout', '5s', true\\)$`,
      ),
    );
    expect(queries.at(-1)!).toMatchObject({ sql: 'commit', transactionControl: true });
    expect(queries.slice(1, -1).every((query) => !query.transactionControl)).toBe(true);
    expect(new Set(queries.map((query) => query.connectionType))).toEqual(new Set(['read']));
  });

  it('leaves no tenant setting on a reused replica connection: the next request starts with nothing', async () => {
    await replicaCaughtUp(app);
    for (const client of [0, 1, 0]) {
      dataOf(await app.graphql('{ issues(first: 5) { totalCount nodes { id } } }', { as: 'viewer', client }));
    }
    const replica = (app.database.orm.em.getDriver() as unknown as { replicas: unknown[] }).replicas[0];
    const { idle, seen } = await whatIdleConnectionsCarry(await poolOf(replica));
    expect(idle).toBeGreaterThan(0);
    for (const connection of seen) {
      expect(connection.setting ?? '').toBe('');
      expect([connection.issues, connection.users]).toEqual([0, 0]);
    }
  });

  it('leaves no tenant setting on a reused primary connection after a mutation and its read-back', async () => {
    const [integration] = await app.testDb.query<{ id: number }>(
      'select id from integrations where client_id = $1 order by id limit 1',
      [clients.globex],
    );
    const created = await app.graphql(
      `mutation ($input: ProjectCreateInput!) { createProject(input: $input) { id clientId key } }`,
      {
        as: 'admin',
        client: 1,
        variables: { input: { key: 'RLSX', name: 'Under RLS', integrationId: integration!.id } },
      },
    );
    expect(dataOf(created).createProject).toMatchObject({ clientId: clients.globex, key: 'RLSX' });
    // Read-your-writes: the next reads of this viewer go to the primary too.
    dataOf(await app.graphql('{ projects { totalCount } }', { as: 'admin', client: 1 }));
    const primary = app.database.orm.em.getDriver().getConnection('write');
    const { idle, seen } = await whatIdleConnectionsCarry(await poolOf(primary));
    expect(idle).toBeGreaterThan(0);
    for (const connection of seen) {
      expect(connection.setting ?? '').toBe('');
      expect([connection.issues, connection.users]).toEqual([0, 0]);
    }
  });
});
