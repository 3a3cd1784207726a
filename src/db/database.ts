import { mkdirSync } from 'node:fs';

import { vector } from '@electric-sql/pglite-pgvector';
import { MikroORM as PgliteMikroORM } from '@mikro-orm/pglite';
import { MikroORM as PostgreSqlMikroORM } from '@mikro-orm/postgresql';
import type { EntityClass, MikroORM, Options } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/sql';
import lockfile from 'proper-lockfile';

import { DEFAULT_CONNECT_TIMEOUT_MS, DEFAULT_STATEMENT_TIMEOUTS } from '../config/config.js';
import type { Config, StatementTimeouts } from '../config/config.js';
import { EmbeddedDatabaseBusyError, assertUsableDatabaseUrl, connectionFailure } from './database-errors.js';
import { baseOrmOptions } from './orm-options.js';
import { createReadRouter } from './read-router.js';
import type { ReadRouter } from './read-router.js';
import { ReadSession } from './read-session.js';
import type { ReadSessionOptions, RequestReader } from './read-session.js';

export type DatabaseKind = 'postgresql' | 'embedded';

/** The two drivers share the SQL entity manager; code above this module only sees that. */
export type Orm = MikroORM;

export interface Database {
  kind: DatabaseKind;
  orm: Orm;
  /** Where reads go (a healthy replica or the primary), read-your-writes, the ML session, replica health. */
  router: ReadRouter;
  /**
   * One request's reads: a read-only transaction on the connection the router picks (a healthy replica,
   * or the primary), tenant setting first, prepared statements. The embedded database has a single
   * connection that concurrent requests share, so there each statement runs on its own.
   */
  openReadSession(options: ReadSessionOptions): RequestReader;
  /**
   * How long a statement of a request may run: every read session and mutation transaction of a
   * request sets `statementTimeouts.requestMs` locally, the ML session `mlSessionMs`.
   */
  statementTimeouts: StatementTimeouts;
  /** A fresh entity manager for one unit of work (a request, a CLI command). */
  fork(): SqlEntityManager;
  close(): Promise<void>;
}

/**
 * Opens the configured database: PostgreSQL with read replicas when `DATABASE_URL` is set, otherwise
 * the embedded PGlite (with pgvector loaded in-process) in a local folder or in memory.
 */
