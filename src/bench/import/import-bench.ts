import 'reflect-metadata';

import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

import { openDatabase } from '../../db/database.js';
import { migrateUp } from '../../db/migration-runner.js';
import { databaseUrlFor, withPgClient } from '../../db/pg-client.js';
import { copyTextRow } from '../../ingest/copy-text.js';
import { runImport } from '../../ingest/import-run.js';
import { GATEWAY_ENTITIES } from '../../modules/index.js';

/**
 * `npm run bench:import`: `pulse import` of N new issues with one changelog each into a database that
 * already holds N, then the same input again (all unchanged), against a raw COPY of the same rows into
 * copies of the two tables (same columns, indexes and rows; once without, once with their foreign keys)
 * right before, in the same run. Prints rows/s, the ratios and
 * the peak memory of the process.
 */
const ISSUES = Number(process.env.BENCH_IMPORT_ISSUES ?? 100_000);

function issueRecord(i: number) {
  return {
    type: 'issue',
    key: `BEN-${i}`,
    project: 'BEN',
    status: 'S1',
    summary: `Benchmark issue ${i}: stage batches with COPY`,
    description: `Issue ${i} of the import benchmark.`,
    priority: i % 3 === 0 ? 'High' : 'Medium',
    statusName: 'In Progress',
    created: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
    storyPoints: i % 8,
    assignee: `person-${i % 50}`,
  };
}

function changelogRecord(i: number) {
  return {
    type: 'issueChangelog',
    issue: `BEN-${i}`,
    externalId: `h${i}`,
    toStatus: 'S1',
    transitionChangeDate: new Date(Date.UTC(2026, 0, 2) + i * 60_000).toISOString(),
    timeInStatusSeconds: 3600 + (i % 1000),
    changedBy: `person-${i % 50}`,
  };
}

async function writeInput(path: string, from: number, to: number): Promise<void> {
  const out = createWriteStream(path);
  for (let i = from; i < to; i += 1) {
    if (!out.write(`${JSON.stringify(issueRecord(i))}\n${JSON.stringify(changelogRecord(i))}\n`))
      await once(out, 'drain');
  }
  out.end();
  await once(out, 'close');
}

/** Wall time per statement kind (first words of the SQL), to see where an import spends it. */
function profileStatements(connection: pg.Client): Map<string, number> {
  const times = new Map<string, number>();
  const query = connection.query.bind(connection) as (...args: unknown[]) => unknown;
  (connection as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
    const started = performance.now();
    const result = query(...args);
    if (typeof args[0] !== 'string' || !(result instanceof Promise)) return result;
    const label = args[0].replace(/\s+/g, ' ').slice(0, 60);
    return result.finally(() => times.set(label, (times.get(label) ?? 0) + performance.now() - started));
  };
  return times;
}

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);

