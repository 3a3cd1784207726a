import 'reflect-metadata';

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

import { MIGRATIONS } from '../../migrations/index.js';
import { ALL_TABLES, BUSINESS_TABLES, ML_TABLES } from '../testing/schema-tables.js';
import { createTestDatabase } from '../testing/test-database.js';
import type { TestDatabase } from '../testing/test-database.js';
import { openDatabase } from './database.js';
import type { Database } from './database.js';
import { migrateDown, migrateUp, migrationStatus } from './migration-runner.js';

const MIGRATION_NAMES = MIGRATIONS.map((migration) => migration.name);

describe('initial schema migration (real PostgreSQL + pgvector)', () => {
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
    database = await openDatabase({ ...testDb, embeddedDataDir: 'memory', logSql: false });
  });

  afterAll(async () => {
    await database?.close();
    await testDb?.drop();
  });

  it('creates the whole schema on an empty database', async () => {
    expect(await userTables()).toEqual([]);
    expect(await migrateUp(database.orm)).toEqual(MIGRATION_NAMES);
    expect(await userTables()).toEqual(ALL_TABLES);
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
    ).toEqual(ML_TABLES);
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
    expect((await migrationStatus(database.orm)).pending).toEqual(MIGRATION_NAMES);
    expect(await migrateUp(database.orm)).toEqual(MIGRATION_NAMES);
    expect(await userTables()).toEqual(ALL_TABLES);
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
