import 'reflect-metadata';

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';

import { seedIfEmpty } from '../cli/seed-command.js';
import { ALL_TABLES, GLOBAL_TABLES } from '../testing/schema-tables.js';
import { TEST_SEED } from '../testing/test-app.js';
import { createTestDatabase, requireSeparateRuntimeRole } from '../testing/test-database.js';
import type { TestDatabase } from '../testing/test-database.js';
import { openDatabase } from './database.js';
import { migrateUp } from './migration-runner.js';
import { GATEWAY_ENTITIES } from '../modules/index.js';

/**
 * The database's own tenant wall, seen through plain driver connections of the gateway's runtime role
 * (`pulse_app` from db:up) with no application scope at all: what each connection sees is decided by
 * the policies and the transaction-local `pulse.client_id` alone.
 */

const TENANT_TABLES = ALL_TABLES.filter((table) => !GLOBAL_TABLES.includes(table));

/** The client a row belongs to, per table: its own column, or its project's for the join tables. */
function clientOf(table: string): string {
  if (table === 'clients') return 'id';
  if (table === 'projects_issuetypes' || table === 'projects_statuses')
    return '(select p.client_id from projects p where p.id = project_id)';
  return 'client_id';
}

type Counts = Record<string, number>;

/** One statement counting, per tenant table, the rows this connection sees (optionally of one client). */
function countSql(clientId?: number): string {
  return TENANT_TABLES.map(
    (table) =>
      `select '${table}' as table, count(*)::int as rows from "${table}"` +
      (clientId === undefined ? '' : ` where ${clientOf(table)} = ${clientId}`),
  ).join(' union all ');
}

async function countsOn(client: pg.ClientBase, clientId?: number): Promise<Counts> {
  const { rows } = await client.query<{ table: string; rows: number }>(countSql(clientId));
  return Object.fromEntries(rows.map((row) => [row.table, row.rows]));
}

const NOTHING: Counts = Object.fromEntries(TENANT_TABLES.map((table) => [table, 0]));

