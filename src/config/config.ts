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
  /**
   * How long getting a connection may take, to the primary or a replica: connecting, or waiting for a
   * free one in the pool. Past it the operation fails with DATABASE_UNAVAILABLE instead of hanging.
   */
  databaseConnectTimeoutMs: number;
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
    /** Leeway on `exp`/`nbf`/`iat` for clocks that disagree a little. */
    clockToleranceSeconds?: number;
  };
  /**
   * Signs pagination cursors (HKDF-derived, so it may equal nothing else); null: derived from
   * `jwt.secret`, else a random key per process (see common/table-api/cursors.ts).
   */
  cursorSecret: string | null;
  /** How long one SQL statement of a request may run before PostgreSQL cancels it. */
  statementTimeouts: StatementTimeouts;
  /** Query limits, rate limits, credential re-checks and exposure; see server/ and auth/. */
  security: SecurityConfig;
  /** When a replica gets no reads; see db/read-routing-policy.ts for what the defaults are based on. */
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
  /** `compiled` (graphql-jit, the default) or `interpreted` (graphql-js); see server/compiled-execution.ts. */
  execution: ExecutionMode;
  metrics: {
    /** A bearer token `/metrics` requires on the API port. */
    token: string | null;
    /** Serve `/metrics` on its own listen address instead of the API port. */
    port: number | null;
    host: string;
  };
}

export interface StatementTimeouts {
  /** Every read and mutation transaction of a request (`STATEMENT_TIMEOUT_MS`); 0: none. */
  requestMs: number;
  /** The ML monitoring queries' tuned session (`ML_STATEMENT_TIMEOUT_MS`, seed 002's 300 s). */
  mlSessionMs: number;
}

/** A few seconds for what a person waits for; the analytical ML session keeps seed 002's 300 s. */
export const DEFAULT_STATEMENT_TIMEOUTS: StatementTimeouts = { requestMs: 5_000, mlSessionMs: 300_000 };

export type IntrospectionAccess = 'off' | 'admins' | 'authenticated' | 'everyone';
const INTROSPECTION_ACCESS = ['off', 'admins', 'authenticated', 'everyone'] as const;

export interface SecurityConfig {
  /** `NODE_ENV=production`: introspection can only be `off` or `admins`. */
  production: boolean;
  introspection: IntrospectionAccess;
  /** Origins a browser app may call from; none by default (same-origin only). */
  corsOrigins: string[];
  queryLimits: {
    maxDepth: number;
    maxAliases: number;
    maxDirectives: number;
    maxTokens: number;
    /** Rows a request could return at most: page sizes multiplied through nested connections. */
    maxCost: number;
    /** Input objects in all `filter` arguments of a request (server/filter-size-limit.ts). */
    maxFilterTerms: number;
  };
  /** Root fields per viewer (per IP when anonymous) per window; 0 turns a limit off. */
  rateLimit: { windowSeconds: number; readsPerWindow: number; writesPerWindow: number };
  credentials: {
    /** How long a user/client/session check is trusted before it is asked again. */
    recheckSeconds: number;
    /** Accept tokens without a session id (service accounts). */
    allowSessionlessTokens: boolean;
  };
}

export type PlaygroundMode = 'on' | 'admin' | 'off';
const PLAYGROUND_MODES = ['on', 'admin', 'off'] as const;
const LOG_FORMATS = ['auto', 'pretty', 'json'] as const;
export type ExecutionMode = 'compiled' | 'interpreted';
const EXECUTION_MODES = ['compiled', 'interpreted'] as const;

export class ConfigError extends Error {}

/**
 * A local connection takes milliseconds and a remote one well under a second; waiting for a pooled one
 * can take longer under a burst. Five seconds tells a primary that is gone from one that is busy.
 */
