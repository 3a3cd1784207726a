import { randomBytes } from 'node:crypto';

import type pg from 'pg';

import { openDatabase } from '../db/database.js';
import type { Database } from '../db/database.js';
import { databaseUrlFor, withCredentialsOf, withPgClient } from '../db/pg-client.js';
import { GATEWAY_ENTITIES } from '../modules/index.js';

/**
 * A private database on the local primary (`npm run db:up`), created per test file so files can run in
 * parallel, and dropped afterwards. CREATE DATABASE replicates, so the same database appears on the replica.
 */
export interface TestDatabase {
  name: string;
  /** The tables' owner on the primary: migrations, seeding, and `query`. */
  databaseUrl: string;
  /** The owner on the replicas. */
  replicaUrls: string[];
  /**
   * The gateway's runtime role (DATABASE_URL / DATABASE_REPLICA_URLS, `pulse_app` from db:up) on this
   * database: held to row level security, unlike the owner.
   */
  runtime: { databaseUrl: string; replicaUrls: string[]; role: string };
  /** Resolves once the replica has replayed everything the primary has written so far. */
  waitForReplica(): Promise<void>;
  /** Runs one statement on the primary or the replica with a plain driver connection (not the ORM). */
  query<T extends pg.QueryResultRow = Record<string, unknown>>(
    sql: string,
    params?: unknown[],
    on?: 'primary' | 'replica',
  ): Promise<T[]>;
  drop(): Promise<void>;
}

/**
 * The owner's URLs (DATABASE_OWNER_URL, default DATABASE_URL; on the replicas, the runtime replica URLs
 * with the owner's credentials) and the runtime role's (DATABASE_URL, DATABASE_REPLICA_URLS).
 */
export function realDatabaseUrls(): {
  primary: string;
  replicas: string[];
  runtime: { primary: string; replicas: string[] };
} {
  const runtimePrimary = process.env.DATABASE_URL;
  if (!runtimePrimary) {
    throw new Error(
      'integration tests need DATABASE_URL (and DATABASE_REPLICA_URLS, DATABASE_OWNER_URL): run them with `npm test`',
    );
  }
  const runtimeReplicas = (process.env.DATABASE_REPLICA_URLS ?? '').split(',').filter(Boolean);
  const primary = process.env.DATABASE_OWNER_URL?.trim() || runtimePrimary;
  const replicas = runtimeReplicas.map((url) => withCredentialsOf(url, primary));
  return { primary, replicas, runtime: { primary: runtimePrimary, replicas: runtimeReplicas } };
}

export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const { primary, replicas, runtime } = realDatabaseUrls();
  const name = `pulse_test_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  await withPgClient(databaseUrlFor(primary, 'postgres'), (client) =>
    client.query(`create database "${name}"`),
  );
  const databaseUrl = databaseUrlFor(primary, name);
  const replicaUrls = replicas.map((url) => databaseUrlFor(url, name));

  const waitForReplica = async () => {
    if (replicaUrls.length === 0) return;
    const [{ lsn }] = await withPgClient(databaseUrl, (c) =>
      c.query<{ lsn: string }>('select pg_current_wal_lsn()::text as lsn').then((r) => r.rows),
    );
    const deadline = Date.now() + 15_000;
    // The new database itself may not exist on the replica yet, so ask the replica's `postgres` database.
    const replicaAdmin = databaseUrlFor(replicas[0]!, 'postgres');
    while (Date.now() < deadline) {
      const caughtUp = await withPgClient(replicaAdmin, (c) =>
        c
          .query<{ ok: boolean }>('select pg_last_wal_replay_lsn() >= $1::pg_lsn as ok', [lsn])
          .then((r) => r.rows[0]?.ok === true),
      );
      if (caughtUp) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error('replica did not catch up with the primary within 15 s');
  };

  // The read router probes the replica as soon as the database is opened; the new database must be
  // there by then, or the replica starts out unhealthy and reads go to the primary.
  await waitForReplica();

  return {
    name,
    databaseUrl,
    replicaUrls,
    runtime: {
      databaseUrl: databaseUrlFor(runtime.primary, name),
      replicaUrls: runtime.replicas.map((url) => databaseUrlFor(url, name)),
      role: decodeURIComponent(new URL(runtime.primary).username),
    },
    waitForReplica,
    query: (sql, params = [], on = 'primary') =>
      withPgClient(on === 'primary' ? databaseUrl : replicaUrls[0]!, (c) =>
        c.query(sql, params).then((r) => r.rows),
      ),
    drop: () =>
      withPgClient(databaseUrlFor(primary, 'postgres'), (client) =>
        client.query(`drop database if exists "${name}" with (force)`),
      ).then(() => undefined),
  };
}

/**
 * Tests of row level security need the gateway's runtime role to be another role than the owner: with
 * one role for both (DATABASE_URL alone), RLS would never apply and they would prove nothing.
 */
export function requireSeparateRuntimeRole(testDb: TestDatabase): void {
  const owner = decodeURIComponent(new URL(testDb.databaseUrl).username);
  if (testDb.runtime.role === owner) {
    throw new Error(
      `DATABASE_URL logs in as the owner (${owner}): row level security tests need the runtime role ` +
        '(pulse_app) in DATABASE_URL and the owner in DATABASE_OWNER_URL, as `npm test` sets them',
    );
  }
}

/** The test database on the primary alone, with the gateway's entities: for setup, migrations and CLI work. */
export function openOnPrimary(testDb: TestDatabase): Promise<Database> {
  return openDatabase(
    { ...testDb, replicaUrls: [], embeddedDataDir: 'memory', logSql: false },
    { entities: GATEWAY_ENTITIES },
  );
}
