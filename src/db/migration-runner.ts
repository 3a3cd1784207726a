import { PgliteDriver } from '@mikro-orm/pglite';
import type { AbstractSqlDriver } from '@mikro-orm/sql';
import type { Migration } from '@mikro-orm/migrations';

import { MIGRATIONS } from '../../migrations/index.js';
import { adoptPredecessor, planAdoption, readAdoptionRecord, revertAdoption } from './adoption/adoption.js';
import type {
  AdoptionPlan,
  AdoptionRecord,
  InitialMigration,
  PlannedStatement,
} from './adoption/adoption.js';
import type { Orm } from './database.js';
import { withPgClient } from './pg-client.js';
import { recogniseDatabase } from './predecessor/recognise-predecessor.js';
import type { DatabaseShape } from './predecessor/recognise-predecessor.js';
import { runOnPrimary } from './read-router.js';

export interface MigrationStatus {
  executed: { name: string; executedAt: Date | null }[];
  pending: string[];
  /** How the schema came to be: `fresh` (migrations ran on an empty database) or adopted in place. */
  origin: { kind: 'fresh' } | { kind: 'adopted'; record: AdoptionRecord } | { kind: 'not-migrated' };
  /** What `migrate up` would find: a predecessor database that has not been adopted yet, for one. */
  shape: DatabaseShape['kind'];
}

export interface MigrateUpReport {
  /** The adoption that ran first, when the database was a predecessor's. */
  adoption: (AdoptionPlan & { migration: string }) | null;
  /** Migrations that ran normally (after an adoption, the ones later than the initial migration). */
  applied: string[];
}

export interface MigrationPlan {
  shape: DatabaseShape['kind'];
  /** Every statement `up` would run, in order, grouped by migration. */
  migrations: { name: string; adopted: boolean; statements: PlannedStatement[] }[];
  violations: AdoptionPlan['violations'];
}

/**
 * Applies every pending migration. On a predecessor database the initial migration is not run but
 * adopted (the existing schema and rows are brought to its state in place); the later ones then run as
 * usual. Returns the names applied, empty if none.
 */
export async function migrateUp(orm: Orm): Promise<string[]> {
  const report = await migrateUpReport(orm);
  return [...(report.adoption ? [INITIAL_MIGRATION.name] : []), ...report.applied];
}

export async function migrateUpReport(orm: Orm): Promise<MigrateUpReport> {
  const url = serverUrl(orm);
  let adoption: MigrateUpReport['adoption'] = null;
  if (url) {
    adoption = await withPgClient(url, async (client) => {
      const shape = await recogniseDatabase(client);
      if (shape.kind === 'unrecognised')
        throw new Error(`refusing to migrate this database: ${shape.reason}`);
      if (shape.kind !== 'predecessor') return null;
      const plan = await adoptPredecessor(client, await initialStatements(orm));
      return { ...plan, migration: INITIAL_MIGRATION.name };
    });
  }
  const applied = await runOnPrimary(orm, () => orm.migrator.up());
  return { adoption, applied: applied.map((migration) => migration.name) };
}

/**
 * Reverts every applied migration, newest first. On an adopted database the initial migration is
 * reverted by undoing the adoption: the predecessor's schema, with its rows, is what remains.
 */
export async function migrateDown(orm: Orm): Promise<string[]> {
  const url = serverUrl(orm);
  const record = url ? await withPgClient(url, readAdoptionRecord) : null;
  if (!record) {
    const reverted = await runOnPrimary(orm, () => orm.migrator.down({ to: 0 }));
    return reverted.map((migration) => migration.name);
  }
  const later = await runOnPrimary(orm, () => orm.migrator.down({ to: record.migration }));
  const tables = await unifiedTables(orm);
  await withPgClient(url!, (client) => revertAdoption(client, record, tables));
  return [...later.map((migration) => migration.name), record.migration];
}

