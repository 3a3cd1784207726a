import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { GraphQLSchema } from 'graphql';

import { openDatabase } from '../db/database.js';
import { buildGatewaySchema } from '../graphql/build-schema.js';
import { createTestApp, testSecurity } from '../testing/test-app.js';
import type { TestApp } from '../testing/test-app.js';
import { startTcpRelay } from '../testing/tcp-relay.js';
import { createServer } from './create-server.js';
import { GATEWAY_ENTITIES, GATEWAY_MODULES } from '../modules/index.js';

const CONNECT_TIMEOUT_MS = 1_000;
const CREATE = `mutation ($input: ProjectCreateInput!) { createProject(input: $input) { id key } }`;
const READ = `{ projects(first: 3, orderBy: [{ field: ID, direction: ASC }]) { totalCount nodes { key } } }`;

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: { data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[] };
  ms: number;
}

/**
 * A second gateway on the test database whose primary (and, when asked, replica) is reached through a
 * relay the test can break, so the shared primary itself never stops. Its own read router and
 * credential cache: what it learns about the broken primary stays with it.
 */
async function gatewayBehindRelays(
  app: TestApp,
  schema: GraphQLSchema,
  { relayReplica = false, maxLagSeconds = 5 }: { relayReplica?: boolean; maxLagSeconds?: number } = {},
) {
  const primary = await startTcpRelay(app.testDb.runtime.databaseUrl);
  const replica = relayReplica ? await startTcpRelay(app.testDb.runtime.replicaUrls[0]!) : null;
  const database = await openDatabase(
    {
      databaseUrl: primary.url,
      replicaUrls: [replica?.url ?? app.testDb.runtime.replicaUrls[0]!],
      embeddedDataDir: 'memory',
      logSql: false,
      databaseConnectTimeoutMs: CONNECT_TIMEOUT_MS,
      readRouting: {
        maxLagSeconds,
        maxLagBytes: 64 * 1024 * 1024,
        checkIntervalMs: 500,
        readYourWritesMs: 15_000,
      },
    },
    { entities: GATEWAY_ENTITIES },
  );
  const server = await createServer({
    config: { logLevel: 'silent', security: testSecurity() },
    database,
    tokens: app.tokens,
    schema,
  });
  const url = await server.app.listen({ host: '127.0.0.1', port: 0 });
  const post = async (query: string, variables: Record<string, unknown> = {}): Promise<Answer> => {
    const started = Date.now();
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await app.token('user')}` },
      body: JSON.stringify({ query, variables }),
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      text,
      body: JSON.parse(text),
      ms: Date.now() - started,
    };
  };
  return {
    primary,
    replica,
    database,
    post,
    close: async () => {
      await server.app.close();
      await database.close();
      await primary.close();
      await replica?.close();
    },
  };
}

function expectDatabaseUnavailable(answer: Answer): void {
  expect(answer.status).toBe(503);
  expect(answer.headers.get('retry-after')).toBe('2');
  expect(answer.body.data ?? null).toBeNull();
  expect(answer.body.errors).toEqual([
    expect.objectContaining({
      message: 'The database is unavailable right now; try again shortly',
      extensions: {
        code: 'DATABASE_UNAVAILABLE',
        retryable: true,
        retryAfterSeconds: 2,
        requestId: answer.headers.get('x-request-id'),
      },
    }),
  ]);
  // Nothing of the driver's error reaches the caller: no address, no error code, no SQL.
  expect(answer.text).not.toMatch(/127\.0\.0\.1|ECONN|timeout exceeded|insert into|projects"/i);
}

describe('the primary unreachable', () => {
  let app: TestApp;
  let schema: GraphQLSchema;
  let integrationId: number;
  const projectsNamed = async (key: string) =>
    (
      await app.testDb.query<{ n: number }>('select count(*)::int as n from projects where key = $1', [key])
    )[0]!.n;

  beforeAll(async () => {
    app = await createTestApp('database_faults');
    schema = (await buildGatewaySchema(GATEWAY_MODULES)).schema;
    const { clientId } = await app.viewer('user');
    [{ id: integrationId }] = await app.testDb.query<{ id: number }>(
      'select id from integrations where client_id = $1 order by id limit 1',
      [clientId],
    );
  });

  afterAll(async () => {
    await app?.close();
  });

  it('refusing connections: mutations answer DATABASE_UNAVAILABLE with 503 at once, reads go on from the replica', async () => {
    const gateway = await gatewayBehindRelays(app, schema);
    try {
      const before = await gateway.post(READ);
      expect(before.status).toBe(200);
      const written = await gateway.post(CREATE, { input: { key: 'UP1', name: 'Up', integrationId } });
      expect(written.body.errors).toBeUndefined();
      expect(await projectsNamed('UP1')).toBe(1);

      await gateway.primary.cut();
      const refused = await gateway.post(CREATE, { input: { key: 'DOWN1', name: 'Down', integrationId } });
      expectDatabaseUnavailable(refused);
      expect(refused.ms).toBeLessThan(CONNECT_TIMEOUT_MS + 2_000);
      expect(refused.headers.get('x-pulse-lsn')).toBeNull();
      expect(await projectsNamed('DOWN1')).toBe(0);

      // Reads are answered by the replica, the write before the cut included.
      await new Promise((resolve) => setTimeout(resolve, 600));
      await gateway.database.router.refresh();
      const read = await gateway.post(READ);
      expect(read.status).toBe(200);
      expect(read.body.errors).toBeUndefined();
      expect(read.body.data.projects.totalCount).toBe(before.body.data.projects.totalCount + 1);
    } finally {
      await gateway.close();
    }
  });

  it('silent (connections never answered): the mutation fails within the connect timeout, not minutes later', async () => {
    const gateway = await gatewayBehindRelays(app, schema);
    try {
      expect((await gateway.post(READ)).status).toBe(200);
      gateway.primary.silence();
      const refused = await gateway.post(CREATE, { input: { key: 'DOWN2', name: 'Down', integrationId } });
      expectDatabaseUnavailable(refused);
      // Connecting for the mutation waits CONNECT_TIMEOUT_MS; the credential check may wait once more.
      expect(refused.ms).toBeLessThan(2 * CONNECT_TIMEOUT_MS + 2_000);
      expect(await projectsNamed('DOWN2')).toBe(0);

      const read = await gateway.post(READ);
      expect(read.status).toBe(200);
      expect(read.body.errors).toBeUndefined();
    } finally {
      await gateway.close();
    }
  });

  it('silent, with the replica past the staleness bound: the first read waits the connect timeout once, then reads go to the replica', async () => {
    // A bound of a millisecond: while the primary answers, every read goes to it, as when the replica
    // is really behind.
    const gateway = await gatewayBehindRelays(app, schema, { maxLagSeconds: 0.001 });
    try {
      const before = await gateway.post(READ);
      expect(before.status).toBe(200);
      expect(gateway.database.router.stats().reads.replica).toBe(0);
      gateway.primary.silence();

      const first = await gateway.post(READ);
      expect(first.status).toBe(200);
      expect(first.body.errors).toBeUndefined();
      expect(first.body.data).toEqual(before.body.data);
      expect(first.ms).toBeLessThan(CONNECT_TIMEOUT_MS + 2_000);
      expect(gateway.database.router.stats().reads.replica).toBe(1);

      // The failure is remembered until a probe reaches the primary again: no second wait.
      const second = await gateway.post(READ);
      expect(second.status).toBe(200);
      expect(second.body.data).toEqual(before.body.data);
      expect(second.ms).toBeLessThan(CONNECT_TIMEOUT_MS);
    } finally {
      await gateway.close();
    }
  });

  it('with the replica gone too, reads and the credential check answer DATABASE_UNAVAILABLE (503), not 500', async () => {
    const gateway = await gatewayBehindRelays(app, schema, { relayReplica: true });
    try {
      await gateway.primary.cut();
      await gateway.replica!.cut();
      await gateway.database.router.refresh();
      // No credential answer is cached by this gateway yet: the context cannot be built.
      const answer = await gateway.post(READ);
      expectDatabaseUnavailable(answer);
    } finally {
      await gateway.close();
    }
  });
});
