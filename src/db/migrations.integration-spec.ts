import 'reflect-metadata';

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

import { TENANT_FILTER } from '../common/tenant-filter.js';
import {
  ALL_TABLES,
  BUSINESS_TABLES,
  CONSOLIDATION_TABLES,
  GLOBAL_TABLES,
  MIGRATION_NAMES,
  ML_TABLES,
  TENANT_BOOKKEEPING_TABLES,
} from '../testing/schema-tables.js';
import { createTestDatabase } from '../testing/test-database.js';
import type { TestDatabase } from '../testing/test-database.js';
import { openDatabase } from './database.js';
import type { Database } from './database.js';
import { migrateDown, migrateUp, migrationStatus } from './migration-runner.js';
import { GATEWAY_ENTITIES } from '../modules/index.js';

describe('schema migrations (real PostgreSQL + pgvector)', () => {
  let testDb: TestDatabase;
  let database: Database;

  const userTables = async () =>
    (
      await testDb.query<{ table_name: string }>(
        `select table_name from information_schema.tables
          where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'pulse_migrations'
          order by table_name`,
      )
    ).map((row) => row.table_name);

  beforeAll(async () => {
    testDb = await createTestDatabase('migrations');
    database = await openDatabase(
      { ...testDb, embeddedDataDir: 'memory', logSql: false },
      { entities: GATEWAY_ENTITIES },
    );
  });

  afterAll(async () => {
    await database?.close();
    await testDb?.drop();
  });

  it('creates the whole schema on an empty database', async () => {
    expect(await userTables()).toEqual([]);
    expect(await migrateUp(database.orm)).toEqual(MIGRATION_NAMES);
    expect(await userTables()).toEqual([...ALL_TABLES, ...CONSOLIDATION_TABLES].sort());
  });

  it('declares embedding vector(1536) on exactly the 24 business tables', async () => {
    const rows = await testDb.query<{ table_name: string; type: string }>(
      `select c.relname as table_name, format_type(a.atttypid, a.atttypmod) as type
         from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind = 'r' and a.attname = 'embedding' and not a.attisdropped
        order by 1`,
    );
    expect(rows.map((row) => row.table_name)).toEqual(BUSINESS_TABLES);
    expect(new Set(rows.map((row) => row.type))).toEqual(new Set(['vector(1536)']));
  });

  it('builds one HNSW cosine index per embedding column', async () => {
    const rows = await testDb.query<{ tablename: string; indexdef: string }>(
      `select tablename, indexdef from pg_indexes where schemaname = 'public' and indexdef ilike '%using hnsw%'
        order by tablename`,
    );
    expect(rows.map((row) => row.tablename)).toEqual(BUSINESS_TABLES);
    for (const row of rows) expect(row.indexdef).toMatch(/USING hnsw \(embedding vector_cosine_ops\)/);
  });

  it('enforces the CHECK constraints of the ML tables and clients', async () => {
    const rows = await testDb.query<{ table: string; definition: string }>(
      `select conrelid::regclass::text as table, pg_get_constraintdef(oid) as definition
         from pg_constraint where contype = 'c' and connamespace = 'public'::regnamespace order by 1`,
    );
    const byTable = Object.fromEntries(rows.map((row) => [row.table, row.definition]));
    expect(byTable.ai_learning_memory).toMatch(/confidence.* >= .*0.* AND .*confidence.* <= .*1/);
    expect(byTable.ml_prediction_log).toMatch(/'normal'.*'warning'.*'critical'/);
    expect(byTable.ml_anomaly_alerts).toMatch(/'low'.*'medium'.*'high'.*'critical'/);
    expect(byTable.clients).toMatch(/'default'.*'custom'/);
    await expect(
      testDb
        .query(`insert into clients (name) values ('Check Co') returning id`)
        .then(([row]) =>
          testDb.query(
            `insert into ml_prediction_log (model_name, prediction_value, severity, client_id) values ('m', 1, 'panic', $1)`,
            [row!.id],
          ),
        ),
    ).rejects.toThrow(/ck_ml_prediction_log_severity/);
  });

  it('cascades client deletion to the ML tables only, and points acknowledged_by at users', async () => {
    const rows = await testDb.query<{ table: string; definition: string }>(
      `select conrelid::regclass::text as table, pg_get_constraintdef(oid) as definition
         from pg_constraint where contype = 'f' and connamespace = 'public'::regnamespace`,
    );
    const cascading = rows.filter((row) => row.definition.includes('ON DELETE CASCADE'));
    expect(
      cascading
        .filter((row) => row.definition.includes('REFERENCES clients'))
        .map((r) => r.table)
        .sort(),
    ).toEqual([...ML_TABLES, 'consolidation_id_map'].sort());
    expect(rows).toContainEqual({
      table: 'ml_anomaly_alerts',
      definition: 'FOREIGN KEY (acknowledged_by) REFERENCES users(id)',
    });
  });

  it('uses composite primary keys on the two join tables and timestamptz everywhere', async () => {
    const keys = await testDb.query<{ table: string; definition: string }>(
      `select conrelid::regclass::text as table, pg_get_constraintdef(oid) as definition from pg_constraint
        where contype = 'p' and conrelid::regclass::text in ('projects_issuetypes', 'projects_statuses') order by 1`,
    );
    expect(keys).toEqual([
      { table: 'projects_issuetypes', definition: 'PRIMARY KEY (project_id, issuetype_id)' },
      { table: 'projects_statuses', definition: 'PRIMARY KEY (project_id, status_id)' },
    ]);
    const naive = await testDb.query(
      `select table_name, column_name from information_schema.columns
        where table_schema = 'public' and data_type = 'timestamp without time zone'`,
    );
    expect(naive).toEqual([]);
  });

  it('agrees with the ORM metadata: the schema diff is empty', async () => {
    const diff = await database.orm.schema.getUpdateSchemaSQL({ wrap: false });
    expect(diff.trim()).toBe('');
  });

  it('enables row level security with one tenant policy on every table but the global DORA tables', async () => {
    const tables = await testDb.query<{
      table: string;
      enabled: boolean;
      forced: boolean;
      policies: string[];
    }>(
      `select c.relname as table, c.relrowsecurity as enabled, c.relforcerowsecurity as forced,
              coalesce(array_agg(p.policyname::text order by p.policyname) filter (where p.policyname is not null), '{}') as policies
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
         left join pg_policies p on p.schemaname = n.nspname and p.tablename = c.relname
        where n.nspname = 'public' and c.relkind = 'r' and c.relname <> 'pulse_migrations'
        group by 1, 2, 3 order by 1`,
    );
    const protectedTables = tables.filter((row) => row.enabled).map((row) => row.table);
    expect(protectedTables).toEqual(
      [...ALL_TABLES.filter((table) => !GLOBAL_TABLES.includes(table)), ...TENANT_BOOKKEEPING_TABLES].sort(),
    );
    for (const row of tables) {
      expect({ table: row.table, policies: row.policies, forced: row.forced }).toEqual({
        table: row.table,
        policies: row.enabled ? ['tenant_isolation'] : [],
        forced: false,
      });
    }
    // Whatever the lists above say, a table that stores a client id must never be left unprotected.
    const unprotectedWithClient = await testDb.query(
      `select c.relname from pg_class c join pg_attribute a on a.attrelid = c.oid
        where c.relnamespace = 'public'::regnamespace and c.relkind = 'r' and a.attname = 'client_id'
          and not a.attisdropped and not c.relrowsecurity`,
    );
    expect(unprotectedWithClient).toEqual([]);
    // And every table the ORM scopes by tenant in the application is walled in the database as well.
    const scopedInOrm = [...database.orm.getMetadata().getAll().values()]
      .filter((meta) => !meta.abstract && meta.filters[TENANT_FILTER])
      .map((meta) => meta.tableName)
      .sort();
    expect(scopedInOrm).toEqual(
      protectedTables.filter((table) => !TENANT_BOOKKEEPING_TABLES.includes(table)),
    );
  });

  it('keys every policy on the transaction-local pulse.client_id, for all commands, reads and writes', async () => {
    const policies = await testDb.query<{
      table: string;
      cmd: string;
      roles: string[];
      qual: string;
      check: string;
    }>(
      `select tablename as table, cmd, roles::text[] as roles, qual, with_check as check from pg_policies
        where schemaname = 'public' order by 1`,
    );
    expect(policies).toHaveLength(
      ALL_TABLES.length - GLOBAL_TABLES.length + TENANT_BOOKKEEPING_TABLES.length,
    );
    for (const policy of policies) {
      expect({ table: policy.table, cmd: policy.cmd, roles: policy.roles }).toEqual({
        table: policy.table,
        cmd: 'ALL',
        roles: ['public'],
      });
      const currentClient = "(NULLIF(current_setting('pulse.client_id'::text, true), ''::text))::integer";
      expect(policy.qual).toContain(currentClient);
      expect(policy.check).toContain(currentClient);
    }
    const byTable = Object.fromEntries(policies.map((policy) => [policy.table, policy]));
    expect(byTable.clients!.qual).toBe(
      `(id = ${"(NULLIF(current_setting('pulse.client_id'::text, true), ''::text))::integer"})`,
    );
    expect(byTable.issues!.qual).toMatch(/^\(client_id = /);
    expect(byTable.projects_statuses!.qual).toMatch(
      /FROM projects t\s+WHERE \(\(t\.id = projects_statuses\.project_id\)/,
    );
    expect(byTable.projects_statuses!.check).toMatch(
      /FROM statuses t\s+WHERE \(\(t\.id = projects_statuses\.status_id\)/,
    );
  });

  it('creates the NOLOGIN runtime role with row privileges on every table and none on the migrations', async () => {
    const [role] = await testDb.query(
      `select rolcanlogin, rolsuper, rolbypassrls, rolcreaterole, rolcreatedb from pg_roles where rolname = 'pulse_runtime'`,
    );
    expect(role).toEqual({
      rolcanlogin: false,
      rolsuper: false,
      rolbypassrls: false,
      rolcreaterole: false,
      rolcreatedb: false,
    });
    const privileges = await testDb.query<{ table: string; privileges: string[] }>(
      `select c.relname as table,
              array(select p from unnest(array['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE']) p
                     where has_table_privilege('pulse_runtime', c.oid, p)) as privileges
         from pg_class c where c.relnamespace = 'public'::regnamespace and c.relkind = 'r' order by 1`,
    );
    for (const row of privileges) {
      expect(row).toEqual({
        table: row.table,
        privileges: row.table === 'pulse_migrations' ? ['SELECT'] : ['SELECT', 'INSERT', 'UPDATE', 'DELETE'],
      });
    }
    const [sequences] = await testDb.query<{ total: number; missing: number }>(
      `select count(*)::int as total, count(*) filter (where not has_sequence_privilege('pulse_runtime',
              format('%I.%I', schemaname, sequencename), 'USAGE'))::int as missing from pg_sequences where schemaname = 'public'`,
    );
    expect(sequences!.total).toBeGreaterThanOrEqual(26);
    expect(sequences!.missing).toBe(0);
    // Tables a later migration creates are usable by the runtime role without a grant of their own.
    await testDb.query('create table rls_default_privileges_probe (id serial primary key)');
    const [probe] = await testDb.query(
      `select has_table_privilege('pulse_runtime', 'rls_default_privileges_probe', 'INSERT') as can_insert,
              has_sequence_privilege('pulse_runtime', 'rls_default_privileges_probe_id_seq', 'USAGE') as can_use_sequence`,
    );
    await testDb.query('drop table rls_default_privileges_probe');
    expect(probe).toEqual({ can_insert: true, can_use_sequence: true });
  });

  it('does nothing when run again, and reports the migration as applied', async () => {
    expect(await migrateUp(database.orm)).toEqual([]);
    const status = await migrationStatus(database.orm);
    expect(status.pending).toEqual([]);
    expect(status.executed.map((row) => row.name)).toEqual(MIGRATION_NAMES);
  });

  it('removes everything on down, and comes back on up', async () => {
    expect(await migrateDown(database.orm)).toEqual([...MIGRATION_NAMES].reverse());
    expect(await userTables()).toEqual([]);
    const extensions = await testDb.query(`select extname from pg_extension where extname = 'vector'`);
    expect(extensions).toEqual([]);
    // The role stays (other databases of the cluster use it), but nothing of it is left in this one.
    const grants = await testDb.query(
      `select 'default acl' as what from pg_default_acl where defaclacl::text like '%pulse_runtime%'
        union all select 'schema acl' from pg_namespace where nspname = 'public' and nspacl::text like '%pulse_runtime%'
        union all select relname from pg_class where relacl::text like '%pulse_runtime%'`,
    );
    expect(grants).toEqual([]);
    expect((await migrationStatus(database.orm)).pending).toEqual(MIGRATION_NAMES);
    expect(await migrateUp(database.orm)).toEqual(MIGRATION_NAMES);
    expect(await userTables()).toEqual([...ALL_TABLES, ...CONSOLIDATION_TABLES].sort());
  });

  it('leaves nothing half-written when a statement fails', async () => {
    await migrateDown(database.orm);
    // A table in the way makes the migration fail part-way: the transaction must roll everything back.
    await testDb.query('create table pull_requests (id int)');
    await expect(migrateUp(database.orm)).rejects.toThrow();
    expect(await userTables()).toEqual(['pull_requests']);
    expect((await migrationStatus(database.orm)).executed).toEqual([]);
    await testDb.query('drop table pull_requests');
  });
});
