import 'reflect-metadata';

import { Command, CommanderError } from 'commander';

import { loadConfig } from '../config/config.js';
import type { Config } from '../config/config.js';
import { DatabaseConfigError, EmbeddedDatabaseBusyError } from '../db/database-errors.js';
import { createCliRun } from './cli-run.js';
import type { CliRun, CliRunOptions } from './cli-run.js';
import { importCommand } from './commands/import.command.js';
import { migrateCommand } from './commands/migrate.command.js';
import { schemaCommand } from './commands/schema.command.js';
import { seedCommand } from './commands/seed.command.js';
import { sessionCommand } from './commands/session.command.js';
import { tokenCommand } from './commands/token.command.js';
import { validateCommand } from './commands/validate.command.js';
import { UnknownUserError } from './demo-tokens.js';

/** Every command of `pulse`, each contributed by its own file. */
export function buildProgram(run: CliRun): Command {
  const program = new Command('pulse')
    .description(
      "pulse-gateway operations. Database: DATABASE_OWNER_URL (default DATABASE_URL), the tables' " +
        'owner, on the primary; or the embedded database in EMBEDDED_DB_DIR.',
    )
    .addCommand(migrateCommand(run))
    .addCommand(seedCommand(run))
    .addCommand(tokenCommand(run))
    .addCommand(importCommand(run))
    .addCommand(validateCommand(run))
    .addCommand(sessionCommand(run))
    .addCommand(schemaCommand(run));
  routeOutput(program, run);
  return program;
}

/**
 * Commander exits the process and writes to the real streams by default; the CLI returns an exit code
 * instead (tests run it in-process) and prints through the run. Commands added with addCommand do not
 * inherit these settings, so each one gets them.
 */
function routeOutput(command: Command, run: CliRun): void {
  command
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({
      writeOut: (text) => run.print(text.replace(/\n$/, '')),
      writeErr: (text) => run.warn(text.replace(/\n$/, '')),
    });
  for (const sub of command.commands) routeOutput(sub, run);
}

/**
 * `pulse` entry point; returns the process exit code: 2 for a usage error (or an unknown user), 1 for a
 * failure the message explains (database unreachable or busy, schema missing).
 */
export async function runCli(argv: string[], config?: Config, options?: CliRunOptions): Promise<number> {
  const run = createCliRun(config ?? loadConfig(), options);
  const program = buildProgram(run);
  if (argv.length === 0) {
    program.outputHelp({ error: true });
    return 2;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      const helpShown = ['commander.helpDisplayed', 'commander.help', 'commander.version'].includes(
        error.code,
      );
      return helpShown ? 0 : 2;
    }
    const explained = explainFailure(error);
    if (!explained) throw error;
    run.warn(`pulse: ${explained.message}`);
    return explained.exitCode;
  }
  return run.exitCode;
}

/** Failures a person can fix from the message alone; anything else is reported as it is. */
function explainFailure(error: unknown): { message: string; exitCode: number } | null {
  if (error instanceof UnknownUserError) return { message: error.message, exitCode: 2 };
  if (error instanceof DatabaseConfigError || error instanceof EmbeddedDatabaseBusyError)
    return { message: error.message, exitCode: 1 };
  if (isMissingRelation(error)) {
    return {
      message:
        'the database has no pulse schema yet (' +
        `${(error as Error).message.replace(/^.*?(relation "[^"]+" does not exist).*$/s, '$1')}); ` +
        'run `npx pulse migrate up` first',
      exitCode: 1,
    };
  }
  return null;
}

/** PostgreSQL's undefined_table (42P01), as pg and PGlite report it through MikroORM. */
function isMissingRelation(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: string }).code;
  return code === '42P01' || /relation "[^"]+" does not exist/.test(error.message);
}

export async function main(): Promise<void> {
  try {
    process.exitCode = await runCli(process.argv.slice(2));
  } catch (error) {
    console.error(`pulse: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
