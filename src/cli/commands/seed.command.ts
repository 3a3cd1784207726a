import { Command } from 'commander';

import { fraction, positiveInteger, withDatabase } from '../cli-run.js';
import type { CliRun } from '../cli-run.js';
import { seedIfEmpty } from '../seed-command.js';

interface SeedFlags {
  clients?: number;
  issuesPerClient?: number;
  embeddingShare?: number;
}

export function seedCommand(run: CliRun): Command {
  return new Command('seed')
    .description('load the deterministic demo data set (refuses a database that already has clients)')
    .option('--clients <n>', 'number of client organisations', positiveInteger)
    .option('--issues-per-client <n>', 'issues generated for each client', positiveInteger)
    .option('--embedding-share <share>', 'share of rows (0 to 1) that get an embedding', fraction)
    .action((flags: SeedFlags) =>
      withDatabase(run, async (database) => {
        const progress = run.progress('seed');
        const summary = await seedIfEmpty(
          database.fork(),
          {
            ...(flags.clients !== undefined ? { clients: flags.clients } : {}),
            ...(flags.issuesPerClient !== undefined ? { issuesPerClient: flags.issuesPerClient } : {}),
            ...(flags.embeddingShare !== undefined ? { embeddingShare: flags.embeddingShare } : {}),
          },
          progress,
        ).finally(() => progress.stop());
        if (!summary) {
          run.warn('the database already has clients; seed only loads into an empty schema');
          run.exitCode = 1;
          return;
        }
        for (const [table, rows] of Object.entries(summary.rows)) run.print(`${table.padEnd(28)} ${rows}`);
      }),
    );
}
