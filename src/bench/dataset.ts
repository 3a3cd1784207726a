import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';

import { seedIfEmpty } from '../cli/seed-command.js';
import type { SeedOptions } from '../cli/seed/demo-data.js';
import { openDatabase } from '../db/database.js';
import { migrateUp, migrationStatus } from '../db/migration-runner.js';
import { databaseUrlFor, withPgClient } from '../db/pg-client.js';
import { GATEWAY_ENTITIES } from '../modules/index.js';

/** The one-row table that says what the bench database holds; written after a complete seed only. */
export const DATASET_TABLE = 'pulse_bench_dataset';

export interface DatasetRequest {
  /** `DATABASE_URL`: any database on the primary; the bench database is created next to it. */
  primaryUrl: string;
  replicaUrls: string[];
  database: string;
  seed: SeedOptions;
  /** Drop and reseed even when the database matches. */
  reseed: boolean;
  /** Compiled seed generator; its code is part of what must match for a reuse. */
  generatorDir: string;
  log(message: string): void;
}

export interface Dataset {
  database: string;
  databaseUrl: string;
  replicaUrls: string[];
  options: SeedOptions;
  /** Rows per table, as the seed wrote them. */
  rows: Record<string, number>;
  /** Rows with an embedding, over all tables. */
  embeddings: number;
  seededAt: string;
  seedSeconds: number;
  /** False when this run seeded it. */
  reused: boolean;
  /** Time this run spent getting the database ready (including waiting for the replica). */
  prepareSeconds: number;
}

interface Marker {
  options: SeedOptions;
  generator: string;
  migrations: string[];
  rows: Record<string, number>;
  embeddings: number;
  seeded_at: Date;
  seed_seconds: number;
}

/** A digest of the compiled generator: a changed generator makes a different data set. */
async function generatorFingerprint(directory: string): Promise<string> {
  const hash = createHash('sha256');
  const files = (await readdir(directory)).filter((name) => name.endsWith('.js')).sort();
  for (const name of files)
    hash
      .update(name)
      .update('\0')
      .update(await readFile(join(directory, name)));
  return hash.digest('hex').slice(0, 16);
}

/**
 * Makes the bench database hold exactly the requested data set: reuses it when its marker row matches
 * (same options, generator and migrations, and the row counts still agree), otherwise drops it,
 * recreates it, applies the migrations, seeds it in one transaction, vacuums and analyzes it, and writes
 * the marker. Then waits until every replica has replayed all of it.
 */
export async function ensureDataset(request: DatasetRequest): Promise<Dataset> {
  const started = performance.now();
  const { database, log } = request;
  if (!/^[a-z_][a-z0-9_]*$/.test(database)) throw new Error(`invalid bench database name: ${database}`);
  const adminUrl = databaseUrlFor(request.primaryUrl, 'postgres');
  const databaseUrl = databaseUrlFor(request.primaryUrl, database);
  const replicaUrls = request.replicaUrls.map((url) => databaseUrlFor(url, database));
  const generator = await generatorFingerprint(request.generatorDir);

  const exists = await withPgClient(adminUrl, async (client) => {
    const { rows } = await client.query('select 1 from pg_database where datname = $1', [database]);
    return rows.length > 0;
  });
  let marker: Marker | null = null;
  let reason = request.reseed ? '--reseed was given' : `database ${database} does not exist`;
  if (exists && !request.reseed) {
    const found = await readMarker(databaseUrl);
    reason = found ? await mismatch(found, request, databaseUrl, generator) : 'it has no complete seed';
    if (!reason) marker = found;
  }

  const reused = marker !== null;
  if (marker) {
    log(`reusing ${database} (seeded ${marker.seeded_at.toISOString()}, matches the requested data set)`);
  } else {
    log(`seeding ${database}: ${reason}`);
    marker = await reseed(request, adminUrl, databaseUrl, exists, generator);
  }
  await settleVisibility(databaseUrl, log);

  for (const replicaUrl of request.replicaUrls) await waitForReplica(request.primaryUrl, replicaUrl, log);
  if (request.replicaUrls.length === 0) log('no DATABASE_REPLICA_URLS: reads will go to the primary');

  return {
    database,
    databaseUrl,
    replicaUrls,
    options: marker.options,
    rows: marker.rows,
    embeddings: marker.embeddings,
    seededAt: marker.seeded_at.toISOString(),
    seedSeconds: marker.seed_seconds,
    reused,
    prepareSeconds: (performance.now() - started) / 1000,
  };
}

