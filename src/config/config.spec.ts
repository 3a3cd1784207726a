import { describe, expect, it } from '@jest/globals';

import { ConfigError, loadConfig } from './config.js';

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

  it.each([
    [{ PORT: 'eighty' }, /PORT/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
    [{ DATABASE_REPLICA_URLS: 'postgresql://r/db' }, /needs DATABASE_URL/],
  ])('rejects %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
