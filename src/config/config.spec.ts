import { describe, expect, it } from '@jest/globals';

import { ConfigError, loadConfig, ownerConfig } from './config.js';

describe('loadConfig', () => {
  it('defaults to the embedded database on port 4000', () => {
    const config = loadConfig({});
    expect(config.databaseUrl).toBeNull();
    expect(config.replicaUrls).toEqual([]);
    expect(config.port).toBe(4000);
    expect(config.embeddedDataDir).toMatch(/\.data\/pglite$/);
  });

  it('splits the replica list and keeps the in-memory marker', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgresql://p/db',
      DATABASE_REPLICA_URLS: ' postgresql://r1/db, postgresql://r2/db ,',
      EMBEDDED_DB_DIR: 'memory',
    });
    expect(config.replicaUrls).toEqual(['postgresql://r1/db', 'postgresql://r2/db']);
    expect(config.embeddedDataDir).toBe('memory');
  });

  it('reads the replica lag limits and read-your-writes window, with defaults', () => {
    expect(loadConfig({}).readRouting).toEqual({
      maxLagSeconds: 5,
      maxLagBytes: 64 * 1024 * 1024,
      checkIntervalMs: 2000,
      readYourWritesMs: 15000,
    });
    const config = loadConfig({
      DATABASE_REPLICA_MAX_LAG_SECONDS: '1.5',
      DATABASE_REPLICA_MAX_LAG_BYTES: '1048576',
      DATABASE_REPLICA_CHECK_INTERVAL_MS: '500',
      DATABASE_READ_YOUR_WRITES_MS: '3000',
    });
    expect(config.readRouting).toEqual({
      maxLagSeconds: 1.5,
      maxLagBytes: 1048576,
      checkIntervalMs: 500,
      readYourWritesMs: 3000,
    });
  });

  it('uses DATABASE_URL for the owner unless DATABASE_OWNER_URL is set, and refuses RLS bypass by default', () => {
    const oneRole = loadConfig({ DATABASE_URL: 'postgresql://app@p/db' });
    expect(oneRole.databaseOwnerUrl).toBe('postgresql://app@p/db');
    expect(oneRole.allowRlsBypass).toBe(false);
    const twoRoles = loadConfig({
      DATABASE_URL: 'postgresql://app@p/db',
      DATABASE_REPLICA_URLS: 'postgresql://app@r/db',
      DATABASE_OWNER_URL: 'postgresql://owner@p/db',
      DATABASE_ALLOW_RLS_BYPASS: 'TRUE',
    });
    expect(twoRoles.databaseUrl).toBe('postgresql://app@p/db');
    expect(twoRoles.databaseOwnerUrl).toBe('postgresql://owner@p/db');
    expect(twoRoles.allowRlsBypass).toBe(true);
    expect(ownerConfig(twoRoles)).toMatchObject({ databaseUrl: 'postgresql://owner@p/db', replicaUrls: [] });
    expect(loadConfig({}).databaseOwnerUrl).toBeNull();
  });

  it.each([
    [{ DATABASE_ALLOW_RLS_BYPASS: 'yes' }, /DATABASE_ALLOW_RLS_BYPASS must be true or false/],
    [{ DATABASE_OWNER_URL: 'postgresql://owner@p/db' }, /DATABASE_OWNER_URL needs DATABASE_URL/],
    [{ DATABASE_REPLICA_MAX_LAG_SECONDS: 'soon' }, /DATABASE_REPLICA_MAX_LAG_SECONDS/],
    [{ DATABASE_REPLICA_CHECK_INTERVAL_MS: '0' }, /DATABASE_REPLICA_CHECK_INTERVAL_MS/],
    [{ PORT: 'eighty' }, /PORT/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
    [{ DATABASE_REPLICA_URLS: 'postgresql://r/db' }, /needs DATABASE_URL/],
  ])('rejects %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('reads the security settings: limits, introspection, CORS, credentials', () => {
    const defaults = loadConfig({}).security;
    expect(defaults).toMatchObject({
      production: false,
      introspection: 'admins',
      corsOrigins: [],
      queryLimits: {
        maxDepth: 12,
        maxAliases: 15,
        maxDirectives: 20,
        maxTokens: 2000,
        maxCost: 250_000,
        maxFilterTerms: 500,
      },
      rateLimit: { windowSeconds: 60, readsPerWindow: 3000, writesPerWindow: 300 },
      credentials: { recheckSeconds: 5, allowSessionlessTokens: false },
    });
    const custom = loadConfig({
      CORS_ORIGINS: 'https://app.example, http://localhost:5173',
      GRAPHQL_MAX_COST: '1000',
      RATE_LIMIT_WRITES: '0',
      JWT_ALLOW_SESSIONLESS: 'true',
      GRAPHQL_INTROSPECTION: 'everyone',
    });
    expect(custom.security.corsOrigins).toEqual(['https://app.example', 'http://localhost:5173']);
    expect(custom.security.queryLimits.maxCost).toBe(1000);
    expect(custom.security.rateLimit.writesPerWindow).toBe(0);
    expect(custom.security.credentials.allowSessionlessTokens).toBe(true);
    expect(custom.jwt.clockToleranceSeconds).toBe(30);
  });

  it('refuses open introspection in production, malformed origins and negative limits', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'everyone' })).toThrow(
      'GRAPHQL_INTROSPECTION can only be off or admins in production',
    );
    expect(loadConfig({ NODE_ENV: 'production' }).security.introspection).toBe('admins');
    expect(() => loadConfig({ CORS_ORIGINS: 'https://app.example/path' })).toThrow(ConfigError);
    expect(() => loadConfig({ RATE_LIMIT_READS: '-1' })).toThrow(
      'RATE_LIMIT_READS must be a whole number (0 or more): -1',
    );
    expect(() => loadConfig({ GRAPHQL_MAX_DEPTH: '0' })).toThrow(ConfigError);
  });

  it('reads the statement timeouts and the cursor secret, with defaults', () => {
    expect(loadConfig({}).statementTimeouts).toEqual({ requestMs: 5000, mlSessionMs: 300000 });
    expect(loadConfig({}).cursorSecret).toBeNull();
    const config = loadConfig({
      STATEMENT_TIMEOUT_MS: '2500',
      ML_STATEMENT_TIMEOUT_MS: '600000',
      CURSOR_SECRET: 'x'.repeat(32),
    });
    expect(config.statementTimeouts).toEqual({ requestMs: 2500, mlSessionMs: 600000 });
    expect(config.cursorSecret).toBe('x'.repeat(32));
    expect(loadConfig({ STATEMENT_TIMEOUT_MS: '0' }).statementTimeouts.requestMs).toBe(0);
    expect(() => loadConfig({ STATEMENT_TIMEOUT_MS: '1.5' })).toThrow(ConfigError);
    expect(() => loadConfig({ ML_STATEMENT_TIMEOUT_MS: '-1' })).toThrow(ConfigError);
    expect(() => loadConfig({ CURSOR_SECRET: 'too short' })).toThrow(/CURSOR_SECRET must be at least 32/);
  });
});
