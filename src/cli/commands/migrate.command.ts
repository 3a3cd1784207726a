import { Command } from 'commander';

import { AdoptionRefusedError } from '../../db/adoption/adoption.js';
import type { PlannedStatement } from '../../db/adoption/adoption.js';
import type { Violation } from '../../db/adoption/catalog-diff.js';
import { BackupError, backupDatabase } from '../../db/adoption/database-backup.js';
import { migrateDown, migrateUpReport, migrationStatus, planMigrations } from '../../db/migration-runner.js';
import type { Database } from '../../db/database.js';
import { validateDatabase } from '../../validate/validate-database.js';
import { validationText } from '../../validate/validation-output.js';
import { withDatabase } from '../cli-run.js';
import { migrateFromCommand, migrateHistoryCommand } from './migrate-from.command.js';
import type { CliRun } from '../cli-run.js';

export function migrateCommand(run: CliRun): Command {
  const migrate = new Command('migrate').description(
    'apply, plan, revert or list the schema migrations; adopts a predecessor database in place',
  );

  migrate
    .command('up')
    .description(
      'apply all pending migrations; a predecessor database is adopted in place first (one transaction)',
    )
    .option('--backup <file>', 'first take a pg_dump custom-format dump of the whole database and verify it')
    .action((options: { backup?: string }) =>
      withDatabase(run, async (database) => {
        if (options.backup) {
          const url = run.config.databaseUrl;
          if (!url) {
            run.warn('pulse: --backup needs DATABASE_URL (the embedded database is a folder: copy it)');
            run.exitCode = 1;
            return;
          }
          try {
            const backup = await backupDatabase(url, options.backup);
            run.print(
              `backup: ${backup.file} (${backup.bytes} bytes, ${backup.entries} entries, read back with pg_restore --list)`,
            );
          } catch (error) {
            if (!(error instanceof BackupError)) throw error;
            run.warn(`pulse: ${error.message}`);
            run.exitCode = 1;
            return;
          }
        }
        try {
          const report = await migrateUpReport(database.orm);
          if (report.adoption) {
            run.print(
              `adopted the predecessor database in place as ${report.adoption.migration} ` +
                `(${report.adoption.statements.length} statements, one transaction)`,
            );
          }
          if (report.applied.length) run.print(`applied: ${report.applied.join(', ')}`);
          if (!report.adoption && report.applied.length === 0)
            run.print('database is up to date; nothing to apply');
          if (report.adoption) await validateAdopted(run, database);
        } catch (error) {
          if (!(error instanceof AdoptionRefusedError)) throw error;
          run.warn(`pulse: ${error.message}`);
          for (const line of violationLines(error.violations)) run.warn(line);
          run.warn('see "Upgrading a predecessor database" in README.md for how to resolve each kind');
          run.exitCode = 1;
        }
      }),
    );

  migrate
    .command('plan')
    .description(
      'print every statement `up` would run here, with rows touched and violations; changes nothing',
    )
    .option('--json', 'machine-readable output')
    .action((options: { json?: boolean }) =>
      withDatabase(run, async (database) => {
        const plan = await planMigrations(database.orm);
        if (plan.violations.length > 0) run.exitCode = 1;
        if (options.json) {
          run.print(JSON.stringify(plan, null, 2));
          return;
        }
        run.print(`-- database: ${describeShape(plan.shape)}`);
        if (plan.migrations.length === 0) run.print('-- nothing to apply');
        for (const migration of plan.migrations) {
          run.print(`-- migration ${migration.name}${migration.adopted ? ' (adopted in place)' : ''}`);
          for (const statement of migration.statements) run.print(statementLine(statement));
        }
        if (plan.violations.length > 0) {
          run.print(
            `-- refused: ${plan.violations.length} rule(s) broken by existing rows; up would change nothing`,
          );
          for (const line of violationLines(plan.violations)) run.print(`-- ${line}`);
        }
      }),
    );

  migrate
    .command('down')
    .description(
      'revert every migration; on an adopted database, return it to the predecessor shape with its rows',
    )
    .action(() =>
      withDatabase(run, async (database) => {
        const reverted = await migrateDown(database.orm);
        run.print(reverted.length ? `reverted: ${reverted.join(', ')}` : 'nothing to revert');
      }),
    );

  migrate
    .command('status')
    .description('fresh or adopted, applied and pending migrations; exit code 1 while any is pending')
    .action(() =>
      withDatabase(run, async (database) => {
        const status = await migrationStatus(database.orm);
        if (status.origin.kind === 'adopted') {
          const { record } = status.origin;
          run.print(`adopted  ${record.adoptedAt.toISOString()}  from ${record.source}`);
        } else if (status.shape === 'predecessor') {
          run.print('predecessor database, not adopted yet: `pulse migrate up` adopts it in place');
        }
        for (const row of status.executed)
          run.print(`applied  ${row.name}  ${row.executedAt?.toISOString() ?? ''}`);
        for (const name of status.pending) run.print(`pending  ${name}`);
        if (status.executed.length + status.pending.length === 0) run.print('no migrations');
        if (status.pending.length > 0) run.exitCode = 1;
      }),
    );

  migrate.addCommand(migrateFromCommand(run)).addCommand(migrateHistoryCommand(run));

  return migrate;
}

/**
 * Validates the data right after an adoption and reports what it finds. It does not change the exit
 * code: the adoption is committed, a second `up` would do nothing, and whatever `validate` finds was
 * already in the predecessor's rows (adoption changes no value). The operator gates the switch of the
 * clients on `pulse validate`, whose exit code is 1 while an error remains.
 */
async function validateAdopted(run: CliRun, database: Database): Promise<void> {
  let report;
  try {
    report = await validateDatabase(database);
  } catch (error) {
    run.warn(
      `pulse: the adoption is committed, but validating the adopted data could not run: ` +
        `${error instanceof Error ? error.message : String(error)}; run \`pulse validate\` once it can`,
    );
    return;
  }
  run.print(`validate: ${validationText(report)}`);
  const errors = report.checks.filter((finding) => finding.severity === 'error');
  if (errors.length > 0) {
    run.warn(
      `pulse: the adopted data has ${errors.length} integrity error${errors.length === 1 ? '' : 's'} (listed above), ` +
        'already in the predecessor rows; the adoption stays committed. Fix those rows and run `pulse validate` ' +
        '(exit 0 when clean) before switching the clients to the gateway',
    );
  }
}

function describeShape(shape: string): string {
  switch (shape) {
    case 'predecessor':
      return 'predecessor schema, adopted in place by up';
    case 'managed':
      return 'migrated by this gateway';
    default:
      return 'empty, a fresh install';
  }
}

function statementLine(statement: PlannedStatement): string {
  return `${statement.sql};${statement.rows === null ? '' : `  -- rows: ${statement.rows}`}`;
}

function violationLines(violations: Violation[]): string[] {
  return violations.map(
    (violation) =>
      `${violation.kind}: ${violation.table}.${violation.subject}: ${violation.rows} row(s), first ids ` +
      `${violation.firstIds.join(', ')} (rule: ${violation.rule})`,
  );
}
