import 'reflect-metadata';

import { parseArgs } from 'node:util';

import { TokenService, devSecretFile } from '../auth/tokens.js';
import { loadConfig, ownerConfig } from '../config/config.js';
import type { Config } from '../config/config.js';
import { openDatabase } from '../db/database.js';
import type { Database } from '../db/database.js';
import { migrateDown, migrateUp, migrationStatus } from '../db/migration-runner.js';
import { checkSchemaFile, writeSchemaFile } from '../graphql/schema-file.js';
import { UnknownUserError, mintTokenForEmail } from './demo-tokens.js';
import { seedIfEmpty } from './seed-command.js';

const USAGE = `Usage: pulse <command>

  migrate up        apply pending migrations (one transaction)
  migrate down      revert every migration (drops the schema)
  migrate status    list applied and pending migrations
  seed [--clients N] [--issues-per-client N] [--embedding-share F]
                    load the deterministic demo data (refuses a database that has clients)
  token --email EMAIL [--ttl-seconds N]
                    print a signed bearer token for that user
  schema [--check]  write schema/schema.graphql, or fail if it differs from the code

Database: DATABASE_OWNER_URL (default DATABASE_URL), the tables' owner, on the primary; or the
embedded database in EMBEDDED_DB_DIR.`;

/** `pulse` entry point; returns the process exit code. */
export async function runCli(argv: string[], config: Config = loadConfig()): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      email: { type: 'string' },
      'ttl-seconds': { type: 'string' },
      clients: { type: 'string' },
      'issues-per-client': { type: 'string' },
      'embedding-share': { type: 'string' },
      check: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, subcommand] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return command || values.help ? 0 : 2;
  }

  if (command === 'schema') {
    if (values.check) {
      const problem = await checkSchemaFile();
      if (problem) {
        console.error(problem);
        return 1;
      }
      console.log('schema/schema.graphql matches the code');
      return 0;
    }
    console.log(`wrote ${await writeSchemaFile()}`);
    return 0;
  }

  // Migrations and admin commands work on every client's rows: they run as the tables' owner.
  const database = await openDatabase(ownerConfig(config));
  try {
    switch (command) {
      case 'migrate':
        return await migrate(database, subcommand);
      case 'seed':
        return await seed(database, values);
      case 'token': {
        if (!values.email) throw new UsageError('token needs --email EMAIL');
        const tokens = await TokenService.fromConfig(config.jwt, cliDevSecretFile(config));
        const ttl = values['ttl-seconds']
          ? positiveInteger(values['ttl-seconds'], '--ttl-seconds')
          : undefined;
        console.log(await mintTokenForEmail(database.fork(), tokens, values.email, ttl));
        return 0;
      }
      default:
        throw new UsageError(`unknown command: ${command}`);
    }
  } finally {
    await database.close();
  }
}

async function migrate(database: Database, subcommand: string | undefined): Promise<number> {
  if (subcommand === 'up') {
    const applied = await migrateUp(database.orm);
    console.log(
      applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date; nothing to apply',
    );
    return 0;
  }
  if (subcommand === 'down') {
    const reverted = await migrateDown(database.orm);
    console.log(reverted.length ? `reverted: ${reverted.join(', ')}` : 'nothing to revert');
    return 0;
  }
  if (subcommand === 'status') {
    const status = await migrationStatus(database.orm);
    for (const row of status.executed)
      console.log(`applied  ${row.name}  ${row.executedAt?.toISOString() ?? ''}`);
    for (const name of status.pending) console.log(`pending  ${name}`);
    if (status.executed.length + status.pending.length === 0) console.log('no migrations');
    return 0;
  }
  throw new UsageError('migrate needs up, down or status');
}

async function seed(
  database: Database,
  values: Record<string, string | boolean | undefined>,
): Promise<number> {
  const options = {
    ...(values.clients ? { clients: positiveInteger(String(values.clients), '--clients') } : {}),
    ...(values['issues-per-client']
      ? { issuesPerClient: positiveInteger(String(values['issues-per-client']), '--issues-per-client') }
      : {}),
    ...(values['embedding-share'] ? { embeddingShare: Number(values['embedding-share']) } : {}),
  };
  const summary = await seedIfEmpty(database.fork(), options);
  if (!summary) {
    console.error('the database already has clients; seed only loads into an empty schema');
    return 1;
  }
  for (const [table, rows] of Object.entries(summary.rows)) console.log(`${table.padEnd(28)} ${rows}`);
  return 0;
}

/** The CLI signs with the same development secret as an embedded server, when JWT_SECRET is unset. */
function cliDevSecretFile(config: Config): string | null {
  return config.databaseUrl ? null : devSecretFile(config.embeddedDataDir);
}

class UsageError extends Error {}

function positiveInteger(text: string, flag: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value <= 0) throw new UsageError(`${flag} must be a positive integer`);
  return value;
}

export async function main(): Promise<void> {
  try {
    process.exitCode = await runCli(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError || error instanceof UnknownUserError) {
      console.error(`pulse: ${error.message}`);
      process.exitCode = 2;
      return;
    }
    console.error(`pulse: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
