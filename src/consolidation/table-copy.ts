import { quoteIdent } from '../validate/integrity-check.js';
import type { ConsolidationSource } from './consolidation-source.js';
import type { ConsolidationTarget } from './consolidation-target.js';
import { ID_MAP_TABLE } from './consolidation-target.js';
import type { ProgressDisplay } from './consolidation-progress.js';
import type { TableCopyPlan } from './copy-plan.js';
import { lookupReferences, translateRow } from './row-translation.js';
import type { renamer } from './row-translation.js';

export interface TableStatistics {
  table: string;
  read: number;
  written: number;
  /** Rows written under a new id because theirs was taken in the target. */
  remapped: number;
  /** Rows not written: copied by an earlier run, or global reference rows the target already has. */
  skipped: number;
  seconds: number;
}

export interface CopyContext {
  source: ConsolidationSource;
  target: ConsolidationTarget;
  clientIds: number[];
  runId: number;
  batchSize: number;
  rename: ReturnType<typeof renamer>;
  progress: ProgressDisplay;
}

/**
 * Copies one table's rows of the chosen clients in batches. Each batch is one target transaction that
 * writes the rows, their id-map entries and the table's checkpoint together: a run killed at any moment
 * has either all of a batch or none of it, and the next run starts after the last committed batch (and
 * skips, through the id map, anything already there).
 */
export async function copyTable(context: CopyContext, plan: TableCopyPlan): Promise<TableStatistics> {
  const { source, target } = context;
  const started = performance.now();
  const statistics: TableStatistics = {
    table: plan.table,
    read: 0,
    written: 0,
    remapped: 0,
    skipped: 0,
    seconds: 0,
  };
  let after = await target.checkpoint(source.label, plan.table, phaseFor('copy', context));
  const total = await source.count(plan, context.clientIds);
  const done = after ? await doneSoFar(context, plan) : 0;
  if (plan.keyKind === 'serial' && plan.scope.kind !== 'global') {
    // New ids for the rows whose id is taken come from above every source id: handed out from below,
    // they would take the ids of later source rows that are still free, and remap those too.
    const largest = await source.maxId(plan, context.clientIds);
    if (largest !== null) await target.reserveIds(plan.table, plan.keyColumns[0]!, largest, 0);
  }
  const progress = context.progress.table(plan.table, total, done);
  const counts = () => ({
    read: done + statistics.read,
    applied: done + statistics.written,
    rejected: statistics.skipped,
  });
  for (;;) {
    const rows = await source.batch(plan, context.clientIds, after, context.batchSize);
    if (rows.length === 0) break;
    statistics.read += rows.length;
    const lastKey = rows[rows.length - 1]!.key;
    await target.transaction(async () => {
      const outcome =
        plan.keyKind === 'serial'
          ? await writeSerialBatch(context, plan, rows)
          : await writeCompositeBatch(context, plan, rows);
      statistics.written += outcome.written;
      statistics.remapped += outcome.remapped;
      statistics.skipped += outcome.skipped;
      await target.saveCheckpoint(source.label, plan.table, phaseFor('copy', context), lastKey);
    });
    after = lastKey;
    progress.update(counts());
  }
  progress.finish(counts());
  statistics.seconds = (performance.now() - started) / 1000;
  return statistics;
}

/**
 * Checkpoints are per set of copied clients: a later run that copies a client an earlier one skipped
 * must start that table from the beginning (the id map skips the rows already there).
 */
function phaseFor(step: string, context: CopyContext): string {
  return `${step}:${[...context.clientIds].sort((a, b) => a - b).join(',')}`;
}

async function doneSoFar(context: CopyContext, plan: TableCopyPlan): Promise<number> {
  if (plan.keyKind !== 'serial') return 0;
  const [row] = await context.target.query<{ n: string }>(
    `select count(*) as n from ${ID_MAP_TABLE} where source = $1 and table_name = $2`,
    [context.source.label, plan.table],
  );
  return Number(row!.n);
}

interface BatchOutcome {
  written: number;
  remapped: number;
  skipped: number;
}

async function writeSerialBatch(
  context: CopyContext,
  plan: TableCopyPlan,
  rows: Parameters<typeof translateRow>[1][],
): Promise<BatchOutcome> {
  const { source, target } = context;
  const idColumn = plan.keyColumns[0]!;
  const legacyIds = rows.map((row) => row.key[0] as number);
  const already = await target.mapped(source.label, plan.table, legacyIds);
  let fresh = rows.filter((row) => !already.has(row.key[0] as number));
  const outcome: BatchOutcome = { written: 0, remapped: 0, skipped: rows.length - fresh.length };
  const mapEntries: { legacy: number; id: number; client: number | null }[] = [];

  // Reference data of no client: a row the target already has (same natural key) is mapped to it.
  if (plan.scope.kind === 'global' && plan.naturalKey.length > 0 && fresh.length > 0) {
    const existing = await matchNaturalKeys(context, plan, fresh);
    for (const row of fresh) {
      const id = existing.get(naturalKeyOf(plan, row.values));
      if (id !== undefined) mapEntries.push({ legacy: row.key[0] as number, id, client: null });
    }
    outcome.skipped += mapEntries.length;
    fresh = fresh.filter((row) => !existing.has(naturalKeyOf(plan, row.values)));
  }

  if (fresh.length > 0) {
    const lookups = await lookupReferences(target, source.label, plan, fresh);
    const freshIds = fresh.map((row) => row.key[0] as number);
    const taken = await target.takenIds(plan.table, idColumn, freshIds);
    const kept = freshIds.filter((id) => !taken.has(id));
    const reserved = await target.reserveIds(
      plan.table,
      idColumn,
      kept.length ? Math.max(...kept) : null,
      taken.size,
    );
    const translated = fresh.map((row) => {
      const legacy = row.key[0] as number;
      const id = taken.has(legacy) ? reserved.shift()! : legacy;
      const values = translateRow(plan, row, id, lookups, context.rename);
      mapEntries.push({ legacy, id, client: clientOf(plan, values) });
      return values;
    });
    await insertRows(context, plan, translated, false);
    outcome.written = translated.length;
    outcome.remapped = taken.size;
  }

  if (mapEntries.length > 0) {
    await target.query(
      `insert into ${ID_MAP_TABLE} (source, table_name, legacy_id, new_id, client_id, run_id)
       select $1, $2, legacy, id, client, $6 from unnest($3::int[], $4::int[], $5::int[]) as m(legacy, id, client)`,
      [
        source.label,
        plan.table,
        mapEntries.map((entry) => entry.legacy),
        mapEntries.map((entry) => entry.id),
        mapEntries.map((entry) => entry.client),
        context.runId,
      ],
    );
  }
  return outcome;
}

