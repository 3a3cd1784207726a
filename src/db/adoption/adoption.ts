import type pg from 'pg';

import {
  adoptLearningMemoryStatements,
  LEARNING_MEMORY_TABLE,
  revertLearningMemoryStatements,
} from '../predecessor/ai-learning-memory-mapping.js';
import { predecessorSchemaStatements } from '../predecessor/predecessor-schema.js';
import { recogniseDatabase } from '../predecessor/recognise-predecessor.js';
import { BOOKKEEPING_TABLES, readCatalog } from './catalog.js';
import type { Catalog } from './catalog.js';
import { diffCatalogs } from './catalog-diff.js';
import type { SchemaStep, Violation } from './catalog-diff.js';

const [MIGRATIONS_TABLE, ADOPTION_TABLE] = BOOKKEEPING_TABLES as [string, string];
const SCRATCH_SCHEMA = 'pulse_adoption_target';
/** Serialises concurrent `migrate up` runs against one database. */
const MIGRATION_LOCK = `select pg_advisory_xact_lock(hashtext('pulse-gateway migrations'))`;

export const ADOPTION_SOURCE = 'predecessor backend-service schema (migration 0001, before vector columns)';

export interface PlannedStatement {
  sql: string;
  /** Rows the statement rewrites, fills or updates; null when it changes no row. */
  rows: number | null;
}

export interface AdoptionPlan {
  statements: PlannedStatement[];
  violations: Violation[];
  optionalTables: string[];
}

export interface AdoptionRecord {
  migration: string;
  adoptedAt: Date;
  source: string;
  optionalTables: string[];
  extensionsBefore: string[];
}

/** Adoption found rows that break the unified schema's rules; nothing was changed. */
export class AdoptionRefusedError extends Error {
  constructor(readonly violations: Violation[]) {
    super(
      `the database was not adopted: ${violations.length} rule(s) of the unified schema are broken by existing ` +
        `rows (nothing was changed)`,
    );
  }
}

/** PostgreSQL refused one of the adoption's statements; the transaction was rolled back. */
export class AdoptionFailedError extends Error {
  constructor(
    readonly statement: string,
    cause: Error,
  ) {
    super(
      `adoption stopped at \`${statement}\`: ${cause.message}. It was rolled back; nothing was changed. ` +
        `Run \`pulse migrate plan\` to see every statement`,
      { cause },
    );
  }
}

/** The database is neither empty, nor ours, nor a whole predecessor schema. */
export class UnrecognisedDatabaseError extends Error {}

/** What the migration runner needs to know about the initial migration it adopts in place of running. */
export interface InitialMigration {
  name: string;
  /** Its up statements, as it would run them on an empty database. */
  statements: string[];
}

/**
 * Everything `adoptPredecessor` would do, without doing it: the whole preparation runs in a transaction
 * that is rolled back, so not even the bookkeeping table appears.
 */
export async function planAdoption(client: pg.ClientBase, initial: InitialMigration): Promise<AdoptionPlan> {
  await client.query('begin');
  try {
    const prepared = await prepareAdoption(client, initial);
    return {
      statements: prepared.statements,
      violations: prepared.violations,
      optionalTables: prepared.optionalTables,
    };
  } finally {
    await client.query('rollback');
  }
}

/**
 * Brings a predecessor database to the state of the initial migration, in place, in one transaction,
 * and records the initial migration as applied by adoption. Refuses (changing nothing) when rows break
 * a rule of the unified schema.
 */
export async function adoptPredecessor(
  client: pg.ClientBase,
  initial: InitialMigration,
): Promise<AdoptionPlan> {
  await client.query('begin');
  try {
    const prepared = await prepareAdoption(client, initial);
    if (prepared.violations.length > 0) throw new AdoptionRefusedError(prepared.violations);
    for (const step of prepared.pending) {
      try {
        await client.query(step.sql);
      } catch (error) {
        throw new AdoptionFailedError(step.sql, error as Error);
      }
    }
    await client.query(
      `create table if not exists ${MIGRATIONS_TABLE} (id serial primary key, name varchar(255), executed_at timestamptz default current_timestamp)`,
    );
    await client.query(
      `create table if not exists ${ADOPTION_TABLE} (migration varchar(255) primary key, adopted_at timestamptz not null default now(), source text not null, optional_tables text[] not null, extensions_before text[] not null)`,
    );
    await client.query(`insert into ${MIGRATIONS_TABLE} (name, executed_at) values ($1, now())`, [
      initial.name,
    ]);
    await client.query(
      `insert into ${ADOPTION_TABLE} (migration, source, optional_tables, extensions_before) values ($1, $2, $3, $4)`,
      [initial.name, ADOPTION_SOURCE, prepared.optionalTables, prepared.extensionsBefore],
    );
    await client.query('commit');
    return { statements: prepared.statements, violations: [], optionalTables: prepared.optionalTables };
  } catch (error) {
    await client.query('rollback');
    throw error;
  }
}

export async function readAdoptionRecord(client: pg.ClientBase): Promise<AdoptionRecord | null> {
  const { rows: exists } = await client.query(`select to_regclass('public.${ADOPTION_TABLE}') as table_name`);
  if (!exists[0]?.table_name) return null;
  const { rows } = await client.query<{
    migration: string;
    adopted_at: Date;
    source: string;
    optional_tables: string[];
    extensions_before: string[];
  }>(`select * from ${ADOPTION_TABLE} order by adopted_at desc limit 1`);
  const row = rows[0];
  if (!row) return null;
  return {
    migration: row.migration,
    adoptedAt: row.adopted_at,
    source: row.source,
    optionalTables: row.optional_tables,
    extensionsBefore: row.extensions_before,
  };
}