describe('row level security (runtime role, plain connections, no application scope)', () => {
  let testDb: TestDatabase;
  let clientIds: number[];
  /** What the owner (not held to RLS) counts for each client. */
  const ownerCounts = new Map<number, Counts>();
  const pools: { primary?: pg.Pool; replica?: pg.Pool } = {};

  beforeAll(async () => {
    testDb = await createTestDatabase('rls');
    requireSeparateRuntimeRole(testDb);
    const owner = await openDatabase(
      {
        databaseUrl: testDb.databaseUrl,
        replicaUrls: [],
        embeddedDataDir: 'memory',
        logSql: false,
      },
      { entities: GATEWAY_ENTITIES },
    );
    try {
      await migrateUp(owner.orm);
      await seedIfEmpty(owner.fork(), TEST_SEED);
    } finally {
      await owner.close();
    }
    await testDb.waitForReplica();
    clientIds = (await testDb.query<{ id: number }>('select id from clients order by id')).map(
      (row) => row.id,
    );
    for (const id of clientIds) {
      const rows = await testDb.query<{ table: string; rows: number }>(countSql(id));
      ownerCounts.set(id, Object.fromEntries(rows.map((row) => [row.table, row.rows])));
    }
    // One connection per pool, so "the next request" really reuses the previous one's connection.
    pools.primary = new pg.Pool({ connectionString: testDb.runtime.databaseUrl, max: 1 });
    pools.replica = new pg.Pool({ connectionString: testDb.runtime.replicaUrls[0], max: 1 });
  });

  afterAll(async () => {
    await pools.primary?.end();
    await pools.replica?.end();
    await testDb?.drop();
  });

  it('runs against seeded rows of every tenant table for two clients', () => {
    expect(clientIds).toHaveLength(2);
    for (const id of clientIds) {
      const empty = Object.entries(ownerCounts.get(id)!).filter(([, rows]) => rows === 0);
      expect({ client: id, emptyTables: empty.map(([table]) => table) }).toEqual({
        client: id,
        emptyTables: [],
      });
    }
  });

  describe.each(['primary', 'replica'] as const)('on the %s', (server) => {
    const pool = () => pools[server]!;

    it('is reached as the runtime role, which is neither superuser nor BYPASSRLS', async () => {
      const { rows } = await pool().query(
        `select current_user as role, pg_is_in_recovery() as replica, rolsuper, rolbypassrls
           from pg_roles where rolname = current_user`,
      );
      expect(rows).toEqual([
        { role: testDb.runtime.role, replica: server === 'replica', rolsuper: false, rolbypassrls: false },
      ]);
    });

    it('shows no tenant row to a connection without pulse.client_id, and every global row', async () => {
      const client = await pool().connect();
      try {
        expect(await countsOn(client)).toEqual(NOTHING);
        for (const table of GLOBAL_TABLES) {
          const [{ rows }] = (await client.query(`select count(*)::int as rows from "${table}"`)).rows;
          const [owner] = await testDb.query<{ rows: number }>(
            `select count(*)::int as rows from "${table}"`,
          );
          expect({ table, rows }).toEqual({ table, rows: owner!.rows });
          expect(rows).toBeGreaterThan(0);
        }
      } finally {
        client.release();
      }
    });

    it("shows exactly client X's rows in every tenant table inside a transaction that sets it", async () => {
      const client = await pool().connect();
      try {
        for (const id of clientIds) {
          await client.query(server === 'replica' ? 'begin read only' : 'begin');
          await client.query(`select set_config('pulse.client_id', $1, true)`, [String(id)]);
          const seen = await countsOn(client);
          const ofClient = await countsOn(client, id);
          await client.query('commit');
          // Everything visible is the client's own, and all of the client's rows are visible.
          expect(seen).toEqual(ownerCounts.get(id));
          expect(ofClient).toEqual(ownerCounts.get(id));
        }
      } finally {
        client.release();
      }
    });

    it('carries no tenant to the next transaction or request on the same pooled connection', async () => {
      const first = await pool().connect();
      const [{ pid }] = (await first.query<{ pid: number }>('select pg_backend_pid() as pid')).rows;
      await first.query('begin');
      await first.query(`select set_config('pulse.client_id', $1, true)`, [String(clientIds[0])]);
      expect((await countsOn(first)).issues).toBe(ownerCounts.get(clientIds[0]!)!.issues);
      await first.query('commit');
      // Same connection, after commit: nothing.
      expect(await countsOn(first)).toEqual(NOTHING);
      await first.query('begin');
      await first.query(`select set_config('pulse.client_id', $1, true)`, [String(clientIds[1])]);
      await first.query('rollback');
      // After a rollback too.
      expect(await countsOn(first)).toEqual(NOTHING);
      first.release();

      // The next borrower gets the very same backend and sees nothing either.
      const next = await pool().connect();
      try {
        const [{ pid: nextPid }] = (await next.query<{ pid: number }>('select pg_backend_pid() as pid')).rows;
        expect(nextPid).toBe(pid);
        const [{ setting }] = (
          await next.query<{ setting: string | null }>(
            `select current_setting('pulse.client_id', true) as setting`,
          )
        ).rows;
        expect(setting ?? '').toBe('');
        expect(await countsOn(next)).toEqual(NOTHING);
      } finally {
        next.release();
      }
    });
  });

  describe('writes on the primary', () => {
    /** Runs `work` in a transaction as client `clientId` (or with no setting) and always rolls back. */
    async function asClient<T>(clientId: number | null, work: (client: pg.PoolClient) => Promise<T>) {
      const client = await pools.primary!.connect();
      try {
        await client.query('begin');
        if (clientId !== null)
          await client.query(`select set_config('pulse.client_id', $1, true)`, [String(clientId)]);
        return await work(client);
      } finally {
        await client.query('rollback').catch(() => undefined);
        client.release();
      }
    }

    const rowOf = async (table: string, clientId: number) =>
      (
        await testDb.query<Record<string, number>>(
          `select * from "${table}" where ${clientOf(table)} = $1 order by 1 limit 1`,
          [clientId],
        )
      )[0]!;

    it("refuses to insert a row carrying another client's id, and accepts the client's own", async () => {
      const [own, other] = clientIds as [number, number];
      const ownIntegration = await rowOf('integrations', own);
      const insert = (clientId: number) =>
        `insert into system_settings (client_id, setting_key, setting_value)
           values (${clientId}, 'rls-probe-${clientId}', 'x') returning client_id`;
      await expect(asClient(own, (c) => c.query(insert(other)))).rejects.toThrow(
        /new row violates row-level security policy for table "system_settings"/,
      );
      await expect(asClient(own, (c) => c.query(insert(own)).then((r) => r.rows))).resolves.toEqual([
        { client_id: own },
      ]);
      await expect(asClient(null, (c) => c.query(insert(own)))).rejects.toThrow(/row-level security/);
      await expect(
        asClient(own, (c) =>
          c.query(`insert into issues (client_id, key, integration_id) values ($1, 'RLS-1', $2)`, [
            other,
            ownIntegration.id,
          ]),
        ),
      ).rejects.toThrow(/new row violates row-level security policy for table "issues"/);
    });

    it("refuses to move a row to another client, and cannot touch another client's rows", async () => {
      const [own, other] = clientIds as [number, number];
      const ownIssue = await rowOf('issues', own);
      const otherIssue = await rowOf('issues', other);
      await expect(
        asClient(own, (c) => c.query('update issues set client_id = $1 where id = $2', [other, ownIssue.id])),
      ).rejects.toThrow(/new row violates row-level security policy for table "issues"/);
      const touched = await asClient(own, async (c) => ({
        updated: (await c.query(`update issues set summary = 'hijacked' where id = $1`, [otherIssue.id]))
          .rowCount,
        deleted: (await c.query('delete from issue_changelogs where client_id = $1', [other])).rowCount,
        renamed: (await c.query(`update clients set name = 'hijacked' where id = $1`, [other])).rowCount,
      }));
      expect(touched).toEqual({ updated: 0, deleted: 0, renamed: 0 });
      const [after] = await testDb.query<{ summary: string }>('select summary from issues where id = $1', [
        otherIssue.id,
      ]);
      expect(after!.summary).toBe(otherIssue.summary);
    });

    it("refuses to link the client's project with another client's status or issue type", async () => {
      const [own, other] = clientIds as [number, number];
      const ownProject = await rowOf('projects', own);
      const ownStatus = await rowOf('statuses', own);
      const otherStatus = await rowOf('statuses', other);
      const otherIssuetype = await rowOf('issuetypes', other);
      const otherProject = await rowOf('projects', other);
      await expect(
        asClient(own, (c) =>
          c.query('insert into projects_statuses (project_id, status_id) values ($1, $2)', [
            ownProject.id,
            otherStatus.id,
          ]),
        ),
      ).rejects.toThrow(/new row violates row-level security policy for table "projects_statuses"/);
      await expect(
        asClient(own, (c) =>
          c.query('insert into projects_issuetypes (project_id, issuetype_id) values ($1, $2)', [
            ownProject.id,
            otherIssuetype.id,
          ]),
        ),
      ).rejects.toThrow(/new row violates row-level security policy for table "projects_issuetypes"/);
      await expect(
        asClient(own, (c) =>
          c.query('insert into projects_statuses (project_id, status_id) values ($1, $2)', [
            otherProject.id,
            ownStatus.id,
          ]),
        ),
      ).rejects.toThrow(/row-level security/);
      // A link between the client's own project and status is fine (unless it exists already).
      await expect(
        asClient(own, (c) =>
          c
            .query(
              `insert into projects_statuses (project_id, status_id) values ($1, $2) on conflict do nothing`,
              [ownProject.id, ownStatus.id],
            )
            .then(() => 'written'),
        ),
      ).resolves.toBe('written');
    });
  });
});