/** The target client a copied row belongs to (the id map shows admins their own client's entries). */
function clientOf(plan: TableCopyPlan, values: Record<string, unknown>): number | null {
  if (plan.scope.kind === 'self') return values[plan.keyColumns[0]!] as number;
  if (plan.scope.kind === 'own') return values[plan.scope.column] as number;
  return null;
}

async function writeCompositeBatch(
  context: CopyContext,
  plan: TableCopyPlan,
  rows: Parameters<typeof translateRow>[1][],
): Promise<BatchOutcome> {
  const lookups = await lookupReferences(context.target, context.source.label, plan, rows);
  const translated = rows.map((row) => translateRow(plan, row, null, lookups, context.rename));
  const written = await insertRows(context, plan, translated, true);
  return { written, remapped: 0, skipped: rows.length - written };
}

/**
 * One multi-row insert: the batch travels as one JSON document and PostgreSQL turns each value into
 * its column's type (vectors, timestamps, JSONB) with the column's own input function.
 */
async function insertRows(
  context: CopyContext,
  plan: TableCopyPlan,
  rows: Record<string, unknown>[],
  ignoreExisting: boolean,
): Promise<number> {
  const columns = plan.columns.map(quoteIdent).join(', ');
  const result = await context.target.query<{ n: string }>(
    `with written as (
       insert into ${quoteIdent(plan.table)} (${columns})
       select ${columns} from jsonb_populate_recordset(null::${quoteIdent(plan.table)}, $1::jsonb)
       ${ignoreExisting ? 'on conflict do nothing' : ''}
       returning 1
     ) select count(*) as n from written`,
    [JSON.stringify(rows)],
  );
  return Number(result[0]!.n);
}

function naturalKeyOf(plan: TableCopyPlan, values: Record<string, unknown>): string {
  return JSON.stringify(plan.naturalKey.map((column) => values[column] ?? null));
}

async function matchNaturalKeys(
  context: CopyContext,
  plan: TableCopyPlan,
  rows: Parameters<typeof translateRow>[1][],
): Promise<Map<string, number>> {
  const columns = plan.naturalKey.map(quoteIdent);
  const found = await context.target.query<{ key: unknown[]; id: number }>(
    `select jsonb_build_array(${columns.map((c) => `t.${c}`).join(', ')}) as key, t."id" as id
       from ${quoteIdent(plan.table)} t
       join jsonb_populate_recordset(null::${quoteIdent(plan.table)}, $1::jsonb) s
         on ${columns.map((c) => `s.${c} = t.${c}`).join(' and ')}`,
    [JSON.stringify(rows.map((row) => row.values))],
  );
  return new Map(found.map((row) => [JSON.stringify(row.key), row.id]));
}

/**
 * Sets the self references (an issue's parent) that could not be set while their table was copied, once
 * every row of the table has its new id. Idempotent, and checkpointed like the copy.
 */
export async function fixSelfReferences(context: CopyContext, plan: TableCopyPlan): Promise<void> {
  const selfReferences = plan.references.filter((reference) => reference.target === plan.table);
  if (selfReferences.length === 0 || plan.keyKind !== 'serial') return;
  const { source, target } = context;
  const phase = phaseFor('self-references', context);
  let after = await target.checkpoint(source.label, plan.table, phase);
  for (;;) {
    const rows = await source.batch(plan, context.clientIds, after, context.batchSize);
    if (rows.length === 0) break;
    const lastKey = rows[rows.length - 1]!.key;
    await target.transaction(async () => {
      const ids = await target.mapped(
        source.label,
        plan.table,
        rows.map((row) => row.key[0] as number),
      );
      for (const reference of selfReferences) {
        const pairs = rows.filter((row) => row.values[reference.column] !== null);
        if (pairs.length === 0) continue;
        const parents = await target.mapped(
          source.label,
          plan.table,
          pairs.map((row) => row.values[reference.column] as number),
        );
        const column = quoteIdent(reference.column);
        await target.query(
          `update ${quoteIdent(plan.table)} t set ${column} = u.parent
             from unnest($1::int[], $2::int[]) as u(id, parent)
            where t."id" = u.id and t.${column} is distinct from u.parent`,
          [
            pairs.map((row) => ids.get(row.key[0] as number)!),
            pairs.map((row) => parents.get(row.values[reference.column] as number) ?? null),
          ],
        );
      }
      await target.saveCheckpoint(source.label, plan.table, phase, lastKey);
    });
    after = lastKey;
  }
}
