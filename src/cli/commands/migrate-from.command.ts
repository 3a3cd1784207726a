import { Command, InvalidArgumentError } from 'commander';

import type { Conflict } from '../../consolidation/consolidation-conflicts.js';
import { DEFAULT_BATCH_SIZE } from '../../consolidation/consolidation-options.js';
import { createProgressDisplay } from '../../consolidation/consolidation-progress.js';
import { consolidate, ConsolidationRefusedError } from '../../consolidation/consolidation-run.js';
import type { ConsolidationOutcome } from '../../consolidation/consolidation-run.js';
import { SourceUnusableError } from '../../consolidation/consolidation-source.js';
import { consolidationHistory } from '../../consolidation/consolidation-history.js';
import { openConsolidationSource } from '../../consolidation/open-source.js';
import { UnmappedReferenceError } from '../../consolidation/row-translation.js';
import { openDatabase } from '../../db/database.js';
import { withPgClient } from '../../db/pg-client.js';
import { validateDatabase } from '../../validate/validate-database.js';
import { validationText } from '../../validate/validation-output.js';
import { positiveInteger } from '../cli-run.js';
import type { CliRun } from '../cli-run.js';
import { GATEWAY_ENTITIES } from '../../modules/index.js';

interface MigrateFromFlags {
  batchSize: number;
  dryRun?: boolean;
  skipClient: string[];
  renameClient: Record<string, string>;
  renameEmail: Record<string, string>;
  renameEmailDomain: Record<string, string>;
}

const collect = (value: string, previous: string[]) => [...previous, value];

function pair(value: string, previous: Record<string, string>): Record<string, string> {
  const at = value.indexOf('=');
  if (at <= 0 || at === value.length - 1) throw new InvalidArgumentError('must be OLD=NEW');
  return { ...previous, [value.slice(0, at)]: value.slice(at + 1) };
}

/** `pulse migrate from SOURCE_URL`: copy every client of another database into this one. */
export function migrateFromCommand(run: CliRun): Command {
  return new Command('from')
    .description(
      "copy every client of SOURCE_URL (another installation's database, or a predecessor one) into this one: read-only on the source, " +
        'in batches, resumable, ids kept where free and remapped where taken, conflicts refused before any write, ' +
        'verified and recorded (see `migrate history`). Exit 0: done and verified; 1: conflicts, verification or ' +
        'validation errors; 2: could not run',
    )
    .argument('<source-url>', 'PostgreSQL URL of the source database (only read)')
    .option(
      '--batch-size <n>',
      'source rows per batch (one target transaction each)',
      positiveInteger,
      DEFAULT_BATCH_SIZE,
    )
    .option('--dry-run', 'report rows per table, id collisions and conflicts; write nothing')
    .option('--skip-client <name>', 'do not copy this source client (repeatable)', collect, [])
    .option(
      '--rename-client <old=new>',
      'give a source client another name in the target (repeatable)',
      pair,
      {},
    )
    .option(
      '--rename-email <old=new>',
      'give a source user another email in the target (repeatable)',
      pair,
      {},
    )
    .option(
      '--rename-email-domain <old=new>',
      'move every source user of an email domain to another domain (repeatable)',
      pair,
      {},
    )
    .action(async (sourceUrl: string, flags: MigrateFromFlags) => {
      const targetUrl = run.config.databaseOwnerUrl;
      if (!targetUrl) {
        run.warn(
          'pulse migrate from: needs DATABASE_URL (or DATABASE_OWNER_URL): the embedded database is not a target',
        );
        run.exitCode = 2;
        return;
      }
      let outcome: ConsolidationOutcome;
      try {
        const source = await openConsolidationSource(sourceUrl);
        try {
          outcome = await consolidate(
            source,
            targetUrl,
            {
              batchSize: flags.batchSize,
              dryRun: Boolean(flags.dryRun),
              skipClients: flags.skipClient,
              renameClients: flags.renameClient,
              renameEmails: flags.renameEmail,
              renameEmailDomains: flags.renameEmailDomain,
            },
            createProgressDisplay(process.stderr, (line) => run.warn(line)),
          );
        } finally {
          await source.close();
        }
      } catch (error) {
        const expected =
          error instanceof SourceUnusableError ||
          error instanceof ConsolidationRefusedError ||
          error instanceof UnmappedReferenceError;
        run.warn(`pulse migrate from: ${expected ? '' : 'could not run: '}${(error as Error).message}`);
        run.exitCode = error instanceof UnmappedReferenceError ? 1 : 2;
        return;
      }
      run.exitCode = await report(run, targetUrl, outcome);
    });
}

