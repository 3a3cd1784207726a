import type pg from 'pg';

import { BOOKKEEPING_TABLES } from '../adoption/catalog.js';
import { PREDECESSOR_CORE_TABLES, PREDECESSOR_OPTIONAL_TABLES } from './predecessor-schema.js';

/** What a database holds before `pulse migrate up` touches it, judged from its catalog alone. */
export type DatabaseShape =
  /** Nothing of ours or the predecessor's: a fresh install. */
  | { kind: 'empty' }
  /** Our migrations have run here (freshly or after an adoption). */
  | { kind: 'managed' }
  /** The predecessor's schema, never adopted: every core table, no `embedding` on them. */
  | { kind: 'predecessor'; optionalTables: string[]; extensions: string[] }
  /** Some predecessor tables but not a whole predecessor schema: touching it could damage it. */
  | { kind: 'unrecognised'; reason: string };

export async function recogniseDatabase(client: pg.ClientBase): Promise<DatabaseShape> {
  const { rows } = await client.query<{ table_name: string }>(
    `select c.relname as table_name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p')`,
  );
  const tables = new Set(rows.map((row) => row.table_name));
  if (tables.has(BOOKKEEPING_TABLES[0]!)) {
    const { rows: executed } = await client.query<{ count: number }>(
      `select count(*)::int as count from ${BOOKKEEPING_TABLES[0]}`,
    );
    if (executed[0]!.count > 0) return { kind: 'managed' };
  }
  const present = PREDECESSOR_CORE_TABLES.filter((table) => tables.has(table));
  if (present.length === 0) return { kind: 'empty' };
  const missing = PREDECESSOR_CORE_TABLES.filter((table) => !tables.has(table));
  if (missing.length > 0) {
    return {
      kind: 'unrecognised',
      reason:
        `it holds ${present.join(', ')} but not ${missing.join(', ')}: neither empty nor a whole predecessor ` +
        `schema, so nothing was changed`,
    };
  }
  const { rows: embedded } = await client.query<{ table_name: string }>(
    `select table_name from information_schema.columns
      where table_schema = 'public' and column_name = 'embedding' and table_name = any($1)`,
    [PREDECESSOR_CORE_TABLES],
  );
  if (embedded.length > 0) {
    return {
      kind: 'unrecognised',
      reason:
        `its tables already have embedding columns (${embedded.map((row) => row.table_name).join(', ')}) ` +
        `but no migration is recorded in ${BOOKKEEPING_TABLES[0]}: it is not the predecessor's schema ` +
        `and not one this gateway created, so nothing was changed`,
    };
  }
  const { rows: extensions } = await client.query<{ extname: string }>(
    `select extname from pg_extension where extname <> 'plpgsql' order by 1`,
  );
  return {
    kind: 'predecessor',
    optionalTables: PREDECESSOR_OPTIONAL_TABLES.filter((table) => tables.has(table)),
    extensions: extensions.map((row) => row.extname),
  };
}
