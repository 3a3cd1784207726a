import type pg from 'pg';

import { predecessorRowsAsUnified } from '../db/predecessor/predecessor-as-unified.js';
import { PREDECESSOR_CORE_TABLES, predecessorColumns } from '../db/predecessor/predecessor-schema.js';
import type { ConsolidationSource } from './consolidation-source.js';
import type { TableCopyPlan } from './copy-plan.js';
import { assertColumns, SnapshotSource, sourceLabel } from './snapshot-source.js';

/**
 * A predecessor database (the Python backend-service's schema) read as if it had been adopted: each
 * table through the predecessor adapter's SELECT (`src/db/predecessor/predecessor-as-unified.ts`), so
 * timestamps without time zone are read as UTC, columns it never had get their default (no embeddings),
 * and `ai_learning_memory` is mapped like adoption maps it. Its join tables have no key: they are paged
 * by their two references all the same. Its own tables (job schedules, color settings, its migration
 * history, the older ML tables) have no place in the unified schema and are not read.
 */
export async function openPredecessorSource(
  client: pg.Client,
  url: string,
  plans: TableCopyPlan[],
  optionalTables: readonly string[],
): Promise<ConsolidationSource> {
  const present = new Set([...PREDECESSOR_CORE_TABLES, ...optionalTables]);
  const relations = new Map<string, string>();
  for (const plan of plans) {
    if (!present.has(plan.table)) continue;
    const select = predecessorRowsAsUnified(
      plan.table,
      plan.columns.map((name) => ({ name, defaultSql: plan.constantDefaults[name] ?? null })),
    );
    if (select !== null) relations.set(plan.table, `(${select})`);
  }
  // A column someone added to a predecessor table would be silently dropped by the copy: refuse it.
  await assertColumns(
    client,
    new Map([...relations.keys()].map((table) => [table, predecessorColumns(table)])),
    'a predecessor database as the adapter knows it',
  );
  return new SnapshotSource(
    client,
    'predecessor',
    sourceLabel(url),
    (plan) => relations.get(plan.table) ?? null,
  );
}