async function main(): Promise<void> {
  // The owner creates the scratch database (the runtime role in DATABASE_URL may not).
  const primary = process.env.DATABASE_OWNER_URL?.trim() || process.env.DATABASE_URL;
  if (!primary)
    throw new Error(
      'set DATABASE_OWNER_URL or DATABASE_URL (e.g. source .pg/env) to a PostgreSQL 15 with pgvector',
    );
  const name = `pulse_bench_import_${Date.now()}`;
  const admin = databaseUrlFor(primary, 'postgres');
  await withPgClient(admin, (c) => c.query(`create database "${name}"`));
  const url = databaseUrlFor(primary, name);
  const work = mkdtempSync(join(tmpdir(), 'pulse-bench-import-'));
  try {
    const database = await openDatabase(
      {
        databaseUrl: url,
        replicaUrls: [],
        embeddedDataDir: 'memory',
        logSql: false,
      },
      { entities: GATEWAY_ENTITIES },
    );
    await migrateUp(database.orm);
    await database.close();
    const connection = new pg.Client({ connectionString: url });
    await connection.connect();
    const statementTimes = profileStatements(connection);
    if (process.env.BENCH_IMPORT_EXPLAIN) {
      // The plans of slow statements, sent to this client (superuser only: LOAD).
      await connection.query(`load 'auto_explain'`);
      await connection.query(
        `set auto_explain.log_min_duration = ${Number(process.env.BENCH_IMPORT_EXPLAIN)}`,
      );
      await connection.query('set auto_explain.log_analyze = on');
      await connection.query('set auto_explain.log_nested_statements = on');
      await connection.query('set client_min_messages = log');
      connection.on('notice', (notice) => console.log(notice.message));
    }
    const clientId = (
      await connection.query<{ id: number }>(`insert into clients (name) values ('Bench') returning id`)
    ).rows[0]!.id;
    const integration = (
      await connection.query<{ id: number }>(
        `insert into integrations (client_id, name) values ($1, 'Jira') returning id`,
        [clientId],
      )
    ).rows[0]!.id;
    await connection.query(
      `insert into projects (client_id, key, name, integration_id) values ($1, 'BEN', 'Bench', $2);
       insert into statuses (client_id, external_id, original_name, category, integration_id) values ($1, 'S1', 'In Progress', 'In Progress', $2)`
        .replaceAll('$1', String(clientId))
        .replaceAll('$2', String(integration)),
    );
    const existing = join(work, 'existing.ndjson');
    const input = join(work, 'input.ndjson');
    await writeInput(existing, 0, ISSUES);
    await writeInput(input, ISSUES, 2 * ISSUES);
    const quiet = { isTTY: false, write: () => true } as unknown as NodeJS.WriteStream;
    const load = async (file: string) => {
      const started = performance.now();
      const summary = await runImport(connection, {
        inputs: [file],
        clientId,
        rejectsFile: join(work, 'rejects.ndjson'),
        progressStream: quiet,
      });
      return { summary, seconds: (performance.now() - started) / 1000 };
    };

    console.log(`preloading ${ISSUES} issues + ${ISSUES} changelogs ...`);
    await load(existing);
    await connection.query('vacuum analyze issues');
    await connection.query('vacuum analyze issue_changelogs');
    // Copies of the two tables as the import finds them (same columns, indexes and rows), once without
    // and once with the tables' foreign keys: a faithful copy of the table checks them on COPY too.
    const copies = { plain: '_copy', constrained: '_copy_fk' };
    for (const suffix of Object.values(copies)) {
      for (const table of ['issues', 'issue_changelogs']) {
        await connection.query(`create table ${table}${suffix} (like ${table} including all)`);
        await connection.query(`insert into ${table}${suffix} select * from ${table}`);
      }
    }
    const foreignKeys = await connection.query<{ table: string; definition: string }>(
      `select conrelid::regclass::text as table, pg_get_constraintdef(oid) as definition from pg_constraint
       where contype = 'f' and conrelid in ('issues'::regclass, 'issue_changelogs'::regclass)`,
    );
    for (const key of foreignKeys.rows) {
      const definition = key.definition.replace(
        /REFERENCES issues\(/,
        `REFERENCES issues${copies.constrained}(`,
      );
      await connection.query(`alter table ${key.table}${copies.constrained} add ${definition}`);
    }
    for (const suffix of Object.values(copies)) {
      await connection.query(`vacuum analyze issues${suffix}`);
      await connection.query(`vacuum analyze issue_changelogs${suffix}`);
    }
    const issueColumns = [
      'id',
      'client_id',
      'key',
      'project_id',
      'status_id',
      'summary',
      'description',
      'priority',
      'status_name',
      'created',
      'story_points',
      'assignee',
      'integration_id',
    ];
    const changelogColumns = [
      'client_id',
      'issue_id',
      'external_id',
      'to_status_id',
      'transition_change_date',
      'time_in_status_seconds',
      'changed_by',
      'integration_id',
    ];
    const [{ project, status }] = (
      await connection.query<{ project: number; status: number }>(
        `select (select id from projects where key = 'BEN') as project, (select id from statuses where external_id = 'S1') as status`,
      )
    ).rows;
    const idBase = 10_000_000;
    const issueRows = function* () {
      for (let i = ISSUES; i < 2 * ISSUES; i += 1) {
        const r = issueRecord(i);
        yield copyTextRow([
          idBase + i,
          clientId,
          r.key,
          project,
          status,
          r.summary,
          r.description,
          r.priority,
          r.statusName,
          r.created,
          r.storyPoints,
          r.assignee,
          integration,
        ]);
      }
    };
    const changelogRows = function* () {
      for (let i = ISSUES; i < 2 * ISSUES; i += 1) {
        const r = changelogRecord(i);
        yield copyTextRow([
          clientId,
          idBase + i,
          r.externalId,
          status,
          r.transitionChangeDate,
          r.timeInStatusSeconds,
          r.changedBy,
          integration,
        ]);
      }
    };
    /**
     * The COPY text, built before the clock starts and sent in chunks of about 64 KiB: what a raw COPY
     * at its best does (a CopyData message per row would time socket writes, not COPY).
     */
    const inChunks = (rows: Iterable<string>) => {
      const chunks: string[] = [];
      let chunk = '';
      for (const row of rows) {
        chunk += row;
        if (chunk.length >= 1 << 16) {
          chunks.push(chunk);
          chunk = '';
        }
      }
      if (chunk) chunks.push(chunk);
      return chunks;
    };
    const issueText = inChunks(issueRows());
    const changelogText = inChunks(changelogRows());
    /** Raw COPY of the new rows into one pair of copies, timed. */
    const rawCopy = async (suffix: string) => {
      const started = performance.now();
      await pipeline(
        Readable.from(issueText),
        connection.query(copyFrom(`copy issues${suffix} (${issueColumns.join(', ')}) from stdin`)),
      );
      await pipeline(
        Readable.from(changelogText),
        connection.query(
          copyFrom(`copy issue_changelogs${suffix} (${changelogColumns.join(', ')}) from stdin`),
        ),
      );
      return (performance.now() - started) / 1000;
    };

    // Back to back, so the machine's load (shared, noisy) is as alike as it gets for all four.
    const copyPlainSeconds = await rawCopy(copies.plain);
    const copySeconds = await rawCopy(copies.constrained);
    peakRss = 0;
    statementTimes.clear();
    const fresh = await load(input);
    const freshStatements = new Map(statementTimes);
    statementTimes.clear();
    const again = await load(input);
    const againStatements = new Map(statementTimes);
    const rows = 2 * ISSUES;
    await connection.end();

    const rate = (seconds: number) => rows / seconds;
    const format = (n: number) => Math.round(n).toLocaleString('en-US');
    console.log(
      `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}`,
    );
    console.log(
      `rows per run: ${format(rows)} (${format(ISSUES)} issues + ${format(ISSUES)} changelogs), table already holding ${format(ISSUES)} of each`,
    );
    console.log(
      `raw COPY, no foreign keys ${copyPlainSeconds.toFixed(2)} s  ${format(rate(copyPlainSeconds))} rows/s  (the import reaches ${(copyPlainSeconds / fresh.seconds).toFixed(2)} of it for new rows, ${(copyPlainSeconds / again.seconds).toFixed(2)} unchanged)`,
    );
    console.log(
      `raw COPY, foreign keys   ${copySeconds.toFixed(2)} s  ${format(rate(copySeconds))} rows/s  (the table as it is: the ratios below)`,
    );
    console.log(
      `pulse import, new rows   ${fresh.seconds.toFixed(2)} s  ${format(rate(fresh.seconds))} rows/s  ratio ${(copySeconds / fresh.seconds).toFixed(2)} of COPY (goal >= 0.5)  inserted ${fresh.summary.inserted}`,
    );
    console.log(
      `pulse import, unchanged  ${again.seconds.toFixed(2)} s  ${format(rate(again.seconds))} rows/s  ratio ${(copySeconds / again.seconds).toFixed(2)} of COPY (goal >= 1.0)  unchanged ${again.summary.unchanged}`,
    );
    console.log(`peak RSS during the two measured imports: ${(peakRss / 2 ** 20).toFixed(0)} MiB`);
    if (process.env.BENCH_IMPORT_PROFILE) {
      for (const [label, times] of [
        ['new rows', freshStatements],
        ['unchanged', againStatements],
      ] as const) {
        console.log(`statement time, ${label}:`);
        for (const [statement, ms] of [...times].sort((a, b) => b[1] - a[1]).slice(0, 12))
          console.log(`  ${(ms / 1000).toFixed(2).padStart(7)} s  ${statement}`);
      }
    }
  } finally {
    clearInterval(sampler);
    rmSync(work, { recursive: true, force: true });
    await withPgClient(admin, (c) => c.query(`drop database if exists "${name}" with (force)`));
  }
}

await main();
