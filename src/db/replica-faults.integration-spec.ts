import 'reflect-metadata';

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GraphQLError } from 'graphql';
import pg from 'pg';

import { createErrorFormatter } from '../graphql/format-error.js';
import { captureSql } from '../testing/sql-capture.js';
import { startPrivateCluster } from '../testing/private-cluster.js';
import type { PrivateCluster } from '../testing/private-cluster.js';
import { startTcpRelay } from '../testing/tcp-relay.js';
import { openDatabase } from './database.js';
import type { Database } from './database.js';
import { isDatabaseUnavailable, isRecoveryConflict } from './database-faults.js';
import { withPgClient } from './pg-client.js';
import { GATEWAY_ENTITIES } from '../modules/index.js';

const MAX_LAG_SECONDS = 2;
/** Slower than the bound's share would suggest, so the old rule (lag at the probe only) would fail. */
const CHECK_INTERVAL_MS = 1_500;
const HEARTBEAT_MS = 100;
const ROUTING = {
  maxLagSeconds: MAX_LAG_SECONDS,
  maxLagBytes: 64 * 1024 * 1024,
  checkIntervalMs: CHECK_INTERVAL_MS,
  readYourWritesMs: 15_000,
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Replica faults that need a replica of the test's own: replay paused for seconds, and recovery
 * conflicts provoked at once (max_standby_streaming_delay = 0). The shared replica serves everyone else.
 */
describe('replica faults on a private primary and replica', () => {
  let cluster: PrivateCluster;
  let database: Database;
  const sql = captureSql();

  beforeAll(async () => {
    cluster = await startPrivateCluster('replica_faults');
    await withPgClient(cluster.primaryUrl, async (client) => {
      await client.query('create table heartbeat (at timestamptz not null)');
      await client.query('create table conflict_rows (id int primary key)');
      await client.query('insert into conflict_rows select generate_series(1, 10)');
    });
    await cluster.waitForReplica();
    database = await openDatabase(
      {
        databaseUrl: cluster.primaryUrl,
        replicaUrls: [cluster.replicaUrl],
        embeddedDataDir: 'memory',
        logSql: false,
        readRouting: ROUTING,
      },
      { ...sql.options, entities: GATEWAY_ENTITIES },
    );
  }, 120_000);

  afterAll(async () => {
    await database?.close();
    await cluster?.stop();
  });

  /** One request's read, as the gateway runs it: its own read session, ended after the statement. */
  async function readHeartbeat(): Promise<{ startedAt: number; onReplica: boolean; newest: number }> {
    const session = database.openReadSession({ viewerKey: null, clientId: null });
    const startedAt = Date.now();
    try {
      const [row] = await session.all<{ replica: boolean; newest: number }>(
        'select pg_is_in_recovery() as replica, (extract(epoch from max(at)) * 1000)::float8 as newest from heartbeat',
      );
      return { startedAt, onReplica: row!.replica, newest: row!.newest };
    } finally {
      await session.end();
    }
  }

  it(`serves no read staler than DATABASE_REPLICA_MAX_LAG_SECONDS (${MAX_LAG_SECONDS} s) while replay is paused`, async () => {
    const writer = new pg.Client({ connectionString: cluster.primaryUrl });
    await writer.connect();
    let beating = true;
    const heartbeat = (async () => {
      while (beating) {
        await writer.query('insert into heartbeat values (clock_timestamp())');
        await sleep(HEARTBEAT_MS);
      }
    })();
    try {
      await sleep(500);
      await cluster.waitForReplica();
      await database.router.refresh();
      const before = await readHeartbeat();
      expect(before.onReplica).toBe(true);

      await cluster.pauseReplay();
      const pausedAt = Date.now();
      const reads: Awaited<ReturnType<typeof readHeartbeat>>[] = [];
      // Long enough for the old rule to have served a read about MAX_LAG + 2 probe intervals stale.
      while (Date.now() - pausedAt < MAX_LAG_SECONDS * 1000 + 3 * CHECK_INTERVAL_MS) {
        reads.push(await readHeartbeat());
        await sleep(50);
      }
      const fromReplica = reads.filter((read) => read.onReplica);
      // Staleness of a read: how long before it started the oldest heartbeat it does not see was
      // written (committed a few milliseconds later). The promise is broken only if that is over N.
      const beats = (
        await withPgClient(cluster.primaryUrl, (client) =>
          client.query<{ at: number }>(
            'select (extract(epoch from at) * 1000)::float8 as at from heartbeat order by at',
          ),
        )
      ).rows.map((row) => row.at);
      const staleness = fromReplica.map((read) => {
        const firstMissing = beats.find((at) => at > read.newest);
        return firstMissing === undefined ? 0 : read.startedAt - firstMissing;
      });
      expect(fromReplica.length).toBeGreaterThan(0);
      expect(Math.max(...staleness)).toBeLessThanOrEqual(MAX_LAG_SECONDS * 1000);
      // Once the bound is reached, reads go to the primary and see the latest heartbeat.
      const onPrimary = reads.filter((read) => !read.onReplica);
      expect(onPrimary.length).toBeGreaterThan(0);
      expect(Math.max(...onPrimary.map((read) => read.startedAt - read.newest))).toBeLessThan(1_000);
      expect(reads.at(-1)!.onReplica).toBe(false);

      await cluster.resumeReplay();
      await cluster.waitForReplica();
      await database.router.refresh();
      expect((await readHeartbeat()).onReplica).toBe(true);
    } finally {
      beating = false;
      await heartbeat.catch(() => undefined);
      await writer.end();
      await cluster.resumeReplay().catch(() => undefined);
    }
  }, 60_000);

  /** Takes an ACCESS EXCLUSIVE lock on the primary: replaying it cancels replica reads of the table. */
  const lockOnPrimary = () =>
    withPgClient(cluster.primaryUrl, async (client) => {
      await client.query('begin');
      await client.query('lock table conflict_rows in access exclusive mode');
      await client.query('commit');
    });
  const LONG_READ =
    'select pg_is_in_recovery() as replica, count(*)::int as n from conflict_rows, pg_sleep(2) as slept';

  it('runs a read the replica cancelled for a recovery conflict again on the primary', async () => {
    await cluster.waitForReplica();
    await database.router.refresh();
    const conflictsBefore = database.router.stats().fallbacks.replica_error;
    const session = database.openReadSession({ viewerKey: null, clientId: null });
    sql.clear();
    try {
      const read = session.all<{ replica: boolean; n: number }>(LONG_READ);
      await sleep(500);
      await lockOnPrimary();
      expect(await read).toEqual([{ replica: false, n: 10 }]);
    } finally {
      await session.end();
    }
    // It ran on the replica first (and was cancelled there), then on the primary.
    const statements = sql.queries.filter((query) => !query.transactionControl);
    expect(statements.map((query) => query.connectionType)).toEqual(['read', 'write']);
    expect(database.router.stats().fallbacks.replica_error).toBe(conflictsBefore + 1);
  }, 30_000);

  it('answers DATABASE_UNAVAILABLE for a recovery conflict when the primary cannot take the read', async () => {
    // The replica's own error first, as the driver reports it.
    const cancelled = await withPgClient(cluster.replicaUrl, async (client) => {
      const read = client.query(LONG_READ).then(
        () => null,
        (error: unknown) => error,
      );
      await sleep(500);
      await lockOnPrimary();
      return read;
    });
    expect(cancelled).toMatchObject({
      code: '40001',
      message: expect.stringMatching(/conflict with recovery/),
    });
    expect(isRecoveryConflict(cancelled)).toBe(true);
    const format = createErrorFormatter();
    const resolverError = new GraphQLError((cancelled as Error).message, {
      originalError: cancelled as Error,
    });
    expect(
      format(
        { message: resolverError.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } },
        resolverError,
      ),
    ).toEqual({
      message: 'The database is unavailable right now; try again shortly',
      extensions: { code: 'DATABASE_UNAVAILABLE', retryable: true, retryAfterSeconds: 2 },
    });

    // Then through the read path, with the primary behind a relay that is cut: the retry fails too.
    const relay = await startTcpRelay(cluster.primaryUrl);
    const degraded = await openDatabase(
      {
        databaseUrl: relay.url,
        replicaUrls: [cluster.replicaUrl],
        embeddedDataDir: 'memory',
        logSql: false,
        databaseConnectTimeoutMs: 1_000,
        readRouting: ROUTING,
      },
      { entities: GATEWAY_ENTITIES },
    );
    try {
      await relay.cut();
      await degraded.router.refresh();
      const session = degraded.openReadSession({ viewerKey: null, clientId: null });
      try {
        const read = session.all(LONG_READ).then(
          () => null,
          (error: unknown) => error,
        );
        await sleep(500);
        await lockOnPrimary();
        const failure = await read;
        expect(failure).not.toBeNull();
        expect(isDatabaseUnavailable(failure)).toBe(true);
      } finally {
        await session.end();
      }
    } finally {
      await degraded.close();
      await relay.close();
    }
  }, 30_000);
});
