import { entityMetadata } from '../db/entity-metadata.js';
import { GATEWAY_ENTITIES } from '../modules/index.js';
import { findConflicts } from './consolidation-conflicts.js';
import type { Conflict } from './consolidation-conflicts.js';
import type { ConsolidationOptions } from './consolidation-options.js';
import type { ProgressDisplay } from './consolidation-progress.js';
import type { ConsolidationSource, SourceClient } from './consolidation-source.js';
import { ConsolidationTarget } from './consolidation-target.js';
import { ID_MAP_TABLE } from './consolidation-target.js';
import { verifyCopy } from './consolidation-verification.js';
import type { Verification } from './consolidation-verification.js';
import { copyPlans } from './copy-plan.js';
import type { TableCopyPlan } from './copy-plan.js';
import { renamer } from './row-translation.js';
import { copyTable, fixSelfReferences } from './table-copy.js';
import type { TableStatistics } from './table-copy.js';

export interface DryRunTable {
  table: string;
  /** Source rows of the chosen clients. */
  rows: number;
  /** Of those, already copied by an earlier run of this source. */
  alreadyCopied: number;
  /** Source ids already used in the target: those rows would get a new id. */
  idCollisions: number;
}

export type ConsolidationOutcome =
  | { kind: 'conflicts'; clients: SourceClient[]; conflicts: Conflict[] }
  | { kind: 'dry-run'; clients: SourceClient[]; conflicts: Conflict[]; tables: DryRunTable[] }
  | {
      kind: 'completed';
      runId: number;
      clients: SourceClient[];
      statistics: TableStatistics[];
      seconds: number;
      verification: Verification;
    };

/** Another run of the same source holds the lock, or the target lacks the bookkeeping tables. */
export class ConsolidationRefusedError extends Error {}

/**
 * `pulse migrate from`: every client of the source (except the skipped ones) into the target. Order:
 * conflicts (nothing is written while there is one), then, unless it is a dry run, the copy table by
 * table in reference order, the self references, and the verification, all recorded in one run row.
 */
export async function consolidate(
  source: ConsolidationSource,
  targetUrl: string,
  options: ConsolidationOptions,
  progress: ProgressDisplay,
): Promise<ConsolidationOutcome> {
  const plans = copyPlans(entityMetadata(GATEWAY_ENTITIES));
  const target = await ConsolidationTarget.open(targetUrl);
  try {
    await assertBookkeeping(target);
    const skipped = new Set(options.skipClients);
    const clients = (await source.clients()).filter((client) => !skipped.has(client.name));
    const unknown = options.skipClients.filter((name) => !clients.some((client) => client.name === name));
    const allNames = new Set((await source.clients()).map((client) => client.name));
    const notInSource = [
      ...unknown.filter((name) => !allNames.has(name)),
      ...Object.keys(options.renameClients).filter((name) => !allNames.has(name)),
    ];
    if (notInSource.length > 0) {
      throw new ConsolidationRefusedError(
        `the source has no client named ${notInSource.map((name) => `"${name}"`).join(', ')}`,
      );
    }
    const conflicts = await findConflicts(source, target, plans, clients, options);
    if (options.dryRun) {
      return {
        kind: 'dry-run',
        clients,
        conflicts,
        tables: await dryRunTables(source, target, plans, clients, options),
      };
    }
    if (conflicts.length > 0) return { kind: 'conflicts', clients, conflicts };
    return await copyEverything(source, target, plans, clients, options, progress);
  } finally {
    await target.close();
  }
}

async function assertBookkeeping(target: ConsolidationTarget): Promise<void> {
  const [row] = await target.query<{ ok: boolean }>(
    `select to_regclass('${ID_MAP_TABLE}') is not null and to_regclass('consolidation_runs') is not null and to_regclass('issues') is not null as ok`,
  );
  if (!row?.ok)
    throw new ConsolidationRefusedError('the target schema is not up to date: run `pulse migrate up` first');
}

async function dryRunTables(
  source: ConsolidationSource,
  target: ConsolidationTarget,
  plans: TableCopyPlan[],
  clients: SourceClient[],
  options: ConsolidationOptions,
): Promise<DryRunTable[]> {
  const clientIds = clients.map((client) => client.legacyId);
  const tables: DryRunTable[] = [];
  for (const plan of plans) {
    const entry: DryRunTable = { table: plan.table, rows: 0, alreadyCopied: 0, idCollisions: 0 };
    let after: (number | string)[] | null = null;
    for (;;) {
      const rows = await source.batch(plan, clientIds, after, options.batchSize);
      if (rows.length === 0) break;
      after = rows[rows.length - 1]!.key;
      entry.rows += rows.length;
      if (plan.keyKind !== 'serial') continue;
      const ids = rows.map((row) => row.key[0] as number);
      const mapped = await target.mapped(source.label, plan.table, ids);
      entry.alreadyCopied += mapped.size;
      const fresh = ids.filter((id) => !mapped.has(id));
      entry.idCollisions += (await target.takenIds(plan.table, plan.keyColumns[0]!, fresh)).size;
    }
    tables.push(entry);
  }
  return tables;
}

async function copyEverything(
  source: ConsolidationSource,
  target: ConsolidationTarget,
  plans: TableCopyPlan[],
  clients: SourceClient[],
  options: ConsolidationOptions,
  progress: ProgressDisplay,
): Promise<ConsolidationOutcome> {
  // One run per source at a time: two would hand out ids and checkpoints against each other.
  const [lock] = await target.query<{ locked: boolean }>(
    `select pg_try_advisory_lock(hashtext('pulse migrate from'), hashtext($1)) as locked`,
    [source.label],
  );
  if (!lock?.locked)
    throw new ConsolidationRefusedError(`another \`pulse migrate from\` of ${source.label} is running`);
  const started = performance.now();
  // A run still marked running holds no lock any more: it was killed.
  await target.query(
    `update consolidation_runs set status = 'interrupted' where source = $1 and status = 'running'`,
    [source.label],
  );
  const [run] = await target.query<{ id: number }>(
    `insert into consolidation_runs (source, source_kind, options) values ($1, $2, $3::jsonb) returning id`,
    [
      source.label,
      source.kind,
      JSON.stringify({ ...options, clients: clients.map((client) => client.name) }),
    ],
  );
  const runId = run!.id;
  const clientIds = clients.map((client) => client.legacyId);
  const rename = renamer(options);
  const context = { source, target, clientIds, runId, batchSize: options.batchSize, rename, progress };
  try {
    const statistics: TableStatistics[] = [];
    for (const plan of plans) {
      statistics.push(await copyTable(context, plan));
      await fixSelfReferences(context, plan);
    }
    progress.stop();
    const verification = await verifyCopy(source, target, plans, clientIds, options.batchSize, rename);
    const seconds = (performance.now() - started) / 1000;
    await target.query(
      `update consolidation_runs set status = $2, finished_at = now(), statistics = $3::jsonb, verification = $4::jsonb,
         error = case when $5 then null else 'verification found rows that differ or are missing' end where id = $1`,
      [
        runId,
        verification.ok ? 'completed' : 'failed',
        JSON.stringify({ tables: statistics, seconds }),
        JSON.stringify(verification),
        verification.ok,
      ],
    );
    return { kind: 'completed', runId, clients, statistics, seconds, verification };
  } catch (error) {
    progress.stop();
    await target
      .query(
        `update consolidation_runs set status = 'failed', finished_at = now(), error = $2 where id = $1`,
        [runId, error instanceof Error ? error.message : String(error)],
      )
      .catch(() => undefined);
    throw error;
  }
}