/** Share of the tables' pages the visibility map must mark all-visible before the bench times anything. */
const SETTLED_SHARE = 0.99;

/**
 * Vacuums until the visibility map marks (nearly) every page all-visible, as autovacuum keeps it on a
 * settled production table, so index-only scans (every server's `totalCount`) read no heap. A vacuum
 * right after the seed's commit can leave the map empty: the replica's hot-standby feedback, sent every
 * few seconds, still holds back the horizon below the seed's transaction, and every page then counts
 * as not yet visible to all. All three servers read the same tables, so this is about measuring a
 * settled database, not about any one of them.
 */
async function settleVisibility(databaseUrl: string, log: (message: string) => void): Promise<void> {
  const deadline = Date.now() + 120_000;
  await withPgClient(databaseUrl, async (client) => {
    for (;;) {
      const { rows } = await client.query<{ visible: number | null }>(
        `select sum(c.relallvisible)::float8 / nullif(sum(c.relpages), 0) as visible
           from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = 'public' and c.relkind = 'r'`,
      );
      const visible = rows[0]?.visible ?? 1;
      if (visible >= SETTLED_SHARE) {
        log(`visibility map: ${(visible * 100).toFixed(1)}% of the pages all-visible`);
        return;
      }
      if (Date.now() > deadline) {
        log(
          `visibility map: only ${(visible * 100).toFixed(1)}% of the pages all-visible after 2 min; timing anyway`,
        );
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      await client.query('vacuum');
    }
  });
}

async function readMarker(databaseUrl: string): Promise<Marker | null> {
  return withPgClient(databaseUrl, async (client) => {
    const { rows: tables } = await client.query('select to_regclass($1) as t', [DATASET_TABLE]);
    if (!tables[0]?.t) return null;
    const { rows } = await client.query<Marker>(
      `select options, generator, migrations, rows, embeddings, seeded_at, seed_seconds from ${DATASET_TABLE}`,
    );
    return rows[0] ?? null;
  });
}

/** Why the existing database does not hold the requested data set; empty when it does. */
async function mismatch(
  marker: Marker,
  request: DatasetRequest,
  databaseUrl: string,
  generator: string,
): Promise<string> {
  if (!isDeepStrictEqual({ ...marker.options }, { ...request.seed })) {
    return `it holds ${JSON.stringify(marker.options)}, not ${JSON.stringify(request.seed)}`;
  }
  if (marker.generator !== generator) return 'the seed generator changed since it was seeded';
  const orm = await openDatabase(
    { databaseUrl, replicaUrls: [], embeddedDataDir: 'memory', logSql: false },
    { entities: GATEWAY_ENTITIES },
  );
  try {
    const status = await migrationStatus(orm.orm);
    const executed = status.executed.map((row) => row.name);
    if (status.pending.length > 0) return `migrations pending: ${status.pending.join(', ')}`;
    if (!isDeepStrictEqual(executed, marker.migrations)) return 'its migrations differ from the seeded ones';
  } finally {
    await orm.close();
  }
  const counts = await withPgClient(databaseUrl, async (client) => {
    const { rows } = await client.query<{ clients: number; issues: number }>(
      'select (select count(*) from clients)::int as clients, (select count(*) from issues)::int as issues',
    );
    return rows[0]!;
  });
  if (counts.clients !== marker.rows.clients || counts.issues !== marker.rows.issues) {
    return `its rows changed since the seed (${counts.clients} clients, ${counts.issues} issues)`;
  }
  return '';
}

async function reseed(
  request: DatasetRequest,
  adminUrl: string,
  databaseUrl: string,
  exists: boolean,
  generator: string,
): Promise<Marker> {
  const { database, log, seed } = request;
  await withPgClient(adminUrl, async (client) => {
    if (exists) await client.query(`drop database "${database}" with (force)`);
    await client.query(`create database "${database}"`);
  });

  const orm = await openDatabase(
    { databaseUrl, replicaUrls: [], embeddedDataDir: 'memory', logSql: false },
    { entities: GATEWAY_ENTITIES },
  );
  let rows: Record<string, number>;
  let migrations: string[];
  const seedStarted = performance.now();
  try {
    await migrateUp(orm.orm);
    migrations = (await migrationStatus(orm.orm)).executed.map((row) => row.name);
    const issues = seed.clients * seed.issuesPerClient;
    log(
      `seeding ${seed.clients} clients x ${seed.issuesPerClient} issues = ${issues} issues, ` +
        `embeddings on ${seed.embeddingShare * 100}% of rows (about a minute per 100,000 issues at 1%)`,
    );
    const summary = await seedIfEmpty(orm.fork(), seed);
    if (!summary) throw new Error(`${database} already has clients right after being created`);
    rows = summary.rows;
  } finally {
    await orm.close();
  }
  const seedSeconds = (performance.now() - seedStarted) / 1000;
  log(`seeded in ${seedSeconds.toFixed(0)} s; vacuum analyze`);

  return withPgClient(databaseUrl, async (client) => {
    // Fresh statistics for the plans (the visibility map is settled apart, see settleVisibility).
    await client.query('vacuum (analyze)');
    const { rows: tables } = await client.query<{ table_name: string }>(
      `select table_name from information_schema.columns
        where table_schema = 'public' and column_name = 'embedding' order by table_name`,
    );
    let embeddings = 0;
    for (const { table_name } of tables) {
      const { rows: counted } = await client.query<{ n: number }>(
        `select count(embedding)::int as n from "${table_name}"`,
      );
      embeddings += counted[0]!.n;
    }
    await client.query(
      `create table ${DATASET_TABLE} (
         options jsonb not null, generator text not null, migrations jsonb not null, rows json not null,
         embeddings int not null, seeded_at timestamptz not null default now(), seed_seconds float8 not null)`,
    );
    const { rows: written } = await client.query<Marker>(
      `insert into ${DATASET_TABLE} (options, generator, migrations, rows, embeddings, seed_seconds)
       values ($1, $2, $3, $4, $5, $6)
       returning options, generator, migrations, rows, embeddings, seeded_at, seed_seconds`,
      [
        JSON.stringify(seed),
        generator,
        JSON.stringify(migrations),
        JSON.stringify(rows),
        embeddings,
        seedSeconds,
      ],
    );
    return written[0]!;
  });
}

/** Until the replica has replayed everything the primary has written so far (10 min at most). */
export async function waitForReplica(primaryUrl: string, replicaUrl: string, log: (m: string) => void) {
  const started = Date.now();
  const lsn = await withPgClient(databaseUrlFor(primaryUrl, 'postgres'), async (client) => {
    const { rows } = await client.query<{ lsn: string }>('select pg_current_wal_lsn()::text as lsn');
    return rows[0]!.lsn;
  });
  await withPgClient(databaseUrlFor(replicaUrl, 'postgres'), async (client) => {
    let lastLog = Date.now();
    for (;;) {
      const { rows } = await client.query<{ recovering: boolean; behind: string | null }>(
        `select pg_is_in_recovery() as recovering,
                pg_wal_lsn_diff($1::pg_lsn, pg_last_wal_replay_lsn())::text as behind`,
        [lsn],
      );
      const { recovering, behind } = rows[0]!;
      if (!recovering)
        throw new Error(`${hostOf(replicaUrl)} is not a replica (pg_is_in_recovery() is false)`);
      if (behind !== null && Number(behind) <= 0) break;
      if (Date.now() - started > 600_000)
        throw new Error(`replica ${hostOf(replicaUrl)} is still ${behind} bytes behind`);
      if (Date.now() - lastLog > 10_000) {
        log(`waiting for the replica: ${(Number(behind) / 1024 ** 2).toFixed(1)} MiB to replay`);
        lastLog = Date.now();
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });
  log(`replica ${hostOf(replicaUrl)} caught up in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** `host:port` of a URL, for messages (never its credentials). */
function hostOf(url: string): string {
  return new URL(url).host;
}
