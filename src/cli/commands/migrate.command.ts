import { Command } from 'commander';

import { migrateDown, migrateUp, migrationStatus } from '../../db/migration-runner.js';
import { withDatabase } from '../cli-run.js';
import { migrateFromCommand, migrateHistoryCommand } from './migrate-from.command.js';
import type { CliRun } from '../cli-run.js';

export function migrateCommand(run: CliRun): Command {
  const migrate = new Command('migrate').description('apply, revert or list the schema migrations');

  migrate
    .command('up')
    .description('apply all pending migrations in one transaction')
    .action(() =>
      withDatabase(run, async (database) => {
        const applied = await migrateUp(database.orm);
        run.print(
          applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date; nothing to apply',
        );
      }),
    );

  migrate
    .command('down')
    .description('revert every migration (drops the schema)')
    .action(() =>
      withDatabase(run, async (database) => {
        const reverted = await migrateDown(database.orm);
        run.print(reverted.length ? `reverted: ${reverted.join(', ')}` : 'nothing to revert');
      }),
    );

  migrate
    .command('status')
    .description('list applied and pending migrations')
    .action(() =>
      withDatabase(run, async (database) => {
        const status = await migrationStatus(database.orm);
        for (const row of status.executed)
          run.print(`applied  ${row.name}  ${row.executedAt?.toISOString() ?? ''}`);
        for (const name of status.pending) run.print(`pending  ${name}`);
        if (status.executed.length + status.pending.length === 0) run.print('no migrations');
      }),
    );

  migrate.addCommand(migrateFromCommand(run)).addCommand(migrateHistoryCommand(run));

  return migrate;
}
