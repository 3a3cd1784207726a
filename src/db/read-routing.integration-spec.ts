import 'reflect-metadata';

import { createConnection, createServer as createTcpServer } from 'node:net';
import type { Server, Socket } from 'node:net';

import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';

import { TENANT_FILTER } from '../common/tenant-filter.js';
import { Client } from '../modules/clients/client.entity.js';
import { captureSql } from '../testing/sql-capture.js';
import { createTestDatabase } from '../testing/test-database.js';
import type { TestDatabase } from '../testing/test-database.js';
import { openDatabase } from './database.js';
import type { Database } from './database.js';
import { migrateUp } from './migration-runner.js';
import { GATEWAY_ENTITIES } from '../modules/index.js';

const DEAD_URL = 'postgresql://postgres@127.0.0.1:1/nowhere';
/**
 * Long enough that only the test's own refresh() calls probe: every state change below is explained.
 * Without probes a replica's staleness grows with the time since the last one, hence the hour of lag.
 */
const QUIET = {
  maxLagSeconds: 3600,
  maxLagBytes: 64 * 1024 * 1024,
  checkIntervalMs: 600_000,
  readYourWritesMs: 15_000,
};

/** A TCP relay in front of the real replica that the test can cut, like a replica host going away. */
async function replicaRelay(replicaUrl: string): Promise<{ url: string; cut(): Promise<void> }> {
  const target = new URL(replicaUrl);
  const sockets = new Set<Socket>();
  const server: Server = createTcpServer((client) => {
    const upstream = createConnection(Number(target.port), target.hostname);
    client.pipe(upstream).pipe(client);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => sockets.delete(socket));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const url = new URL(replicaUrl);
  url.host = `127.0.0.1:${port}`;
  return {
    url: url.toString(),
    cut: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}

describe('ReadRouter on a real primary and streaming replica', () => {
  let testDb: TestDatabase;
  let database: Database;
  const sql = captureSql();

  const recovery = async (rows: Promise<{ replica: boolean }[]>) => (await rows)[0]!.replica;

  beforeAll(async () => {
    testDb = await createTestDatabase('read_routing');
    database = await openDatabase(
      { ...testDb, embeddedDataDir: 'memory', logSql: false, readRouting: QUIET },
      { ...sql.options, entities: GATEWAY_ENTITIES },
    );
    await migrateUp(database.orm);
    await testDb.waitForReplica();
    await database.router.refresh();
  });

  afterAll(async () => {
    await database?.close();
    await testDb?.drop();
  });

  beforeEach(() => sql.clear());

  describe('with a healthy replica', () => {
    it('reports the replica reachable, caught up and healthy', async () => {
      const [replica] = await database.router.refresh();
      expect(replica).toMatchObject({ name: 'replica-1', reachable: true, healthy: true });
      expect(replica!.lagBytes).toBeGreaterThanOrEqual(0);
      expect(replica!.lagSeconds).toBeLessThan(5);
      expect(replica!.checkedAt).toBeInstanceOf(Date);
    });

    it('sends reads to the replica and writes to the primary, through the ORM connections', async () => {
      const reader = database.router.reader(null);
      expect(reader.target).toBe('replica-1');
      expect(await recovery(reader.all('select pg_is_in_recovery() as replica'))).toBe(true);
      expect(await recovery(database.router.writer().all('select pg_is_in_recovery() as replica'))).toBe(
        false,
      );
      expect(sql.queries.map((query) => query.connectionType)).toEqual(['read', 'write']);
    });

    it('sends ORM reads (em.find, em.getConnection("read")) to the replica too', async () => {
      const em = database.fork();
      em.setFilterParams(TENANT_FILTER, { clientId: 1 });
      await em.find(Client, {});
      const [row] = await em
        .getConnection('read')
        .execute<{ replica: boolean }[]>('select pg_is_in_recovery() as replica');
      expect(row!.replica).toBe(true);
      expect(sql.queries.map((query) => [query.sql.slice(0, 6), query.connectionType])).toEqual([
        ['select', 'read'],
        ['select', 'read'],
      ]);
    });

    it('keeps ORM reads on the primary inside runOnPrimary (migration bookkeeping)', async () => {
      const onPrimary = await database.router.runOnPrimary(() =>
        recovery(database.fork().getConnection('read').execute('select pg_is_in_recovery() as replica')),
      );
      expect(onPrimary).toBe(false);
      expect(sql.queries.map((query) => query.connectionType)).toEqual(['write']);
    });

    it('does not blame the replica for a statement PostgreSQL refuses (a NUL byte), nor retry it', async () => {
      const reader = database.router.reader();
      await expect(reader.all('select ? as text', ['a\u0000b'])).rejects.toMatchObject({ code: '08P01' });
      expect(sql.queries.map((query) => query.connectionType)).toEqual(['read']);
      expect(database.router.replicas()[0]!.healthy).toBe(true);
      expect(reader.target).toBe('replica-1');
    });

    it('keeps its own probes out of the SQL log', async () => {
      await database.router.refresh();
      expect(sql.queries).toEqual([]);
    });

    it('passes MikroORM placeholders through: ? for values (arrays expand), ?? for identifiers', async () => {
      const rows = await database.router
        .reader()
        .all<{ name: string }>('select relname as name from pg_class where relname in (?) order by ??', [
          ['issues', 'clients'],
          'relname',
        ]);
      expect(rows.map((row) => row.name)).toEqual(['clients', 'issues']);
    });
  });

  describe('read-your-writes', () => {
    it("sends a viewer's reads to the primary after its write, until the replica has replayed it", async () => {
      const router = database.router;
      await router.writer().all(`insert into clients (name) values ('Written by 7')`);
      router.noteWrite('1:7');

      const own = router.reader('1:7');
      expect(own.target).toBe('primary');
      const [row] = await own.all<{ replica: boolean; seen: number }>(
        `select pg_is_in_recovery() as replica, count(*)::int as seen from clients where name = 'Written by 7'`,
      );
      expect(row).toEqual({ replica: false, seen: 1 });
      // Somebody else reads from the replica meanwhile.
      expect(router.reader('1:8').target).toBe('replica-1');

      // Once a probe has seen the replica replay past the write, the viewer is back on the replica.
      await testDb.waitForReplica();
      const deadline = Date.now() + 10_000;
      while (router.reader('1:7').target !== 'replica-1' && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        await router.refresh();
      }
      expect(router.reader('1:7').target).toBe('replica-1');
      const [again] = await router
        .reader('1:7')
        .all<{ seen: number }>(`select count(*)::int as seen from clients where name = 'Written by 7'`);
      expect(again!.seen).toBe(1);
      expect(router.stats().fallbacks.read_your_writes).toBeGreaterThan(0);
    });
  });

  describe('ML session (seed 002)', () => {
    it('runs on the replica in one read-only transaction with its SET LOCAL values', async () => {
      const seen = await database.router.withMlSession(async (executor) => {
        const [settings] = await executor.all<Record<string, string | boolean>>(
          `select pg_is_in_recovery() as replica, current_setting('transaction_read_only') as read_only,
                  current_setting('statement_timeout') as statement_timeout, current_setting('work_mem') as work_mem,
                  current_setting('random_page_cost') as random_page_cost`,
        );
        return { target: executor.target, settings };
      });
      expect(seen).toEqual({
        target: 'replica-1',
        settings: {
          replica: true,
          read_only: 'on',
          statement_timeout: '5min',
          work_mem: '256MB',
          random_page_cost: '1.1',
        },
      });
      const statements = sql.queries.map((query) => query.sql.toLowerCase());
      expect(statements[0]).toMatch(/^begin|^start transaction/);
      expect(statements.at(-1)).toBe('commit');
      expect(new Set(sql.queries.map((query) => query.connectionType))).toEqual(new Set(['read']));
    });

    it('refuses writes inside the session, even when it runs on the primary', async () => {
      database.router.noteWrite('ml:writer');
      const attempt = database.router.withMlSession(
        async (executor) => {
          expect(executor.target).toBe('primary');
          await executor.all(`insert into clients (name) values ('not allowed')`);
        },
        { viewerKey: 'ml:writer', clientId: null },
      );
      await expect(attempt).rejects.toThrow(/read-only transaction/);
      const [row] = await testDb.query<{ count: string }>(
        `select count(*) from clients where name = 'not allowed'`,
      );
      expect(row!.count).toBe('0');
      expect(sql.queries.at(-1)!.sql.toLowerCase()).toBe('rollback');
    });
  });

  describe('when a replica is down', () => {
    it('sends reads to the primary without failing them and reports the replica unreachable', async () => {
      const degraded = await openDatabase(
        { ...testDb, replicaUrls: [DEAD_URL], embeddedDataDir: 'memory', logSql: false, readRouting: QUIET },
        { ...sql.options, entities: GATEWAY_ENTITIES },
      );
      try {
        expect(degraded.router.replicas()).toEqual([
          expect.objectContaining({ name: 'replica-1', reachable: false, healthy: false, lagBytes: null }),
        ]);
        expect(degraded.router.replicas()[0]!.error).toBe('network error ECONNREFUSED');
        sql.clear();
        const reader = degraded.router.reader('1:1');
        expect(reader.target).toBe('primary');
        expect(await recovery(reader.all('select pg_is_in_recovery() as replica'))).toBe(false);
        // The ORM's own reads fall back as well.
        const [row] = await degraded
          .fork()
          .getConnection('read')
          .execute<{ replica: boolean }[]>('select pg_is_in_recovery() as replica');
        expect(row!.replica).toBe(false);
        expect(sql.queries.map((query) => query.connectionType)).toEqual(['write', 'write']);
        expect(degraded.router.stats().fallbacks.replica_unhealthy).toBe(2);
        // The ML session falls back to the primary and stays read only.
        const mlTarget = await degraded.router.withMlSession(async (executor) => {
          const [settings] = await executor.all<{ read_only: string }>(
            `select current_setting('transaction_read_only') as read_only`,
          );
          return `${executor.target}:${settings!.read_only}`;
        });
        expect(mlTarget).toBe('primary:on');
      } finally {
        await degraded.close();
      }
    });

    it('uses the replica that is up when another one is down', async () => {
      const mixed = await openDatabase(
        {
          ...testDb,
          replicaUrls: [DEAD_URL, testDb.replicaUrls[0]!],
          embeddedDataDir: 'memory',
          logSql: false,
          readRouting: QUIET,
        },
        { ...sql.options, entities: GATEWAY_ENTITIES },
      );
      try {
        expect(mixed.router.replicas().map((replica) => [replica.name, replica.healthy])).toEqual([
          ['replica-1', false],
          ['replica-2', true],
        ]);
        for (let i = 0; i < 4; i++) {
          const reader = mixed.router.reader();
          expect(reader.target).toBe('replica-2');
          expect(await recovery(reader.all('select pg_is_in_recovery() as replica'))).toBe(true);
        }
      } finally {
        await mixed.close();
      }
    });

    it('retries a read once on the primary when the replica goes away under it, and stops using it', async () => {
      const relay = await replicaRelay(testDb.replicaUrls[0]!);
      const flaky = await openDatabase(
        { ...testDb, replicaUrls: [relay.url], embeddedDataDir: 'memory', logSql: false, readRouting: QUIET },
        { ...sql.options, entities: GATEWAY_ENTITIES },
      );
      try {
        const reader = flaky.router.reader();
        expect(reader.target).toBe('replica-1');
        expect(await recovery(reader.all('select pg_is_in_recovery() as replica'))).toBe(true);

        await relay.cut();
        sql.clear();
        // The router still believes in the replica: this read fails there, then succeeds on the primary.
        const [row] = await reader.all<{ replica: boolean; one: number }>(
          'select pg_is_in_recovery() as replica, 1 as one',
        );
        expect(row).toEqual({ replica: false, one: 1 });
        expect(sql.queries.map((query) => query.connectionType)).toEqual(['read', 'write']);
        expect(flaky.router.replicas()[0]).toMatchObject({ reachable: false, healthy: false });
        expect(flaky.router.stats().fallbacks.replica_error).toBe(1);
        expect(reader.target).toBe('primary');
      } finally {
        await flaky.close();
        await relay.cut().catch(() => undefined);
      }
    });

    it('refuses a "replica" that is not in recovery (a primary listed as replica)', async () => {
      const wrong = await openDatabase(
        {
          ...testDb,
          replicaUrls: [testDb.databaseUrl],
          embeddedDataDir: 'memory',
          logSql: false,
          readRouting: QUIET,
        },
        { ...sql.options, entities: GATEWAY_ENTITIES },
      );
      try {
        expect(wrong.router.replicas()[0]).toMatchObject({
          reachable: true,
          healthy: false,
          error: 'not a standby: pg_is_in_recovery() is false',
        });
        expect(wrong.router.reader().target).toBe('primary');
      } finally {
        await wrong.close();
      }
    });
  });
});

describe('ReadRouter on the embedded database (no replicas)', () => {
  let database: Database;

  beforeAll(async () => {
    database = await openDatabase(
      {
        databaseUrl: null,
        replicaUrls: [],
        embeddedDataDir: 'memory',
        logSql: false,
      },
      { entities: GATEWAY_ENTITIES },
    );
    await migrateUp(database.orm);
  });

  afterAll(async () => {
    await database?.close();
  });

  it('sends everything to its one connection', async () => {
    expect(database.router.replicas()).toEqual([]);
    expect(await database.router.refresh()).toEqual([]);
    database.router.noteWrite('1:1');
    expect(database.router.reader('1:1').target).toBe('primary');
    const [row] = await database.router.reader().all<{ one: number }>('select 1 as one');
    expect(row!.one).toBe(1);
  });

  it('still runs the ML session in a read-only transaction with its SET LOCAL values', async () => {
    const settings = await database.router.withMlSession(async (executor) => {
      const [row] = await executor.all<Record<string, string>>(
        `select current_setting('transaction_read_only') as read_only, current_setting('statement_timeout') as statement_timeout,
                current_setting('work_mem') as work_mem, current_setting('random_page_cost') as random_page_cost`,
      );
      return row;
    });
    expect(settings).toEqual({
      read_only: 'on',
      statement_timeout: '5min',
      work_mem: '256MB',
      random_page_cost: '1.1',
    });
    await expect(
      database.router.withMlSession((executor) => executor.all(`insert into clients (name) values ('nope')`)),
    ).rejects.toThrow(/read-only transaction/);
    // The settings were local to the transaction, and writing works again afterwards.
    const writer = database.router.writer();
    await writer.all(`insert into clients (name) values ('after the session')`);
    const [after] = await writer.all<{ work_mem: string; read_only: string }>(
      `select current_setting('work_mem') as work_mem, current_setting('transaction_read_only') as read_only`,
    );
    expect(after).toEqual({ work_mem: '4MB', read_only: 'off' });
  });
});
