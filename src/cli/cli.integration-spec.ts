import 'reflect-metadata';

import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';

import { TokenService } from '../auth/tokens.js';
import { loadConfig } from '../config/config.js';
import type { Config } from '../config/config.js';
import { createTestDatabase } from '../testing/test-database.js';
import type { TestDatabase } from '../testing/test-database.js';
import { runCli } from './main.js';

const SECRET = 'c'.repeat(40);

describe('pulse CLI against real PostgreSQL', () => {
  let testDb: TestDatabase;
  let config: Config;

  /** Runs one command and returns its exit code and what it printed. */
  const pulse = async (...argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const log = jest.spyOn(console, 'log').mockImplementation((...args) => void out.push(args.join(' ')));
    const error = jest.spyOn(console, 'error').mockImplementation((...args) => void err.push(args.join(' ')));
    try {
      const code = await runCli(argv, config);
      return { code, out: out.join('\n'), err: err.join('\n') };
    } finally {
      log.mockRestore();
      error.mockRestore();
    }
  };

  beforeAll(async () => {
    testDb = await createTestDatabase('cli');
    config = loadConfig({ DATABASE_URL: testDb.databaseUrl, JWT_SECRET: SECRET, LOG_LEVEL: 'silent' });
  });

  afterAll(async () => {
    await testDb?.drop();
  });

  it('migrate status lists the pending migrations on an empty database', async () => {
    expect(await pulse('migrate', 'status')).toEqual({
      code: 0,
      out: 'pending  20261122000000-initial-schema\npending  20261201000000-row-level-security',
      err: '',
    });
  });

  it('migrate up applies it, and says so when run again', async () => {
    expect((await pulse('migrate', 'up')).out).toBe(
      'applied: 20261122000000-initial-schema, 20261201000000-row-level-security',
    );
    expect((await pulse('migrate', 'up')).out).toBe('database is up to date; nothing to apply');
    expect((await pulse('migrate', 'status')).out).toMatch(
      /^applied {2}20261122000000-initial-schema {2}\d{4}-.*\napplied {2}20261201000000-row-level-security {2}\d{4}-/,
    );
  });

  it('token prints a verifiable token carrying the user, client and role', async () => {
    const [client] = await testDb.query<{ id: number }>(
      `insert into clients (name) values ('Acme') returning id`,
    );
    const [user] = await testDb.query<{ id: number }>(
      `insert into users (client_id, email, role) values ($1, 'viewer@acme.example', 'viewer') returning id`,
      [client!.id],
    );
    const { code, out } = await pulse('token', '--email', 'viewer@acme.example');
    expect(code).toBe(0);
    const tokens = await TokenService.fromConfig(config.jwt, null);
    expect(await tokens.verify(out.trim())).toEqual({
      userId: user!.id,
      clientId: client!.id,
      role: 'viewer',
    });
  });

  it('token refuses an unknown email', async () => {
    await expect(runCli(['token', '--email', 'nobody@acme.example'], config)).rejects.toThrow(
      'no active user with email nobody@acme.example',
    );
  });

  it('migrate down removes the schema', async () => {
    expect((await pulse('migrate', 'down')).out).toBe(
      'reverted: 20261201000000-row-level-security, 20261122000000-initial-schema',
    );
    const tables = await testDb.query(`select 1 from information_schema.tables where table_schema = 'public'
      and table_name <> 'pulse_migrations'`);
    expect(tables).toEqual([]);
  });
});
