import 'reflect-metadata';

import { Command, CommanderError } from 'commander';

import { loadConfig } from '../config/config.js';
import type { Config } from '../config/config.js';
import { createCliRun } from './cli-run.js';
import type { CliRun } from './cli-run.js';
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

/** `pulse` entry point; returns the process exit code (2 for a usage error). */
export async function runCli(argv: string[], config?: Config): Promise<number> {
  const run = createCliRun(config ?? loadConfig());
  const program = buildProgram(run);
  if (argv.length === 0) {
    program.outputHelp({ error: true });
    return 2;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    const helpShown = ['commander.helpDisplayed', 'commander.help', 'commander.version'].includes(error.code);
    return helpShown ? 0 : 2;
  }
  return run.exitCode;
}

export async function main(): Promise<void> {
  try {
    process.exitCode = await runCli(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UnknownUserError) {
      console.error(`pulse: ${error.message}`);
      process.exitCode = 2;
      return;
    }
    console.error(`pulse: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
