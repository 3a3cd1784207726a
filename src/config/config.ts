import { resolve } from 'node:path';

/** Everything the gateway reads from its environment, parsed once. */
export interface Config {
  /** Primary PostgreSQL, as the gateway's runtime role; absent means the embedded PGlite database. */
  databaseUrl: string | null;
  /**
   * Primary PostgreSQL as the tables' owner, for migrations and the CLI's admin commands; defaults to
   * `databaseUrl`. Row level security does not hold the owner, so the gateway never serves with it.
   */
  databaseOwnerUrl: string | null;
  /** Serve even when the runtime role could bypass row level security (development only). */
  allowRlsBypass: boolean;
  /** Streaming replicas that serve reads. */
  replicaUrls: string[];
  /** Where the embedded database keeps its files; `memory` keeps it in memory only. */
  embeddedDataDir: string;
  /** Load the demo data set when the embedded database starts empty. */
  seedEmbedded: boolean;
  host: string;
  port: number;
  jwt: {
    secret: string | null;
    publicKey: string | null;
    issuer: string | null;
    audience: string | null;
  };
  /** When a replica gets no reads; see db/read-routing.ts for what the defaults are based on. */
  readRouting: {
    maxLagSeconds: number;
    maxLagBytes: number;
    checkIntervalMs: number;
    readYourWritesMs: number;
  };
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** Print every SQL statement (development only). */
  logSql: boolean;
}

export class ConfigError extends Error {}

const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new ConfigError(`PORT is not a port: ${env.PORT}`);
  const logLevel = (env.LOG_LEVEL ?? 'info') as Config['logLevel'];
  if (!LOG_LEVELS.includes(logLevel))
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);
  const databaseUrl = nonEmpty(env.DATABASE_URL);
  const replicaUrls = (env.DATABASE_REPLICA_URLS ?? '')
    .split(',')
    .map((url) => url.trim())
    .filter(Boolean);
  if (!databaseUrl && replicaUrls.length > 0) {
    throw new ConfigError('DATABASE_REPLICA_URLS needs DATABASE_URL (the embedded database has no replicas)');
  }
  const databaseOwnerUrl = nonEmpty(env.DATABASE_OWNER_URL) ?? databaseUrl;
  if (!databaseUrl && databaseOwnerUrl) {
    throw new ConfigError('DATABASE_OWNER_URL needs DATABASE_URL (the runtime connection of the gateway)');
  }
  const embeddedDataDir = nonEmpty(env.EMBEDDED_DB_DIR) ?? '.data/pglite';
  return {
    databaseUrl,
    databaseOwnerUrl,
    allowRlsBypass: booleanFlag(env, 'DATABASE_ALLOW_RLS_BYPASS', false),
    replicaUrls,
    embeddedDataDir: embeddedDataDir === 'memory' ? 'memory' : resolve(embeddedDataDir),
    seedEmbedded: (env.EMBEDDED_DB_SEED ?? 'true') !== 'false',
    host: env.HOST ?? '0.0.0.0',
    port,
    jwt: {
      secret: nonEmpty(env.JWT_SECRET),
      publicKey: nonEmpty(env.JWT_PUBLIC_KEY)?.replace(/\\n/g, '\n') ?? null,
      issuer: nonEmpty(env.JWT_ISSUER),
      audience: nonEmpty(env.JWT_AUDIENCE),
    },
    readRouting: {
      maxLagSeconds: positiveNumber(env, 'DATABASE_REPLICA_MAX_LAG_SECONDS', 5),
      maxLagBytes: positiveNumber(env, 'DATABASE_REPLICA_MAX_LAG_BYTES', 64 * 1024 * 1024),
      checkIntervalMs: positiveNumber(env, 'DATABASE_REPLICA_CHECK_INTERVAL_MS', 2_000),
      readYourWritesMs: positiveNumber(env, 'DATABASE_READ_YOUR_WRITES_MS', 15_000),
    },
    logLevel,
    logSql: env.LOG_SQL === 'true',
  };
}

/**
 * The configuration as the tables' owner sees it: migrations and admin commands run on the primary
 * only, where the owner's URL points; replicas are the runtime role's and have nothing to write.
 */
export function ownerConfig(config: Config): Config {
  return { ...config, databaseUrl: config.databaseOwnerUrl, replicaUrls: [] };
}

function booleanFlag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = nonEmpty(env[name])?.toLowerCase() ?? null;
  if (raw === null) return fallback;
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  throw new ConfigError(`${name} must be true or false: ${env[name]}`);
}

function positiveNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = nonEmpty(env[name]);
  if (raw === null) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0)
    throw new ConfigError(`${name} must be a positive number: ${raw}`);
  return value;
}

function nonEmpty(value: string | undefined): string | null {
  return value && value.trim() !== '' ? value.trim() : null;
}
