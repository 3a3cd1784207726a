import 'reflect-metadata';

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { GraphQLSchema } from 'graphql';

import { TokenService } from '../auth/tokens.js';
import { openDatabase } from '../db/database.js';
import type { Database } from '../db/database.js';
import { migrateUp } from '../db/migration-runner.js';
import { buildGatewaySchema } from '../graphql/build-schema.js';
import { Client } from '../modules/clients/client.entity.js';
import { User } from '../modules/users/user.entity.js';
import { createServer } from '../server/create-server.js';
import type { GatewayServer } from '../server/create-server.js';
import { BUSINESS_TABLES } from '../testing/schema-tables.js';
import { createTestDatabase } from '../testing/test-database.js';
import type { TestDatabase } from '../testing/test-database.js';
import { GATEWAY_ENTITIES, GATEWAY_MODULES } from '../modules/index.js';

const DEAD_URL = 'postgresql://postgres@127.0.0.1:1/nowhere';
/**
 * Probes only when a test calls refresh(). Without probes the staleness of a replica grows with the
 * time since the last one, so the lag limit is an hour here: else a test that runs 5 s after the last
 * refresh would find the replica too stale to read from.
 */
const QUIET = {
  maxLagSeconds: 3600,
  maxLagBytes: 64 * 1024 * 1024,
  checkIntervalMs: 600_000,
  readYourWritesMs: 15_000,
};
/** `'[1,2,3]'::vector <=> '[1,2,4]'::vector` */
const COSINE_DISTANCE = 1 - 17 / Math.sqrt(14 * 21);

interface Running {
  database: Database;
  server: GatewayServer;
  baseUrl: string;
}

