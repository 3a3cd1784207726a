import 'reflect-metadata';

import type { MigrationObject, Options } from '@mikro-orm/core';

import { TokenService } from '../auth/tokens.js';
import type { Viewer } from '../auth/tokens.js';
import { viewerForEmail } from '../cli/demo-tokens.js';
import { seedIfEmpty } from '../cli/seed-command.js';
import type { SeedOptions } from '../cli/seed/demo-data.js';
import { demoClientIdentity } from '../cli/seed/demo-accounts.js';
import { openDatabase } from '../db/database.js';
import { baseOrmOptions } from '../db/orm-options.js';
import type { Database } from '../db/database.js';
import { loadConfig } from '../config/config.js';
import type { SecurityConfig } from '../config/config.js';
import { migrateUp } from '../db/migration-runner.js';
import { openSession } from '../modules/users/user-sessions.js';
import { buildGatewaySchema } from '../graphql/build-schema.js';
import type { TenantScopeMode } from '../context/request-scope.js';
import { createServer } from '../server/create-server.js';
import type { GatewayServer } from '../server/create-server.js';
import { captureSql } from './sql-capture.js';
import type { CapturedQuery } from './sql-capture.js';
import { createTestDatabase } from './test-database.js';
import type { TestDatabase } from './test-database.js';
import { GATEWAY_ENTITIES, GATEWAY_MODULES } from '../modules/index.js';
import { entitiesOf } from '../common/gateway-module.js';
import type { GatewayModule } from '../common/gateway-module.js';

export type TestRole = 'admin' | 'user' | 'viewer';

export interface GraphQLResult {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  data?: any;
  errors?: {
    message: string;
    path?: (string | number)[];
    extensions?: { code?: string; [key: string]: unknown };
  }[];
}

export interface RequestOptions {
  /** Sign in as this demo login (`admin@acme.example`...); omit for an anonymous call. */
  as?: TestRole;
  /** Which demo client (0: Acme Corp, 1: Globex...). */
  client?: number;
  variables?: Record<string, unknown>;
}

/**
 * A real gateway for integration tests: a private database on the local primary and replica, migrated
 * and seeded with a small deterministic demo data set, served over a real socket. Every statement the
 * gateway sends is captured with the connection it went to.
 */
export interface TestApp {
  testDb: TestDatabase;
  /** The gateway's database, connected as `gatewayRole`. */
  database: Database;
  /** The tables' owner on the primary (migrations, seed, token lookups); `database` itself in owner mode. */
  ownerDatabase: Database;
  gatewayRole: GatewayRole;
  server: GatewayServer;
  tokens: TokenService;
  url: string;
  sql: { queries: CapturedQuery[]; clear(): void };
  viewer(role: TestRole, client?: number): Promise<Viewer>;
  token(role: TestRole, client?: number): Promise<string>;
  graphql(query: string, options?: RequestOptions): Promise<GraphQLResult>;
  /**
   * Runs the query and returns the statements its resolvers sent, without the begin/commit framing of
   * its read transaction (`sql.queries` has those too).
   */
  statementsOf(
    query: string,
    options?: RequestOptions,
  ): Promise<{ result: GraphQLResult; queries: CapturedQuery[] }>;
  close(): Promise<void>;
}

export const TEST_SEED: Partial<SeedOptions> = {
  clients: 2,
  issuesPerClient: 40,
  embeddingShare: 0.25,
  randomSeed: 7,
};

/**
 * Which role the gateway under test logs in as: `runtime` (DATABASE_URL's `pulse_app`, held to row
 * level security; the default, as in production: the read path sets `pulse.client_id` in each
 * transaction) or `owner` (the tables' owner, not held to it). `TEST_GATEWAY_ROLE=owner` runs the suite
 * as the owner.
 */
export type GatewayRole = 'owner' | 'runtime';
export const DEFAULT_GATEWAY_ROLE: GatewayRole = 'runtime';

function gatewayRoleFromEnv(): GatewayRole {
  const role = process.env.TEST_GATEWAY_ROLE?.trim() || DEFAULT_GATEWAY_ROLE;
  if (role !== 'owner' && role !== 'runtime') {
    throw new Error(`TEST_GATEWAY_ROLE must be owner or runtime, not ${role}`);
  }
  return role;
}

/**
 * The gateway's security settings in tests: the defaults of an empty environment, except two. Rate
 * limits are off (a test file sends thousands of requests as one viewer), and the cost limit is raised:
 * the module specs walk whole relation trees of a small data set with pages of 1000 to compare every
 * row with SQL. `gatewayDefaults()` is what a deployment gets; the hardening spec tests with it.
 */