/** What `migrateUp` would do, changing nothing (not even creating the bookkeeping table). */
export async function planMigrations(orm: Orm): Promise<MigrationPlan> {
  const url = serverUrl(orm);
  const shape = url ? await withPgClient(url, recogniseDatabase) : await embeddedShape(orm);
  if (shape.kind === 'unrecognised') throw new Error(`refusing to plan for this database: ${shape.reason}`);
  const executed = shape.kind === 'managed' ? await executedNames(orm) : [];
  const plan: MigrationPlan = { shape: shape.kind, migrations: [], violations: [] };
  for (const migration of MIGRATIONS) {
    if (executed.includes(migration.name)) continue;
    if (migration === INITIAL_MIGRATION && shape.kind === 'predecessor') {
      const adoption = await withPgClient(url!, async (client) =>
        planAdoption(client, await initialStatements(orm)),
      );
      plan.migrations.push({ name: migration.name, adopted: true, statements: adoption.statements });
      plan.violations = adoption.violations;
      continue;
    }
    const statements = await migrationStatements(orm, migration.class, 'up');
    plan.migrations.push({
      name: migration.name,
      adopted: false,
      statements: statements.map((sql) => ({ sql, rows: null })),
    });
  }
  return plan;
}

export async function migrationStatus(orm: Orm): Promise<MigrationStatus> {
  const url = serverUrl(orm);
  const shape = url ? await withPgClient(url, recogniseDatabase) : await embeddedShape(orm);
  if (shape.kind !== 'managed') {
    // Nothing has been migrated: reading the bookkeeping through the migrator would create its table.
    return {
      executed: [],
      pending: MIGRATIONS.map((m) => m.name),
      origin: { kind: 'not-migrated' },
      shape: shape.kind,
    };
  }
  // The bookkeeping table is read on the primary: a replica may not have replayed the last up/down yet.
  // One after the other: on a fresh database both would try to create the bookkeeping table at once.
  const executed = await runOnPrimary(orm, () => orm.migrator.getExecuted());
  const pending = await runOnPrimary(orm, () => orm.migrator.getPending());
  const record = url ? await withPgClient(url, readAdoptionRecord) : null;
  return {
    executed: executed.map((row) => ({ name: row.name, executedAt: row.executed_at ?? null })),
    pending: pending.map((migration) => migration.name),
    origin: record ? { kind: 'adopted', record } : { kind: 'fresh' },
    shape: shape.kind,
  };
}

/** The first migration creates the whole schema; on a predecessor database it is adopted instead. */
const INITIAL_MIGRATION = MIGRATIONS[0]!;

async function initialStatements(orm: Orm): Promise<InitialMigration> {
  return {
    name: INITIAL_MIGRATION.name,
    statements: await migrationStatements(orm, INITIAL_MIGRATION.class, 'up'),
  };
}

/** The tables the initial migration creates: the only ones undoing an adoption may drop. */
function unifiedTables(orm: Orm): Promise<string[]> {
  return migrationStatements(orm, INITIAL_MIGRATION.class, 'up').then((statements) =>
    statements.flatMap((sql) => /^create table "([^"]+)"/i.exec(sql)?.[1] ?? []),
  );
}

async function migrationStatements(
  orm: Orm,
  migrationClass: (typeof MIGRATIONS)[number]['class'],
  direction: 'up' | 'down',
): Promise<string[]> {
  const migration = new migrationClass(orm.driver as unknown as AbstractSqlDriver, orm.config) as Migration;
  await (direction === 'up' ? migration.up() : migration.down());
  return migration.getQueries().map((query) => {
    if (typeof query !== 'string')
      throw new Error(`migration ${migration.name ?? ''} has a non-text statement`);
    return query;
  });
}

async function executedNames(orm: Orm): Promise<string[]> {
  const executed = await runOnPrimary(orm, () => orm.migrator.getExecuted());
  return executed.map((row) => row.name);
}

/** The URL of the PostgreSQL server; null for the embedded database (never a predecessor's). */
function serverUrl(orm: Orm): string | null {
  // The PGlite driver answers a default clientUrl too, but there is no server behind it.
  if (orm.driver instanceof PgliteDriver) return null;
  return (orm.config.get('clientUrl') as string | undefined) ?? null;
}

async function embeddedShape(orm: Orm): Promise<DatabaseShape> {
  const rows = await orm.em
    .getConnection()
    .execute<{ count: number }[]>(
      `select count(*)::int as count from pg_tables where tablename = 'pulse_migrations'`,
    );
  return rows[0]!.count > 0 ? { kind: 'managed' } : { kind: 'empty' };
}
