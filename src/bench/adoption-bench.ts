import 'reflect-metadata';

import { rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';

import { loadConfig } from '../config/config.js';
import { openDatabase } from '../db/database.js';
import { backupDatabase } from '../db/adoption/database-backup.js';
import { migrateDown, migrateUpReport, planMigrations } from '../db/migration-runner.js';
import { databaseUrlFor, withPgClient } from '../db/pg-client.js';
import {
  PREDECESSOR_CORE_TABLES,
  PREDECESSOR_OPTIONAL_TABLES,
} from '../db/predecessor/predecessor-schema.js';
import { buildPredecessorDatabase, predecessorChecksums } from '../testing/predecessor-fixture.js';
import { GATEWAY_ENTITIES } from '../modules/index.js';

/**
 * `npm run bench:adopt`: a predecessor database of 4 clients x 25,000 issues (with their changelogs,
 * pull requests, reviews, commits, comments and links) generated with set-based SQL in the
 * `pulse_bench_adopt` database, then timed: plan, up (the adoption), a checksum of every predecessor
 * column before and after, a verified backup, down, and up again. Prints the figures; not a test. The
 * database is dropped afterwards.
 */
async function main(): Promise<void> {
  const issuesPerClient = Number(process.argv[2] ?? 25_000);
  const clients = 4;
  const config = loadConfig();
  if (!config.databaseUrl)
    throw new Error('bench:adopt needs DATABASE_URL (run it through npm run bench:adopt)');
  const name = 'pulse_bench_adopt';
  await withPgClient(databaseUrlFor(config.databaseUrl, 'postgres'), async (client) => {
    await client.query(`drop database if exists ${name} with (force)`);
    await client.query(`create database ${name}`);
  });
  const url = databaseUrlFor(config.databaseUrl, name);
  const tables = [...PREDECESSOR_CORE_TABLES, ...PREDECESSOR_OPTIONAL_TABLES];
  const timed = async <T>(label: string, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await work();
    console.log(`${label.padEnd(44)} ${((performance.now() - started) / 1000).toFixed(1).padStart(7)} s`);
    return result;
  };

  console.log(
    `machine: ${cpus()[0]?.model ?? 'unknown'}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB; node ${process.version}`,
  );
  await timed(`build predecessor (${clients} x ${issuesPerClient} issues)`, () =>
    withPgClient(url, (client) => buildPredecessorDatabase(client, { clients, issuesPerClient })),
  );
  const counts = await withPgClient(url, async (client) => {
    const { rows } = await client.query<{ issues: number; changelogs: number; prs: number; total: number }>(
      `select (select count(*) from issues)::int as issues, (select count(*) from issue_changelogs)::int as changelogs,
              (select count(*) from pull_requests)::int as prs,
              (${tables.map((table) => `(select count(*) from ${table})`).join(' + ')})::int as total`,
    );
    const { rows: size } = await client.query<{ size: string }>(
      `select pg_size_pretty(pg_database_size(current_database())) as size`,
    );
    return { ...rows[0]!, size: size[0]!.size };
  });
  console.log(
    `rows: ${counts.issues} issues, ${counts.changelogs} changelogs, ${counts.prs} pull requests, ${counts.total} in all; ${counts.size}`,
  );
  const before = await timed('checksum every predecessor column', () =>
    withPgClient(url, (client) => predecessorChecksums(client, 'predecessor', tables)),
  );

  const database = await openDatabase(
    {
      databaseUrl: url,
      replicaUrls: [],
      embeddedDataDir: 'memory',
      logSql: false,
    },
    { entities: GATEWAY_ENTITIES },
  );
  try {
    const plan = await timed('migrate plan', () => planMigrations(database.orm));
    console.log(
      `plan: ${plan.migrations[0]?.statements.length ?? 0} statements, ${plan.violations.length} violations`,
    );
    const dump = join(tmpdir(), `${name}.dump`);
    const backup = await timed('pg_dump backup, read back with pg_restore', () => backupDatabase(url, dump));
    console.log(`backup: ${(backup.bytes / 2 ** 20).toFixed(1)} MiB, ${backup.entries} entries`);
    rmSync(dump, { force: true });
    await timed('migrate up (adoption, one transaction)', () => migrateUpReport(database.orm));
    const after = await timed('checksum after adoption', () =>
      withPgClient(url, (client) => predecessorChecksums(client, 'adopted', tables)),
    );
    console.log(`checksums equal after adoption: ${JSON.stringify(after) === JSON.stringify(before)}`);
    await timed('migrate down (back to the predecessor shape)', () => migrateDown(database.orm));
    const reverted = await withPgClient(url, (client) => predecessorChecksums(client, 'predecessor', tables));
    console.log(`checksums equal after down: ${JSON.stringify(reverted) === JSON.stringify(before)}`);
    await timed('migrate up again', () => migrateUpReport(database.orm));
  } finally {
    await database.close();
    await withPgClient(databaseUrlFor(config.databaseUrl, 'postgres'), (client) =>
      client.query(`drop database if exists ${name} with (force)`),
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