async function report(run: CliRun, targetUrl: string, outcome: ConsolidationOutcome): Promise<number> {
  run.print(`source clients: ${outcome.clients.map((client) => client.name).join(', ') || '(none)'}`);
  if (outcome.kind === 'dry-run' || outcome.kind === 'conflicts') {
    if (outcome.kind === 'dry-run') {
      run.print('dry run: nothing written');
      run.print(
        `${'table'.padEnd(26)} ${'rows'.padStart(9)} ${'copied'.padStart(9)} ${'id taken'.padStart(9)}`,
      );
      for (const table of outcome.tables) {
        run.print(
          `${table.table.padEnd(26)} ${String(table.rows).padStart(9)} ${String(table.alreadyCopied).padStart(9)} ${String(table.idCollisions).padStart(9)}`,
        );
      }
    }
    printConflicts(run, outcome.conflicts);
    return outcome.conflicts.length > 0 ? 1 : 0;
  }
  const totals = outcome.statistics.reduce(
    (sum, table) => ({
      read: sum.read + table.read,
      written: sum.written + table.written,
      remapped: sum.remapped + table.remapped,
      skipped: sum.skipped + table.skipped,
    }),
    { read: 0, written: 0, remapped: 0, skipped: 0 },
  );
  run.print(
    `${'table'.padEnd(26)} ${'read'.padStart(9)} ${'written'.padStart(9)} ${'remapped'.padStart(9)} ${'skipped'.padStart(9)} ${'seconds'.padStart(8)}`,
  );
  for (const table of outcome.statistics) {
    run.print(
      `${table.table.padEnd(26)} ${String(table.read).padStart(9)} ${String(table.written).padStart(9)} ${String(table.remapped).padStart(9)} ${String(table.skipped).padStart(9)} ${table.seconds.toFixed(2).padStart(8)}`,
    );
  }
  const rate = outcome.seconds > 0 ? Math.round(totals.written / outcome.seconds) : 0;
  run.print(
    `run ${outcome.runId}: ${totals.read} read, ${totals.written} written (${totals.remapped} under a new id), ${totals.skipped} skipped in ${outcome.seconds.toFixed(1)} s (${rate} rows/s, verification included)`,
  );
  const { verification } = outcome;
  const bad = verification.tables.filter((table) => table.missing + table.different > 0);
  const checked = verification.tables.reduce((sum, table) => sum + table.checked, 0);
  run.print(
    verification.ok
      ? `verification: all ${checked} source rows found in the target with equal values`
      : `verification FAILED: ${bad.map((table) => `${table.table} ${table.missing} missing, ${table.different} different (${table.sample.join(', ')})`).join('; ')}`,
  );
  const database = await openDatabase(
    { ...run.config, databaseUrl: targetUrl, replicaUrls: [] },
    { entities: GATEWAY_ENTITIES },
  );
  let validationOk = false;
  try {
    const validation = await validateDatabase(database);
    validationOk = validation.ok;
    run.print(`validate: ${validationText(validation)}`);
    await withPgClient(targetUrl, (client) =>
      client.query('update consolidation_runs set validation = $2::jsonb where id = $1', [
        outcome.runId,
        JSON.stringify({ ok: validation.ok, checks: validation.checks, durationMs: validation.durationMs }),
      ]),
    );
  } finally {
    await database.close();
  }
  return verification.ok && validationOk ? 0 : 1;
}

function printConflicts(run: CliRun, conflicts: Conflict[]): void {
  if (conflicts.length === 0) {
    run.print('conflicts: none');
    return;
  }
  run.print(`conflicts: ${conflicts.length}; nothing was written. Resolve each one and run again:`);
  for (const conflict of conflicts) {
    const what = {
      client_name: 'client name taken',
      user_email: 'email taken',
      user_okta_id: 'Okta user id taken',
    }[conflict.kind];
    run.print(`  ${what}: "${conflict.value}" (source client "${conflict.client}"): ${conflict.resolution}`);
  }
}

/** `pulse migrate history`: the recorded runs of `migrate from`, newest first. */
export function migrateHistoryCommand(run: CliRun): Command {
  return new Command('history')
    .description('list the runs of `migrate from`: source, status, rows written, time, verification')
    .option('--json', 'print the runs with their statistics and verification as JSON')
    .action(async (flags: { json?: boolean }) => {
      const url = run.config.databaseOwnerUrl;
      if (!url) {
        run.warn('pulse migrate history: needs DATABASE_URL (or DATABASE_OWNER_URL)');
        run.exitCode = 2;
        return;
      }
      const runs = await consolidationHistory(url);
      if (flags.json) {
        run.print(JSON.stringify(runs, null, 2));
        return;
      }
      if (runs.length === 0) run.print('no `migrate from` runs');
      for (const entry of runs) {
        run.print(
          `${String(entry.id).padStart(4)}  ${entry.status.padEnd(11)} ${entry.startedAt}  ${entry.source}  ` +
            `${entry.rowsWritten ?? '-'} rows written${entry.seconds === null ? '' : ` in ${entry.seconds.toFixed(1)} s`}` +
            `${entry.verified === null ? '' : entry.verified ? ', verified' : ', verification failed'}` +
            `${entry.error ? `: ${entry.error}` : ''}`,
        );
      }
    });
}
