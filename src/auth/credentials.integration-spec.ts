import 'reflect-metadata';

import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';

import { runCli } from '../cli/main.js';
import { loadConfig } from '../config/config.js';
import type { SecurityConfig } from '../config/config.js';
import { buildGatewaySchema } from '../graphql/build-schema.js';
import { openSession } from '../modules/users/user-sessions.js';
import { createServer } from '../server/create-server.js';
import type { GatewayServer } from '../server/create-server.js';
import { createTestApp, testSecurity } from '../testing/test-app.js';
import type { GraphQLResult, TestApp } from '../testing/test-app.js';
import { GATEWAY_MODULES } from '../modules/index.js';

/** The re-check interval of these tests: short, so the bound can be waited out. */
const RECHECK_SECONDS = 1;
const afterTheBound = () => new Promise((resolve) => setTimeout(resolve, RECHECK_SECONDS * 1000 + 150));

const READ = '{ issues(first: 1) { totalCount } }';
const CREATE = `mutation ($input: IssueCreateInput!) { createIssue(input: $input) { id } }`;

describe('credentials that can be withdrawn', () => {
  let app: TestApp;
  let acme = { clientId: 0, integrationId: 0 };
  let globexClientId = 0;
  const servers: GatewayServer[] = [];
  let serial = 0;

  const call = async (
    url: string,
    token: string,
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<GraphQLResult> => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, ...((await response.json()) as object) };
  };

  /** A login of its own (user, session, token), so withdrawing it disturbs no other test. */
  const freshLogin = async (role: 'admin' | 'user' | 'viewer', clientId = acme.clientId) => {
    serial += 1;
    const [user] = await app.testDb.query<{ id: number }>(
      `insert into users (client_id, email, role, is_admin) values ($1, $2, $3, $4) returning id`,
      [clientId, `cred-${serial}@acme.example`, role, role === 'admin'],
    );
    const viewer = { userId: user!.id, clientId, role };
    const session = await openSession(app.ownerDatabase.fork(), app.tokens, viewer);
    return { ...viewer, ...session };
  };

  /** Another gateway on the same database with other credential settings. */
  const serverWith = async (credentials: SecurityConfig['credentials']) => {
    const server = await createServer({
      config: { logLevel: 'silent', security: { ...testSecurity(), credentials } },
      database: app.database,
      tokens: app.tokens,
      schema: (await buildGatewaySchema(GATEWAY_MODULES)).schema,
    });
    servers.push(server);
    return server.app.listen({ host: '127.0.0.1', port: 0 });
  };

  const expectRefused = (result: GraphQLResult, message: string) => {
    expect(result.status).toBe(401);
    expect(result.data).toBeUndefined();
    expect(result.errors).toEqual([
      { message, extensions: { code: 'UNAUTHENTICATED', requestId: expect.any(String) } },
    ]);
  };

  const issueCount = async () =>
    (await app.testDb.query<{ n: number }>('select count(*)::int as n from issues'))[0]!.n;

  beforeAll(async () => {
    const security = testSecurity();
    app = await createTestApp(
      'credentials',
      { clients: 2, issuesPerClient: 5, embeddingShare: 0, randomSeed: 3 },
      { ...security, credentials: { ...security.credentials, recheckSeconds: RECHECK_SECONDS } },
    );
    const admin = await app.viewer('admin', 0);
    const [integration] = await app.testDb.query<{ id: number }>(
      'select id from integrations where client_id = $1 limit 1',
      [admin.clientId],
    );
    acme = { clientId: admin.clientId, integrationId: integration!.id };
    globexClientId = (await app.viewer('admin', 1)).clientId;
  });

  afterAll(async () => {
    for (const server of servers) await server.app.close();
    await app?.close();
  });

  it('stops a deactivated user on reads and mutations within the re-check interval, writing nothing', async () => {
    const login = await freshLogin('user');
    expect((await call(app.url, login.token, READ)).errors).toBeUndefined();
    await app.testDb.query('update users set active = false where id = $1', [login.userId]);
    await afterTheBound();
    expectRefused(
      await call(app.url, login.token, READ),
      'token does not match an active user of its client',
    );
    const before = await issueCount();
    expectRefused(
      await call(app.url, login.token, CREATE, {
        input: { key: 'CRED-1', integrationId: acme.integrationId },
      }),
      'token does not match an active user of its client',
    );
    expect(await issueCount()).toBe(before);
  });

  it('refuses a correctly signed token whose sub matches no user', async () => {
    const login = await freshLogin('admin');
    const ghost = await app.tokens.sign({ ...login, userId: 987_654 });
    expectRefused(await call(app.url, ghost, READ), 'token does not match an active user of its client');
  });

  it('stops every user of a deactivated client', async () => {
    const [client] = await app.testDb.query<{ id: number }>(
      `insert into clients (name) values ('Short-lived') returning id`,
    );
    const login = await freshLogin('admin', client!.id);
    expect((await call(app.url, login.token, READ)).errors).toBeUndefined();
    await app.testDb.query('update clients set active = false where id = $1', [client!.id]);
    await afterTheBound();
    expectRefused(await call(app.url, login.token, READ), 'the client of this token is deactivated');
  });

  it('stops a token whose session an admin revoked with revokeSessions, and only that one', async () => {
    const admin = await freshLogin('admin');
    const target = await freshLogin('user');
    const other = await openSession(app.ownerDatabase.fork(), app.tokens, target);
    const REVOKE = 'mutation ($id: Int) { revokeSessions(sessionId: $id) }';
    expect((await call(app.url, target.token, READ)).errors).toBeUndefined();

    const asUser = await call(app.url, target.token, REVOKE, { id: target.sessionId });
    expect(asUser.errors![0]!.extensions!.code).toBe('FORBIDDEN');

    const revoked = await call(app.url, admin.token, REVOKE, { id: target.sessionId });
    expect(revoked.data).toEqual({ revokeSessions: 1 });
    await afterTheBound();
    expectRefused(await call(app.url, target.token, READ), 'session has been revoked; sign in again');
    expect((await call(app.url, other.token, READ)).errors).toBeUndefined();

    // Another client's session answers like a missing one, and stays open.
    const globexLogin = await freshLogin('user', globexClientId);
    const foreign = await call(app.url, admin.token, REVOKE, { id: globexLogin.sessionId });
    expect(foreign.data).toEqual({ revokeSessions: 0 });
    expect((await call(app.url, globexLogin.token, READ)).errors).toBeUndefined();

    const nothingSaid = await call(app.url, admin.token, 'mutation { revokeSessions }');
    expect(nothingSaid.errors![0]).toMatchObject({
      message: 'give sessionId or userId: which sessions to revoke',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('stops a token whose session `pulse session revoke` ended', async () => {
    const login = await freshLogin('viewer');
    expect((await call(app.url, login.token, READ)).errors).toBeUndefined();
    const config = loadConfig({
      DATABASE_URL: app.testDb.databaseUrl,
      JWT_SECRET: 'test-secret-'.repeat(4),
      LOG_LEVEL: 'silent',
    });
    const print = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      expect(await runCli(['session', 'revoke', '--id', String(login.sessionId)], config)).toBe(0);
      expect(print).toHaveBeenCalledWith('revoked 1 session');
    } finally {
      print.mockRestore();
    }
    await afterTheBound();
    expectRefused(await call(app.url, login.token, READ), 'session has been revoked; sign in again');
  });

  it('stops a token whose session has expired, even while its check is cached', async () => {
    const login = await freshLogin('user');
    expect((await call(app.url, login.token, READ)).errors).toBeUndefined();
    await app.testDb.query(
      `update user_sessions set expires_at = now() - interval '1 minute' where id = $1`,
      [login.sessionId],
    );
    await afterTheBound();
    expectRefused(await call(app.url, login.token, READ), 'session has expired; sign in again');

    // The expiry is remembered with the check: a token stops at its session's end, not at the next
    // check (here a server that re-checks only every 60 s).
    const patient = await serverWith({ recheckSeconds: 60, allowSessionlessTokens: false });
    const brief = await freshLogin('user');
    await app.testDb.query(
      `update user_sessions set expires_at = now() + interval '1500 milliseconds' where id = $1`,
      [brief.sessionId],
    );
    expect((await call(patient, brief.token, READ)).errors).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 1700));
    expectRefused(await call(patient, brief.token, READ), 'session has expired; sign in again');
  });

  it('applies a lowered role within the bound', async () => {
    const login = await freshLogin('admin');
    const ALERTS = '{ anomalyAlerts(first: 1) { totalCount } }';
    expect((await call(app.url, login.token, ALERTS)).errors).toBeUndefined();
    await app.testDb.query(`update users set role = 'viewer', is_admin = false where id = $1`, [
      login.userId,
    ]);
    await afterTheBound();
    const demoted = await call(app.url, login.token, ALERTS);
    expect(demoted.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect((await call(app.url, login.token, '{ viewer { role } }')).data).toEqual({
      viewer: { role: 'VIEWER' },
    });
  });

  it('refuses tokens without a session id unless service accounts are allowed', async () => {
    const login = await freshLogin('user');
    const sessionless = await app.tokens.sign({
      userId: login.userId,
      clientId: login.clientId,
      role: 'user',
    });
    expectRefused(await call(app.url, sessionless, READ), 'token has no session id (sid); sign in again');

    const url = await serverWith({ recheckSeconds: RECHECK_SECONDS, allowSessionlessTokens: true });
    expect((await call(url, sessionless, READ)).errors).toBeUndefined();
    // Still a real, active user: a service-account token for a deactivated user is refused as well.
    await app.testDb.query('update users set active = false where id = $1', [login.userId]);
    await afterTheBound();
    expectRefused(await call(url, sessionless, READ), 'token does not match an active user of its client');
  });
});
