import type { Readable } from 'node:stream';

import { InvalidArgumentError } from 'commander';

import { ownerConfig } from '../config/config.js';
import { createProgress } from '../common/bulk/progress.js';
import type { Progress } from '../common/bulk/progress.js';
import type { Config } from '../config/config.js';
import { assertDatabaseReachable, openDatabase } from '../db/database.js';
import type { Database } from '../db/database.js';
import { GATEWAY_ENTITIES } from '../modules/index.js';

/**
 * What one `pulse` invocation hands to every command: the parsed configuration, where its output goes
 * (tests capture it) and the exit code the command settles on.
 */
export interface CliRun {
  config: Config;
  print(text: string): void;
  warn(text: string): void;
  /** A progress bar on stderr for a long step (plain lines when stderr is not a terminal). */
  progress(title: string): Progress;
  /** What `-` reads (`pulse import -`): standard input, or what a test pipes in. */
  stdin: Readable;
  exitCode: number;
}

export interface CliRunOptions {
  /** Draw bars (stderr is a terminal) or print plain progress lines. */
  terminal: boolean;
  /** Standard input instead of the process's (tests pipe NDJSON in). */
  stdin?: Readable;
}

export function createCliRun(
  config: Config,
  options: CliRunOptions = { terminal: process.stderr.isTTY === true },
): CliRun {
  const warn = (text: string) => console.error(text);
  return {
    config,
    print: (text) => console.log(text),
    warn,
    progress: (title) =>
      createProgress(title, { isTerminal: options.terminal, stream: process.stderr, line: warn }),
    stdin: options.stdin ?? process.stdin,
    exitCode: 0,
  };
}

/**
 * Opens the database for one command and always closes it, whatever the command does. Migrations and
 * admin commands work on every client's rows, so they connect as the tables' owner, on the primary.
 */
export async function withDatabase<T>(run: CliRun, work: (database: Database) => Promise<T>): Promise<T> {
  const owner = ownerConfig(run.config);
  const database = await openDatabase(owner, { entities: GATEWAY_ENTITIES });
  await assertDatabaseReachable(database, owner);
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

/** A commander argument parser: a whole number above zero, or an error that names the flag. */
export function positiveInteger(text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value <= 0) throw new InvalidArgumentError('must be a positive integer');
  return value;
}

/** A commander argument parser for a share between 0 and 1. */
export function fraction(text: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0 || value > 1)
    throw new InvalidArgumentError('must be a number from 0 to 1');
  return value;
}