export const DEFAULT_CONNECT_TIMEOUT_MS = 5_000;

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
  // A playground on the embedded (demo) database is the point of it; against a real one, admins only.
  const execution = (nonEmpty(env.GRAPHQL_EXECUTION) ?? 'compiled') as ExecutionMode;
  if (!EXECUTION_MODES.includes(execution))
    throw new ConfigError(
      `GRAPHQL_EXECUTION must be one of ${EXECUTION_MODES.join(', ')}: ${env.GRAPHQL_EXECUTION}`,
    );
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
  const cursorSecret = nonEmpty(env.CURSOR_SECRET);
  if (cursorSecret !== null && cursorSecret.length < 32)
    throw new ConfigError('CURSOR_SECRET must be at least 32 characters');
  const metricsToken = nonEmpty(env.METRICS_TOKEN);
  if (metricsToken !== null && metricsToken.length < 16)
    throw new ConfigError('METRICS_TOKEN must be at least 16 characters');
  return {
    databaseUrl,
    databaseOwnerUrl,
    allowRlsBypass: booleanFlag(env, 'DATABASE_ALLOW_RLS_BYPASS', false),
    replicaUrls,
    databaseConnectTimeoutMs: positiveNumber(env, 'DATABASE_CONNECT_TIMEOUT_MS', DEFAULT_CONNECT_TIMEOUT_MS),
    embeddedDataDir: embeddedDataDir === 'memory' ? 'memory' : resolve(embeddedDataDir),
    seedEmbedded: (env.EMBEDDED_DB_SEED ?? 'true') !== 'false',
    host: env.HOST ?? '0.0.0.0',
    port,
    jwt: {
      secret: nonEmpty(env.JWT_SECRET),
      publicKey: nonEmpty(env.JWT_PUBLIC_KEY)?.replace(/\\n/g, '\n') ?? null,
      issuer: nonEmpty(env.JWT_ISSUER),
      audience: nonEmpty(env.JWT_AUDIENCE),
      clockToleranceSeconds: wholeNumber(env, 'JWT_CLOCK_SKEW_SECONDS', 30),
    },
    cursorSecret,
    statementTimeouts: {
      requestMs: wholeNumber(env, 'STATEMENT_TIMEOUT_MS', DEFAULT_STATEMENT_TIMEOUTS.requestMs),
      mlSessionMs: wholeNumber(env, 'ML_STATEMENT_TIMEOUT_MS', DEFAULT_STATEMENT_TIMEOUTS.mlSessionMs),
    },
    security: loadSecurityConfig(env),
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
    execution,
    metrics: {
      token: metricsToken,
      port: metricsPort,
      host: nonEmpty(env.METRICS_HOST) ?? '127.0.0.1',
    },
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

function loadSecurityConfig(env: NodeJS.ProcessEnv): SecurityConfig {
  const production = env.NODE_ENV === 'production';
  const introspection = (nonEmpty(env.GRAPHQL_INTROSPECTION) ?? 'admins') as IntrospectionAccess;
  if (!INTROSPECTION_ACCESS.includes(introspection))
    throw new ConfigError(`GRAPHQL_INTROSPECTION must be one of ${INTROSPECTION_ACCESS.join(', ')}`);
  if (production && introspection !== 'off' && introspection !== 'admins')
    throw new ConfigError('GRAPHQL_INTROSPECTION can only be off or admins in production');
  const corsOrigins = (env.CORS_ORIGINS ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  for (const origin of corsOrigins) {
    if (!/^https?:\/\/[^/\s]+$/.test(origin))
      throw new ConfigError(`CORS_ORIGINS entries must be scheme://host[:port]: ${origin}`);
  }
  return {
    production,
    introspection,
    corsOrigins,
    queryLimits: {
      maxDepth: positiveNumber(env, 'GRAPHQL_MAX_DEPTH', 12),
      maxAliases: positiveNumber(env, 'GRAPHQL_MAX_ALIASES', 15),
      maxDirectives: positiveNumber(env, 'GRAPHQL_MAX_DIRECTIVES', 20),
      maxTokens: positiveNumber(env, 'GRAPHQL_MAX_TOKENS', 2_000),
      maxCost: positiveNumber(env, 'GRAPHQL_MAX_COST', 250_000),
      maxFilterTerms: positiveNumber(env, 'GRAPHQL_MAX_FILTER_TERMS', 500),
    },
    rateLimit: {
      windowSeconds: positiveNumber(env, 'RATE_LIMIT_WINDOW_SECONDS', 60),
      readsPerWindow: wholeNumber(env, 'RATE_LIMIT_READS', 3_000),
      writesPerWindow: wholeNumber(env, 'RATE_LIMIT_WRITES', 300),
    },
    credentials: {
      recheckSeconds: positiveNumber(env, 'AUTH_RECHECK_SECONDS', 5),
      allowSessionlessTokens: env.JWT_ALLOW_SESSIONLESS === 'true',
    },
  };
}

function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = nonEmpty(env[name]);
  if (raw === null) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0)
    throw new ConfigError(`${name} must be a whole number (0 or more): ${raw}`);
  return value;
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
