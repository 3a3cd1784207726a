import 'reflect-metadata';

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

import { TokenService } from '../auth/tokens.js';
import { viewerForEmail } from '../cli/demo-tokens.js';
import { seedIfEmpty } from '../cli/seed-command.js';
import { openDatabase } from '../db/database.js';
import type { Database } from '../db/database.js';
import { migrateUp } from '../db/migration-runner.js';
import { buildGatewaySchema } from '../graphql/build-schema.js';
import { openSession } from '../modules/users/user-sessions.js';
import { startPrivateCluster } from '../testing/private-cluster.js';
import type { PrivateCluster } from '../testing/private-cluster.js';
import { testSecurity } from '../testing/test-app.js';
import { createServer } from './create-server.js';
import type { GatewayServer } from './create-server.js';
import { GATEWAY_ENTITIES, GATEWAY_MODULES } from '../modules/index.js';

const CREATE = `mutation ($input: ProjectCreateInput!) { createProject(input: $input) { id key } }`;
const COUNT = `{ projects(first: 1) { totalCount } }`;
const APP_ORIGIN = 'https://app.example.com';

interface Gateway {
  database: Database;
  server: GatewayServer;
  url: string;
}

/**
 * Two gateway instances on one database, as behind a load balancer: each its own database pools, read
 * router and memory. Replay is paused on the (private) replica, so a read served by it cannot show a
 * write made after the pause: the test fails if the causal token does not reach the primary.
 */
describe('read-your-writes across gateway instances (x-pulse-lsn)', () => {
  let cluster: PrivateCluster;
  let owner: Database;
  let tokens: TokenService;
  let token: string;
  let integrationId: number;
  const gateways: Gateway[] = [];

  async function startGateway(): Promise<Gateway> {
    const database = await openDatabase(
      {
        databaseUrl: cluster.primaryUrl,
        replicaUrls: [cluster.replicaUrl],
        embeddedDataDir: 'memory',
        logSql: false,
        // A generous staleness bound: the paused replica keeps serving, so only the token can send a
        // read to the primary.
        readRouting: {
          maxLagSeconds: 300,
          maxLagBytes: 1024 ** 3,
          checkIntervalMs: 500,
          readYourWritesMs: 15_000,
        },
      },
      { entities: GATEWAY_ENTITIES },
    );
    const server = await createServer({
      config: { logLevel: 'silent', security: testSecurity({ corsOrigins: [APP_ORIGIN] }) },
      database,
      tokens,
      schema: (await buildGatewaySchema(GATEWAY_MODULES)).schema,
    });
    const url = await server.app.listen({ host: '127.0.0.1', port: 0 });
    const gateway = { database, server, url };
    gateways.push(gateway);
    return gateway;
  }

  async function post(gateway: Gateway, query: string, variables = {}, lsn?: string) {
    const response = await fetch(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        ...(lsn === undefined ? {} : { 'x-pulse-lsn': lsn }),
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as {
      data?: { projects: { totalCount: number } };
      errors?: { extensions?: Record<string, unknown> }[];
    };
    return { status: response.status, lsn: response.headers.get('x-pulse-lsn'), body };
  }

  beforeAll(async () => {
    cluster = await startPrivateCluster('read_your_writes');
    owner = await openDatabase(
      {
        databaseUrl: cluster.primaryUrl,
        replicaUrls: [],
        embeddedDataDir: 'memory',
        logSql: false,
      },
      { entities: GATEWAY_ENTITIES },
    );
    await migrateUp(owner.orm);
    await seedIfEmpty(owner.fork(), { clients: 1, issuesPerClient: 3, embeddingShare: 0, randomSeed: 7 });
    tokens = await TokenService.fromConfig(
      { secret: 'test-secret-'.repeat(4), publicKey: null, issuer: null, audience: null },
      null,
    );
    const viewer = await viewerForEmail(owner.fork(), 'user@acme.example');
    token = (await openSession(owner.fork(), tokens, viewer)).token;
    [{ id: integrationId }] = await owner
      .fork()
      .getConnection('write')
      .execute<{ id: number }[]>('select id from integrations where client_id = ? order by id limit 1', [
        viewer.clientId,
      ]);
    await cluster.waitForReplica();
  }, 180_000);

  afterAll(async () => {
    for (const gateway of gateways) {
      await gateway.server.app.close();
      await gateway.database.close();
    }
    await owner?.close();
    await cluster?.stop();
  });

  it('a write through instance A is read back through instance B when the client sends the token', async () => {
    const [a, b] = [await startGateway(), await startGateway()];
    // Both see the replica, and through it the seeded projects.
    const seeded = (await post(b, COUNT)).body.data!.projects.totalCount;
    expect(seeded).toBeGreaterThan(0);
    expect(b.database.router.replicas()[0]).toMatchObject({ healthy: true });

    await cluster.pauseReplay();
    let written: string;
    try {
      const created = await post(a, CREATE, { input: { key: 'RYW1', name: 'Written via A', integrationId } });
      expect(created.body.errors).toBeUndefined();
      expect(created.lsn).toMatch(/^[0-9A-F]{1,8}\/[0-9A-F]{1,8}$/);
      written = created.lsn!;

      // Without the token, B reads from the paused replica: the write is not there (stale, as expected).
      expect((await post(b, COUNT)).body.data!.projects.totalCount).toBe(seeded);
      // With it, B knows the replica has not replayed that far and reads from the primary.
      const withToken = await post(b, COUNT, {}, created.lsn!);
      expect(withToken.body.errors).toBeUndefined();
      expect(withToken.body.data!.projects.totalCount).toBe(seeded + 1);
      // A query's response carries no token; only mutations hand one out.
      expect(withToken.lsn).toBeNull();
    } finally {
      await cluster.resumeReplay();
    }

    // Once the replica has replayed the position, B reads with the same token from the replica again.
    await cluster.waitForReplica();
    await b.database.router.refresh();
    const replicaReadsBefore = b.database.router.stats().reads.replica;
    const after = await post(b, COUNT, {}, written);
    expect(after.body.data!.projects.totalCount).toBe(seeded + 1);
    expect(b.database.router.stats().reads.replica).toBeGreaterThan(replicaReadsBefore);
  }, 60_000);

  it('lets a browser app on an allowed origin send the token and read it (CORS)', async () => {
    const gateway = gateways[0] ?? (await startGateway());
    const preflight = await fetch(`${gateway.url}/graphql`, {
      method: 'OPTIONS',
      headers: {
        origin: APP_ORIGIN,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type, x-pulse-lsn',
      },
    });
    expect(preflight.status).toBeLessThan(300);
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/x-pulse-lsn/);
    const response = await fetch(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: { origin: APP_ORIGIN, 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: COUNT }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-expose-headers')).toMatch(/x-pulse-lsn/);
  });

  it('refuses a malformed token with BAD_USER_INPUT (400) before any read', async () => {
    const gateway = gateways[0] ?? (await startGateway());
    for (const bad of ['yesterday', '0/XYZ', '1/2/3', `${'F'.repeat(9)}/0`]) {
      const answer = await post(gateway, COUNT, {}, bad);
      expect(answer.status).toBe(400);
      expect(answer.body.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'x-pulse-lsn',
      });
    }
  });
});
