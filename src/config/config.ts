import { resolve } from 'node:path';

/** Everything the gateway reads from its environment, parsed once. */
export interface Config {
  /** Primary PostgreSQL; absent means the embedded PGlite database. */
  databaseUrl: string | null;
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
  /** `pretty` (pino-pretty), `json`, or `auto`: pretty on a terminal, JSON otherwise. */
  logFormat: 'auto' | 'pretty' | 'json';
  /** Print every SQL statement (development only). */
  logSql: boolean;
  /** The GraphQL playground: `on` (anyone), `admin` (docs and introspection for admin tokens only), `off`. */
  playground: PlaygroundMode;
  metrics: {
    /** A bearer token `/metrics` requires on the API port. */
    token: string | null;
    /** Serve `/metrics` on its own listen address instead of the API port. */
    port: number | null;
    host: string;
  };
}

export type PlaygroundMode = 'on' | 'admin' | 'off';
const PLAYGROUND_MODES = ['on', 'admin', 'off'] as const;
const LOG_FORMATS = ['auto', 'pretty', 'json'] as const;

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
  const embeddedDataDir = nonEmpty(env.EMBEDDED_DB_DIR) ?? '.data/pglite';
  // A playground on the embedded (demo) database is the point of it; against a real one, admins only.
  const playground = (nonEmpty(env.PLAYGROUND) ?? (databaseUrl ? 'admin' : 'on')) as PlaygroundMode;
  if (!PLAYGROUND_MODES.includes(playground))
    throw new ConfigError(`PLAYGROUND must be one of ${PLAYGROUND_MODES.join(', ')}: ${env.PLAYGROUND}`);
  const logFormat = (nonEmpty(env.LOG_FORMAT) ?? 'auto') as Config['logFormat'];
  if (!LOG_FORMATS.includes(logFormat))
    throw new ConfigError(`LOG_FORMAT must be one of ${LOG_FORMATS.join(', ')}: ${env.LOG_FORMAT}`);
  const metricsPortText = nonEmpty(env.METRICS_PORT);
  const metricsPort = metricsPortText === null ? null : Number(metricsPortText);
  if (metricsPort !== null && (!Number.isInteger(metricsPort) || metricsPort < 0 || metricsPort > 65535))
    throw new ConfigError(`METRICS_PORT is not a port: ${metricsPortText}`);
  const metricsToken = nonEmpty(env.METRICS_TOKEN);
  if (metricsToken !== null && metricsToken.length < 16)
    throw new ConfigError('METRICS_TOKEN must be at least 16 characters');
  return {
    databaseUrl,
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
    logFormat,
    logSql: env.LOG_SQL === 'true',
    playground,
    metrics: {
      token: metricsToken,
      port: metricsPort,
      host: nonEmpty(env.METRICS_HOST) ?? '127.0.0.1',
    },
  };
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