export function testSecurity(overrides: Partial<SecurityConfig> = {}): SecurityConfig {
  const defaults = gatewayDefaults();
  return {
    ...defaults,
    rateLimit: { ...defaults.rateLimit, readsPerWindow: 0, writesPerWindow: 0 },
    queryLimits: { ...defaults.queryLimits, maxCost: 1e12 },
    ...overrides,
  };
}

/** The security settings of a gateway started with an empty environment. */
export function gatewayDefaults(): SecurityConfig {
  return loadConfig({}).security;
}

export async function createTestApp(
  label: string,
  seed: Partial<SeedOptions> | null = TEST_SEED,
  security: SecurityConfig = testSecurity(),
  options: {
    gatewayRole?: GatewayRole;
    tenantScope?: TenantScopeMode;
    /** The modules the gateway is built from: its entities, schema and rules (default: the gateway's). */
    modules?: readonly GatewayModule[];
    /** The migrations the test database gets (default: the gateway's). */
    migrations?: readonly MigrationObject[];
  } = {},
): Promise<TestApp> {
  const modules = options.modules ?? GATEWAY_MODULES;
  const entities = modules === GATEWAY_MODULES ? GATEWAY_ENTITIES : entitiesOf(modules);
  const gatewayRole = options.gatewayRole ?? gatewayRoleFromEnv();
  const testDb = await createTestDatabase(label);
  const capture = captureSql();
  const ownerDatabase = await openDatabase(
    {
      databaseUrl: testDb.databaseUrl,
      replicaUrls: gatewayRole === 'owner' ? testDb.replicaUrls : [],
      embeddedDataDir: 'memory',
      logSql: false,
    },
    {
      ...(gatewayRole === 'owner' ? (capture.options as Partial<Options>) : {}),
      entities,
      ...(options.migrations
        ? {
            migrations: {
              ...baseOrmOptions({ logSql: false }, entities).migrations,
              migrationsList: [...options.migrations],
            },
          }
        : {}),
    },
  );
  await migrateUp(ownerDatabase.orm);
  if (seed) await seedIfEmpty(ownerDatabase.fork(), seed);
  const database =
    gatewayRole === 'owner'
      ? ownerDatabase
      : await openDatabase(
          { ...testDb.runtime, embeddedDataDir: 'memory', logSql: false },
          { ...(capture.options as Partial<Options>), entities },
        );
  await testDb.waitForReplica();
  // Probe the replica now rather than on the router's timer, so reads start on it.
  await database.router.refresh();
  const tokens = await TokenService.fromConfig(
    { secret: 'test-secret-'.repeat(4), publicKey: null, issuer: null, audience: null },
    null,
  );
  const server = await createServer({
    config: { logLevel: 'silent', security },
    database,
    tokens,
    schema: (await buildGatewaySchema(modules)).schema,
    tenantScope: options.tenantScope,
    // Every document compiled from its first run, so the suite exercises the path production traffic takes.
    compiledExecution: { interpretedRuns: 0 },
  });
  const url = await server.app.listen({ host: '127.0.0.1', port: 0 });

  const viewers = new Map<string, Viewer>();
  const viewer = async (role: TestRole, client = 0) => {
    const email = `${role}@${demoClientIdentity(client).slug}.example`;
    let found = viewers.get(email);
    if (!found) {
      found = await viewerForEmail(ownerDatabase.fork(), email);
      viewers.set(email, found);
    }
    return found;
  };
  // One session per demo login, opened on first use: tokens carry a session id, as `pulse token` mints them.
  const sessionTokens = new Map<string, Promise<string>>();
  const token = async (role: TestRole, client = 0) => {
    const key = `${role}:${client}`;
    let minted = sessionTokens.get(key);
    if (!minted) {
      minted = viewer(role, client).then(
        async (found) => (await openSession(ownerDatabase.fork(), tokens, found)).token,
      );
      sessionTokens.set(key, minted);
    }
    return minted;
  };

  const graphql = async (query: string, options: RequestOptions = {}): Promise<GraphQLResult> => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (options.as) headers.authorization = `Bearer ${await token(options.as, options.client ?? 0)}`;
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables: options.variables ?? {} }),
    });
    const body = (await response.json()) as Omit<GraphQLResult, 'status'>;
    return { status: response.status, ...body };
  };

  return {
    testDb,
    database,
    ownerDatabase,
    gatewayRole,
    server,
    tokens,
    url,
    sql: { queries: capture.queries, clear: capture.clear },
    viewer,
    token,
    graphql,
    statementsOf: async (query, options) => {
      // Sign first, so token lookups are not counted as the request's statements.
      if (options?.as) await token(options.as, options.client ?? 0);
      capture.clear();
      const result = await graphql(query, options);
      return { result, queries: capture.queries.filter((query) => !query.transactionControl) };
    },
    close: async () => {
      await server.app.close();
      await database.close();
      if (ownerDatabase !== database) await ownerDatabase.close();
      await testDb.drop();
    },
  };
}