/**
 * Undoes an adoption (after every later migration has been reverted): the predecessor's shape again,
 * with every predecessor row and value; what adoption added is dropped, timestamps go back to
 * `timestamp` holding UTC. One transaction; the bookkeeping of the adoption is removed with it.
 */
export async function revertAdoption(
  client: pg.ClientBase,
  record: AdoptionRecord,
  /** The tables of the unified schema: the only ones that may be dropped. */
  unifiedTables: readonly string[],
): Promise<PlannedStatement[]> {
  await client.query('begin');
  try {
    await client.query(MIGRATION_LOCK);
    const executed: PlannedStatement[] = [];
    const run = async (sql: string) => {
      const result = await client.query(sql);
      executed.push({ sql, rows: result.command === 'UPDATE' ? result.rowCount : null });
    };
    const live = await readCatalog(client);
    if (record.optionalTables.includes(LEARNING_MEMORY_TABLE) && live.tables[LEARNING_MEMORY_TABLE])
      for (const sql of revertLearningMemoryStatements()) await run(sql);
    const target = await scratchCatalog(client, predecessorSchemaStatements(record.optionalTables));
    target.extensions = record.extensionsBefore;
    const unifiedOnly = unifiedTables.filter((table) => live.tables[table] && !target.tables[table]);
    const steps = diffCatalogs(await readCatalog(client), target, {
      direction: 'down',
      dropTables: unifiedOnly,
      sourceStatements: predecessorSchemaStatements(record.optionalTables),
    });
    const counts = new RowCounter(client);
    for (const step of steps) {
      const rows = step.touches ? await counts.rows(step.touches) : null;
      await client.query(step.sql);
      executed.push({ sql: step.sql, rows });
    }
    await client.query(`delete from ${MIGRATIONS_TABLE} where name = $1`, [record.migration]);
    await client.query(`drop table ${ADOPTION_TABLE}`);
    await client.query('commit');
    return executed;
  } catch (error) {
    await client.query('rollback');
    throw error;
  }
}

interface PreparedAdoption {
  /** In order: what already ran inside the open transaction, then what is pending. */
  statements: PlannedStatement[];
  pending: SchemaStep[];
  violations: Violation[];
  optionalTables: string[];
  extensionsBefore: string[];
}

/**
 * Inside an open transaction: adapts the older ML table, reads the live catalog and the target one
 * (the initial migration replayed in a scratch schema inside a savepoint that is rolled back), diffs
 * them, and runs every violation check. Only the data-mapping statements have run when it returns.
 */
async function prepareAdoption(client: pg.ClientBase, initial: InitialMigration): Promise<PreparedAdoption> {
  await client.query(MIGRATION_LOCK);
  const shape = await recogniseDatabase(client);
  if (shape.kind !== 'predecessor') {
    throw new UnrecognisedDatabaseError(
      shape.kind === 'unrecognised'
        ? shape.reason
        : `the database is ${shape.kind}, not a predecessor database`,
    );
  }
  const statements: PlannedStatement[] = [];
  if (shape.optionalTables.includes(LEARNING_MEMORY_TABLE)) {
    for (const sql of adoptLearningMemoryStatements()) {
      const result = await client.query(sql);
      statements.push({ sql, rows: result.command === 'UPDATE' ? result.rowCount : null });
    }
  }
  const target = await scratchCatalog(client, initial.statements);
  const live = await readCatalog(client);
  const steps = diffCatalogs(live, target, {
    direction: 'up',
    dropTables: [],
    sourceStatements: initial.statements,
  });

  const violations: Violation[] = [];
  for (const step of steps) {
    for (const check of step.checks) {
      const { rows } = await client.query<{ rows: number; first_ids: string[] | null }>(check.sql);
      const found = rows[0]!;
      if (found.rows > 0) {
        violations.push({
          kind: check.kind,
          table: check.table,
          subject: check.subject,
          rule: check.rule,
          rows: found.rows,
          firstIds: found.first_ids ?? [],
        });
      }
    }
  }
  const counts = new RowCounter(client);
  const pending = steps.filter((step) => !step.sql.startsWith('--'));
  for (const step of pending)
    statements.push({ sql: step.sql, rows: step.touches ? await counts.rows(step.touches) : null });
  return {
    statements,
    pending,
    violations,
    optionalTables: shape.optionalTables,
    extensionsBefore: shape.extensions,
  };
}

/**
 * The catalog a list of statements produces, read from a scratch schema inside a savepoint that is rolled
 * back: the schema, its tables and any extension created for them leave no trace.
 */
async function scratchCatalog(client: pg.ClientBase, statements: string[]): Promise<Catalog> {
  await client.query('savepoint pulse_adoption_target');
  try {
    // Extensions belong in public, where a fresh install creates them, not in the scratch schema.
    await client.query('create extension if not exists vector schema public');
    await client.query(`create schema ${SCRATCH_SCHEMA}`);
    await client.query(`set local search_path = ${SCRATCH_SCHEMA}, public`);
    for (const sql of statements) await client.query(sql);
    return await readCatalog(client, SCRATCH_SCHEMA);
  } finally {
    await client.query('rollback to savepoint pulse_adoption_target');
  }
}

class RowCounter {
  private readonly known = new Map<string, number>();
  constructor(private readonly client: pg.ClientBase) {}

  async rows(table: string): Promise<number> {
    const cached = this.known.get(table);
    if (cached !== undefined) return cached;
    const { rows } = await this.client.query<{ count: number }>(
      `select count(*)::int as count from "${table}"`,
    );
    this.known.set(table, rows[0]!.count);
    return rows[0]!.count;
  }
}
