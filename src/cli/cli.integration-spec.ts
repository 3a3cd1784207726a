import 'reflect-metadata';

import { createHash } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

import { TokenService } from '../auth/tokens.js';
import { loadConfig } from '../config/config.js';
import type { Config } from '../config/config.js';
import { MIGRATION_NAMES } from '../testing/schema-tables.js';
import { createTestDatabase } from '../testing/test-database.js';
import type { TestDatabase } from '../testing/test-database.js';
import { runPulse } from '../testing/run-pulse.js';

const SECRET = 'c'.repeat(40);

describe('pulse CLI against real PostgreSQL', () => {
  let testDb: TestDatabase;
  let config: Config;

  /** Runs one command and returns its exit code and what it printed. */
  const pulse = async (...argv: string[]) => {
    return runPulse(argv, config);
  };

  const tokensOf = async ({ out }: { out: string }) =>
    (await (await TokenService.fromConfig(config.jwt, null)).verify(out.trim())).sessionId!;
  const sessionActive = async (id: number) =>
    (await testDb.query<{ active: boolean }>('select active from user_sessions where id = $1', [id]))[0]!
      .active;

  beforeAll(async () => {
    testDb = await createTestDatabase('cli');
    config = loadConfig({ DATABASE_URL: testDb.databaseUrl, JWT_SECRET: SECRET, LOG_LEVEL: 'silent' });
  });

  afterAll(async () => {
    await testDb?.drop();
  });

  it('migrate status lists the pending migrations on an empty database, exit code 1', async () => {
    expect(await pulse('migrate', 'status')).toEqual({
      code: 1,
      out: MIGRATION_NAMES.map((name) => `pending  ${name}`).join('\n'),
      err: '',
    });
  });

  it('migrate up applies it, and says so when run again', async () => {
    expect((await pulse('migrate', 'up')).out).toBe(`applied: ${MIGRATION_NAMES.join(', ')}`);
    expect((await pulse('migrate', 'up')).out).toBe('database is up to date; nothing to apply');
    expect((await pulse('migrate', 'status')).out).toMatch(
      /^applied {2}20261122000000-initial-schema {2}\d{4}-.*\napplied {2}20261201000000-row-level-security {2}\d{4}-/,
    );
  });

  it('token prints a verifiable token carrying the user, client, role and a new session', async () => {
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
    const viewer = await tokens.verify(out.trim());
    expect(viewer).toEqual({
      userId: user!.id,
      clientId: client!.id,
      role: 'viewer',
      sessionId: expect.any(Number),
    });
    const [session] = await testDb.query<Record<string, unknown>>(
      'select user_id, client_id, active, token_hash, expires_at from user_sessions where id = $1',
      [viewer.sessionId],
    );
    expect(session).toMatchObject({
      user_id: user!.id,
      client_id: client!.id,
      active: true,
      token_hash: createHash('sha256').update(out.trim()).digest('hex'),
    });
    const expiresIn = (session!.expires_at as Date).getTime() - Date.now();
    expect(expiresIn).toBeGreaterThan(8 * 3600_000 - 60_000);
    expect(expiresIn).toBeLessThanOrEqual(8 * 3600_000);
  });

  it('session revoke ends one session by id, or all of a user by email, and says when none matched', async () => {
    const first = await tokensOf(await pulse('token', '--email', 'viewer@acme.example'));
    const second = await tokensOf(await pulse('token', '--email', 'viewer@acme.example'));
    expect(await pulse('session', 'revoke', '--id', String(first))).toEqual({
      code: 0,
      out: 'revoked 1 session',
      err: '',
    });
    expect(await sessionActive(first)).toBe(false);
    expect(await sessionActive(second)).toBe(true);
    expect(await pulse('session', 'revoke', '--id', String(first))).toMatchObject({
      code: 1,
      err: 'pulse session revoke: no active session matched (already revoked, or no such session)',
    });
    const byEmail = await pulse('session', 'revoke', '--email', 'viewer@acme.example');
    expect(byEmail.code).toBe(0);
    expect(byEmail.out).toMatch(/^revoked \d+ sessions?$/);
    expect(await sessionActive(second)).toBe(false);
    expect(await pulse('session', 'revoke', '--email', 'nobody@acme.example')).toMatchObject({
      code: 1,
      err: 'pulse session revoke: no user with email nobody@acme.example',
    });
    expect(await pulse('session', 'revoke')).toMatchObject({
      code: 2,
      err: 'pulse session revoke: give --id <n> or --email <email>',
    });
    expect((await pulse('session', 'revoke', '--id', 'x')).code).toBe(2);
  });

  it('token refuses an unknown email', async () => {
    expect(await pulse('token', '--email', 'nobody@acme.example')).toEqual({
      code: 2,
      out: '',
      err: 'pulse: no active user with email nobody@acme.example',
    });
  });

  it('migrate down removes the schema', async () => {
    expect((await pulse('migrate', 'down')).out).toBe(
      `reverted: ${[...MIGRATION_NAMES].reverse().join(', ')}`,
    );
    const tables = await testDb.query(`select 1 from information_schema.tables where table_schema = 'public'
      and table_name <> 'pulse_migrations'`);
    expect(tables).toEqual([]);
  });
});