describe('operational endpoints: /health/database, /health/ml, /metrics', () => {
  let testDb: TestDatabase;
  let schema: GraphQLSchema;
  let tokens: TokenService;
  let healthy: Running;
  let replicaDown: Running;
  let primaryDown: Running;
  const tokenFor: Record<'admin' | 'user', string> = { admin: '', user: '' };

  async function start(config: Parameters<typeof openDatabase>[0], prepare?: (running: Running) => void) {
    const database = await openDatabase(config, { entities: GATEWAY_ENTITIES });
    const server = await createServer({ config: { logLevel: 'silent' }, database, tokens, schema });
    const running: Running = { database, server, baseUrl: '' };
    prepare?.(running);
    running.baseUrl = await server.app.listen({ host: '127.0.0.1', port: 0 });
    return running;
  }

  const get = async (running: Running, path: string, authorization?: string) => {
    const response = await fetch(`${running.baseUrl}${path}`, {
      headers: authorization ? { authorization } : {},
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      text,
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      body: (response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : null) as any,
    };
  };
  const asAdmin = () => `Bearer ${tokenFor.admin}`;

  beforeAll(async () => {
    testDb = await createTestDatabase('health');
    tokens = await TokenService.fromConfig(
      { secret: 'h'.repeat(40), publicKey: null, issuer: null, audience: null },
      null,
    );
    schema = (await buildGatewaySchema(GATEWAY_MODULES)).schema;
    healthy = await start(
      { ...testDb, embeddedDataDir: 'memory', logSql: false, readRouting: QUIET },
      (running) => {
        // A request that writes and then reads, as a mutation followed by its result does: the write
        // is noted after its commit, and the request's read session picks its connection afterwards.
        running.server.app.post<{ Body: { write: boolean } }>('/test/write-then-read', async (request) => {
          const viewerKey = String(request.headers['x-viewer']);
          if (request.body.write) {
            const em = running.database.fork();
            em.create(Client, { name: `written by ${viewerKey}` });
            await em.flush();
            running.database.router.noteWrite(viewerKey);
          }
          const reader = running.database.openReadSession({ viewerKey, clientId: null });
          try {
            const [row] = await reader.all<{ replica: boolean }>('select pg_is_in_recovery() as replica');
            return { readFromReplica: row!.replica };
          } finally {
            await reader.end();
          }
        });
      },
    );
    await migrateUp(healthy.database.orm);

    const em = healthy.database.fork();
    const acme = em.create(Client, { name: 'Acme' });
    em.create(Client, { name: 'Globex' });
    const admin = em.create(User, {
      client: acme,
      email: 'admin@acme.example',
      role: 'admin',
      isAdmin: true,
    });
    const user = em.create(User, { client: acme, email: 'user@acme.example', role: 'user' });
    await em.flush();
    await testDb.query(
      `update clients set embedding = ('[1' || repeat(',0', 1535) || ']')::vector where name = 'Acme'`,
    );
    await testDb.query(
      `update users set embedding = ('[0,1' || repeat(',0', 1534) || ']')::vector where email = 'user@acme.example'`,
    );
    tokenFor.admin = await tokens.sign({ userId: admin.id, clientId: acme.id, role: 'admin' });
    tokenFor.user = await tokens.sign({ userId: user.id, clientId: acme.id, role: 'user' });
    await testDb.waitForReplica();
    await healthy.database.router.refresh();

    replicaDown = await start({
      ...testDb,
      replicaUrls: [DEAD_URL],
      embeddedDataDir: 'memory',
      logSql: false,
      readRouting: QUIET,
    });
    primaryDown = await start({
      databaseUrl: DEAD_URL,
      replicaUrls: [],
      embeddedDataDir: 'memory',
      logSql: false,
    });
  });

  afterAll(async () => {
    for (const running of [healthy, replicaDown, primaryDown]) {
      await running?.server.app.close();
      await running?.database.close();
    }
    await testDb?.drop();
  });

  describe('GET /health/database', () => {
    it('tells anonymous callers only the status', async () => {
      const response = await get(healthy, '/health/database');
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ status: 'healthy' });
      expect(response.headers.get('cache-control')).toBe('no-store');
    });

    it.each([
      ['a non-admin token', () => `Bearer ${tokenFor.user}`],
      ['an invalid token', () => 'Bearer not.a.token'],
      ['another scheme', () => 'Basic YWRtaW46YWRtaW4='],
    ])('tells a caller with %s only the status', async (_label, authorization) => {
      const response = await get(healthy, '/health/database', authorization());
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ status: 'healthy' });
    });

    it('gives admins the primary, the ML tables, the replica and embedding counts over all clients', async () => {
      const { status, body } = await get(healthy, '/health/database', asAdmin());
      expect(status).toBe(200);
      expect(body).toMatchObject({
        status: 'healthy',
        database: 'postgresql',
        primary: { reachable: true },
        mlTables: {
          ai_learning_memory: 'available',
          ml_prediction_log: 'available',
          ml_anomaly_alerts: 'available',
        },
        replicas: [{ name: 'replica-1', reachable: true, healthy: true }],
        reasons: [],
      });
      expect(body.replicas[0].lagBytes).toBeGreaterThanOrEqual(0);
      expect(typeof body.replicas[0].lagSeconds).toBe('number');
      // Counts only: one Acme client row and one user carry an embedding; no row content is returned.
      expect(body.embeddings.target).toBe('replica-1');
      expect(body.embeddings.scope).toBe('all clients (row counts only)');
      expect(body.embeddings.tables).toMatchObject({
        clients: 1,
        users: 1,
        projects: 0,
        issues: 0,
        repositories: 0,
        pull_requests: 0,
      });
      expect(Object.keys(body.embeddings.tables)).toEqual(expect.arrayContaining(BUSINESS_TABLES));
      expect(JSON.stringify(body)).not.toMatch(/Acme|Globex|acme\.example/);
    });

    it('is degraded, still 200, when the replica is down, and says why to admins', async () => {
      const anonymous = await get(replicaDown, '/health/database');
      expect(anonymous.status).toBe(200);
      expect(anonymous.body).toEqual({ status: 'degraded' });
      const { body } = await get(replicaDown, '/health/database', asAdmin());
      expect(body).toMatchObject({
        status: 'degraded',
        primary: { reachable: true },
        replicas: [
          { name: 'replica-1', reachable: false, healthy: false, error: 'network error ECONNREFUSED' },
        ],
      });
      expect(body.reasons).toEqual(['replica replica-1 gets no reads: network error ECONNREFUSED']);
      // The counts still come, from the primary.
      expect(body.embeddings).toMatchObject({ target: 'primary', tables: { clients: 1 } });
    });

    it('is unhealthy with 503 when the primary does not answer', async () => {
      const anonymous = await get(primaryDown, '/health/database');
      expect(anonymous.status).toBe(503);
      expect(anonymous.body).toEqual({ status: 'unhealthy' });
      const { status, body } = await get(primaryDown, '/health/database', asAdmin());
      expect(status).toBe(503);
      expect(body).toMatchObject({
        status: 'unhealthy',
        primary: { reachable: false, error: 'network error ECONNREFUSED' },
        reasons: ['the primary does not answer'],
      });
    });
  });

  describe('GET /health/database on an incomplete schema', () => {
    let schemaDb: TestDatabase;
    let running: Running;

    beforeAll(async () => {
      schemaDb = await createTestDatabase('health_schema');
      running = await start({ ...schemaDb, embeddedDataDir: 'memory', logSql: false, readRouting: QUIET });
    });

    afterAll(async () => {
      await running?.server.app.close();
      await running?.database.close();
      await schemaDb?.drop();
    });

    it('is unhealthy with 503 before the migrations ran', async () => {
      const { status, body } = await get(running, '/health/database', asAdmin());
      expect(status).toBe(503);
      expect(body).toMatchObject({
        status: 'unhealthy',
        primary: { reachable: true },
        coreTables: { clients: 'not_available', issues: 'not_available' },
      });
      expect(body.reasons).toEqual([
        'core tables not available: clients, users, projects, issues, repositories, pull_requests (run `npx pulse migrate up`)',
      ]);
    });

    it('is degraded, still 200, when an ML table is missing', async () => {
      await migrateUp(running.database.orm);
      await schemaDb.query('drop table ml_anomaly_alerts');
      await schemaDb.waitForReplica();
      expect((await get(running, '/health/database')).body).toEqual({ status: 'degraded' });
      const { status, body } = await get(running, '/health/database', asAdmin());
      expect(status).toBe(200);
      expect(body.mlTables).toEqual({
        ai_learning_memory: 'available',
        ml_prediction_log: 'available',
        ml_anomaly_alerts: 'not_available',
      });
      expect(body.reasons).toEqual(['ML table ml_anomaly_alerts is not available']);
    });
  });

  describe('GET /health/ml', () => {
    it('is healthy with pgvector and without the optional PostgresML, status only for anonymous callers', async () => {
      const response = await get(healthy, '/health/ml');
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ status: 'healthy' });
    });

    it('gives admins pgvector, PostgresML, the ML session and the replica lag', async () => {
      const { body } = await get(healthy, '/health/ml', asAdmin());
      expect(body).toMatchObject({
        status: 'healthy',
        mlSession: {
          target: 'replica-1',
          readOnly: true,
          settings: { statement_timeout: '5min', work_mem: '256MB', random_page_cost: '1.1' },
        },
        pgvector: { available: true },
        postgresml: { installed: false, available: false, version: null },
        vectorColumns: { issues: 'vector(1536)', pull_requests: 'vector(1536)', projects: 'vector(1536)' },
        replicas: [{ name: 'replica-1', reachable: true, healthy: true }],
      });
      expect(body.pgvector.version).toMatch(/^\d+\.\d+\.\d+$/);
      expect(body.pgvector.cosineDistance).toBeCloseTo(COSINE_DISTANCE, 6);
      expect(body.postgresml.reason).toMatch(
        /PostgresML is not available on this server|pgml extension is not installed/,
      );
    });

    it('is degraded with a dead replica, the ML session falling back to the primary', async () => {
      expect((await get(replicaDown, '/health/ml')).body).toEqual({ status: 'degraded' });
      const { status, body } = await get(replicaDown, '/health/ml', asAdmin());
      expect(status).toBe(200);
      expect(body).toMatchObject({
        status: 'degraded',
        mlSession: { target: 'primary', readOnly: true },
        pgvector: { available: true },
        replicas: [{ reachable: false }],
      });
    });

    it('is unhealthy with 503 when no database answers', async () => {
      const response = await get(primaryDown, '/health/ml');
      expect(response.status).toBe(503);
      expect(response.body).toEqual({ status: 'unhealthy' });
    });
  });

  describe('read routing per request', () => {
    const post = (viewer: string, write: boolean) =>
      fetch(`${healthy.baseUrl}/test/write-then-read`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-viewer': viewer },
        body: JSON.stringify({ write }),
      }).then((response) => response.json() as Promise<{ readFromReplica: boolean }>);

    it('reads from the primary after the viewer wrote, from the replica for others', async () => {
      expect(await post('1:100', false)).toEqual({ readFromReplica: true });
      expect(await post('1:100', true)).toEqual({ readFromReplica: false });
      // The next request of the same viewer too (the replica has not been seen past the write yet).
      expect(await post('1:100', false)).toEqual({ readFromReplica: false });
      expect(await post('1:101', false)).toEqual({ readFromReplica: true });
    });
  });

  describe('GET /metrics', () => {
    const SAMPLE_LINE =
      /^[a-zA-Z_:][a-zA-Z0-9_:]*(\{([a-zA-Z_][a-zA-Z0-9_]*="([^"\\\n]|\\.)*",?)*\})? -?[0-9.e+-]+$|^[a-z_]+(\{.*\})? (NaN|[+-]Inf)$/;

    it('serves the Prometheus text format with HTTP, routing and replica metrics', async () => {
      await get(healthy, '/health/database');
      await get(healthy, '/no/such/page');
      const response = await get(healthy, '/metrics');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
      const lines = response.text.trimEnd().split('\n');
      // The text format allows empty lines between metric families (prom-client writes them).
      for (const line of lines.filter((candidate) => candidate !== '')) {
        if (line.startsWith('# ')) expect(line).toMatch(/^# (HELP|TYPE) [a-zA-Z_:][a-zA-Z0-9_:]* .+$/);
        else expect(line).toMatch(SAMPLE_LINE);
      }
      const value = (sample: string) => {
        const line = lines.find((candidate) => candidate.startsWith(`${sample} `));
        return line === undefined ? undefined : Number(line.slice(sample.length + 1));
      };
      expect(response.text).toContain('# TYPE pulse_http_requests_total counter');
      expect(
        value('pulse_http_requests_total{method="GET",route="/health/database",status="200"}'),
      ).toBeGreaterThanOrEqual(1);
      expect(value('pulse_http_requests_total{method="GET",route="unmatched",status="404"}')).toBe(1);
      const count = value(
        'pulse_http_request_duration_seconds_count{method="GET",route="/health/database",status="200"}',
      );
      expect(
        value(
          'pulse_http_request_duration_seconds_bucket{le="+Inf",method="GET",route="/health/database",status="200"}',
        ),
      ).toBe(count);
      expect(value('pulse_db_replica_up{replica="replica-1"}')).toBe(1);
      expect(value('pulse_db_replica_healthy{replica="replica-1"}')).toBe(1);
      expect(value('pulse_db_replica_lag_bytes{replica="replica-1"}')).toBeGreaterThanOrEqual(0);
      expect(value('pulse_db_read_routing_total{target="replica",reason="none"}')).toBeGreaterThan(0);
      expect(
        value('pulse_db_read_routing_total{target="primary",reason="read_your_writes"}'),
      ).toBeGreaterThan(0);
      expect(value('pulse_db_pool_connections{pool="primary",state="max"}')).toBe(20);
      expect(value('pulse_db_pool_connections{pool="replica-1",state="idle"}')).toBeGreaterThanOrEqual(0);
      expect(response.text).toContain('# TYPE nodejs_eventloop_lag_seconds gauge');
    });

    it('counts reads that fell back to the primary because the replica is down', async () => {
      await get(replicaDown, '/health/ml');
      const { text } = await get(replicaDown, '/metrics');
      expect(text).toContain('pulse_db_replica_up{replica="replica-1"} 0');
      expect(text).toContain('pulse_db_replica_healthy{replica="replica-1"} 0');
      expect(text).not.toContain('pulse_db_replica_lag_bytes{');
      const fallbacks =
        /pulse_db_read_routing_total\{target="primary",reason="replica_unhealthy"\} (\d+)/.exec(text);
      expect(Number(fallbacks?.[1])).toBeGreaterThan(0);
    });
  });
});