export async function openDatabase(
  config: Pick<Config, 'databaseUrl' | 'replicaUrls' | 'embeddedDataDir' | 'logSql'> &
    Partial<Pick<Config, 'readRouting' | 'databaseConnectTimeoutMs' | 'statementTimeouts'>>,
  /** The entities (the gateway's: GATEWAY_ENTITIES) and extra ORM options (tests capture SQL through `logger`). */
  options: { entities: readonly EntityClass<unknown>[] } & Partial<Omit<Options, 'entities'>>,
): Promise<Database> {
  const { entities, ...overrides } = options;
  const base = { ...baseOrmOptions(config, entities), ...overrides };
  let orm: Orm;
  let kind: DatabaseKind;
  let releaseLock: () => Promise<void> = async () => undefined;
  if (config.databaseUrl) {
    kind = 'postgresql';
    // pg waits forever for a connection by default (an unreachable host: until TCP gives up, minutes);
    // pg-pool applies this both to connecting and to waiting for a free pooled connection.
    const connectionTimeoutMillis = config.databaseConnectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
    assertUsableDatabaseUrl(config.databaseUrl);
    for (const url of config.replicaUrls) assertUsableDatabaseUrl(url, 'DATABASE_REPLICA_URLS');
    orm = (await PostgreSqlMikroORM.init({
      ...base,
      clientUrl: config.databaseUrl,
      // Reads (em.find, em.count, loaders) go to a replica; writes, flushes and anything inside
      // em.transactional() go to the primary. See db/read-router.ts for the fallback when one is down.
      replicas: config.replicaUrls.map((clientUrl, index) => ({
        name: `replica-${index + 1}`,
        clientUrl,
        driverOptions: { connectionTimeoutMillis },
      })),
      driverOptions: { connectionTimeoutMillis },
      preferReadReplicas: true,
      // A typo in the database name must be an error that says so, not a new empty database.
      ensureDatabase: false,
      pool: { min: 0, max: 20 },
    } as Parameters<typeof PostgreSqlMikroORM.init>[0])) as unknown as Orm;
  } else {
    kind = 'embedded';
    const inMemory = config.embeddedDataDir === 'memory';
    if (!inMemory) {
      mkdirSync(config.embeddedDataDir, { recursive: true });
      releaseLock = await lockEmbeddedDatabase(config.embeddedDataDir);
    }
    try {
      orm = (await PgliteMikroORM.init({
        ...base,
        dbName: 'postgres',
        driverOptions: { dataDir: inMemory ? 'memory://' : config.embeddedDataDir, extensions: { vector } },
      } as Parameters<typeof PgliteMikroORM.init>[0])) as unknown as Orm;
    } catch (error) {
      await releaseLock();
      throw error;
    }
  }
  const statementTimeouts = config.statementTimeouts ?? DEFAULT_STATEMENT_TIMEOUTS;
  const router = await createReadRouter(orm, {
    ...config.readRouting,
    kind,
    mlStatementTimeoutMs: statementTimeouts.mlSessionMs,
  });
  return {
    kind,
    orm,
    router,
    statementTimeouts,
    openReadSession: (options) => {
      if (kind === 'postgresql') {
        return new ReadSession(router, { statementTimeoutMs: statementTimeouts.requestMs, ...options });
      }
      const executor = options.primaryOnly
        ? router.writer()
        : router.reader(options.viewerKey, options.readAfterLsn ?? null);
      return {
        get target() {
          return executor.target;
        },
        all: executor.all,
        end: async () => undefined,
      };
    },
    fork: () => orm.em.fork() as unknown as SqlEntityManager,
    close: async () => {
      router.close();
      try {
        await orm.close(true);
      } finally {
        await releaseLock();
      }
    },
  };
}

/**
 * The pool connects lazily; the gateway's start and the CLI connect right away with this, so a wrong
 * DATABASE_URL fails with a message that names it rather than as a driver error later. (Tests open a
 * database whose primary is down on purpose, so openDatabase itself does not.)
 */
export async function assertDatabaseReachable(
  database: Database,
  config: Pick<Config, 'databaseUrl'>,
): Promise<void> {
  if (database.kind !== 'postgresql' || !config.databaseUrl) return;
  try {
    await database.orm.em.getDriver().getConnection('write').execute('select 1');
  } catch (error) {
    await database.close().catch(() => undefined);
    throw connectionFailure(error, config.databaseUrl);
  }
}

/**
 * PGlite is one process's database: a second process opening the same folder would corrupt it. The
 * lock (a `<folder>.lock` directory, refreshed while held, taken over once stale after a crash) makes
 * the second one stop with a message instead.
 */
async function lockEmbeddedDatabase(dataDir: string): Promise<() => Promise<void>> {
  try {
    const release = await lockfile.lock(dataDir, {
      stale: 15_000,
      update: 5_000,
      retries: 0,
      realpath: false,
      // Lost the lock (the clock jumped, the folder vanished): keep serving, the data dir is still ours.
      onCompromised: () => undefined,
    });
    let released = false;
    return async () => {
      if (released) return;
      released = true;
      await release().catch(() => undefined);
    };
  } catch (error) {
    if ((error as { code?: string }).code === 'ELOCKED') {
      throw new EmbeddedDatabaseBusyError(
        `the embedded database in ${dataDir} is in use by another process (a running \`npm start\`?). ` +
          'Stop that process first, or run against PostgreSQL with DATABASE_URL.',
      );
    }
    throw error;
  }
}
