import { Command } from 'commander';
import type pg from 'pg';

import { withPgClient } from '../../db/pg-client.js';
import { DEFAULT_IMPORT_BATCH_SIZE, runImport } from '../../ingest/import-run.js';
import { positiveInteger } from '../cli-run.js';
import type { CliRun } from '../cli-run.js';

interface ImportFlags {
  client: string;
  rejects: string;
  dryRun?: boolean;
  batchSize?: number;
}

/** Exit code of a load that finished but rejected some records (their lines are in the rejects file). */
export const EXIT_SOME_REJECTED = 3;

export function importCommand(run: CliRun): Command {
  return new Command('import')
    .description(
      'upsert NDJSON Jira/GitHub records (schema/import/) by natural key for one client; FILE, DIR or - (stdin)',
    )
    .argument('<inputs...>', 'NDJSON files, folders of *.ndjson files, or - for standard input')
    .requiredOption('--client <id-or-name>', 'the client the records belong to (id or exact name)')
    .option(
      '--rejects <file>',
      'where rejected records go, with line number and reason',
      'import-rejects.ndjson',
    )
    .option('--dry-run', 'validate and resolve everything, write nothing')
    .option(
      '--batch-size <n>',
      `records per batch and transaction (default ${DEFAULT_IMPORT_BATCH_SIZE})`,
      positiveInteger,
    )
    .action(async (inputs: string[], flags: ImportFlags) => {
      const url = run.config.databaseUrl;
      if (!url) {
        run.warn('pulse import needs PostgreSQL: set DATABASE_URL (the embedded database has no COPY)');
        run.exitCode = 1;
        return;
      }
      await withPgClient(url, async (connection) => {
        const clientId = await resolveClient(connection, flags.client);
        if (clientId === null) {
          run.warn(`no client with id or name ${JSON.stringify(flags.client)}`);
          run.exitCode = 2;
          return;
        }
        const summary = await runImport(connection, {
          inputs,
          clientId,
          rejectsFile: flags.rejects,
          dryRun: flags.dryRun,
          batchSize: flags.batchSize,
          stdin: run.stdin,
        });
        run.print(
          `${summary.dryRun ? 'dry run, nothing written: ' : ''}${summary.read} read in ${summary.seconds.toFixed(1)} s`,
        );
        for (const [type, counts] of Object.entries(summary.byType)) {
          run.print(
            `${type.padEnd(22)} ${counts.inserted} inserted, ${counts.updated} updated, ${counts.unchanged} unchanged, ${counts.rejected} rejected`,
          );
        }
        run.print(
          `total                  ${summary.inserted} inserted, ${summary.updated} updated, ${summary.unchanged} unchanged, ${summary.rejected} rejected`,
        );
        if (summary.rejected > 0) {
          run.warn(`${summary.rejected} records rejected: see ${flags.rejects}`);
          run.exitCode = EXIT_SOME_REJECTED;
        }
      });
    });
}

async function resolveClient(connection: pg.ClientBase, idOrName: string): Promise<number | null> {
  const byId = /^\d+$/.test(idOrName);
  const result = await connection.query<{ id: number }>(
    byId ? 'select id from clients where id = $1::int' : 'select id from clients where name = $1',
    [idOrName],
  );
  return result.rows[0]?.id ?? null;
}
