import 'reflect-metadata';

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

import { loadConfig } from '../config/config.js';
import type { Config } from '../config/config.js';
import { openDatabase } from '../db/database.js';
import { createTestDatabase } from '../testing/test-database.js';
import type { TestDatabase } from '../testing/test-database.js';
import { runPulse } from '../testing/run-pulse.js';
import { GATEWAY_ENTITIES } from '../modules/index.js';

const SECRET = 'g'.repeat(40);

/** Runs one command in non-terminal mode (progress as plain lines) and returns what it printed. */
async function pulse(config: Config, ...argv: string[]) {
  return runPulse(argv, config, { terminal: false });
}

describe('pulse CLI guidance', () => {
  describe('a wrong DATABASE_URL is named, with what is wrong and no password', () => {
    const withUrl = (url: string) =>
      loadConfig({ DATABASE_URL: url, JWT_SECRET: SECRET, LOG_LEVEL: 'silent' });

    it('nothing listening', async () => {
      const { code, err } = await pulse(
        withUrl('postgresql://pulse:hunter2@127.0.0.1:1/pulse'),
        'migrate',
        'status',
      );
      expect(code).toBe(1);
      expect(err).toBe(
        'pulse: cannot connect to DATABASE_URL (postgresql://pulse:***@127.0.0.1:1/pulse): nothing listens there ' +
          '(is PostgreSQL running? `npm run db:up` starts a local one)',
      );
    });

    it('no database name, not a URL, another scheme', async () => {
      expect((await pulse(withUrl('postgresql://localhost'), 'migrate', 'status')).err).toBe(
        'pulse: DATABASE_URL names no database: add it after the host, as in postgresql://localhost/pulse',
      );
      expect((await pulse(withUrl('localhost:5432'), 'seed')).err).toMatch(
        /^pulse: DATABASE_URL must start with postgresql:\/\//,
      );
      expect((await pulse(withUrl('not a url'), 'seed')).err).toMatch(
        /^pulse: DATABASE_URL is not a URL; expected postgresql:\/\/USER/,
      );
    });

    it('a database that does not exist', async () => {
      const { primary } = { primary: process.env.DATABASE_URL! };
      const missing = new URL(primary);
      missing.pathname = '/pulse_no_such_database';
      const { code, err } = await pulse(withUrl(missing.toString()), 'migrate', 'status');
      expect(code).toBe(1);
      expect(err).toMatch(
        /^pulse: cannot connect to DATABASE_URL \(.*\/pulse_no_such_database\): the database does not exist/,
      );
    });
  });

  describe('on a database without the schema', () => {
    let testDb: TestDatabase;
    let config: Config;
    beforeAll(async () => {
      testDb = await createTestDatabase('cli_guidance');
      config = loadConfig({ DATABASE_URL: testDb.databaseUrl, JWT_SECRET: SECRET, LOG_LEVEL: 'silent' });
    });
    afterAll(async () => {
      await testDb?.drop();
    });

    it('seed and token say to run `npx pulse migrate up`', async () => {
      const seed = await pulse(config, 'seed');
      expect(seed.code).toBe(1);
      expect(seed.err).toContain(
        'pulse: the database has no pulse schema yet (relation "clients" does not exist)',
      );
      expect(seed.err).toContain('run `npx pulse migrate up` first');
      const token = await pulse(config, 'token', '--email', 'admin@acme.example');
      expect(token.code).toBe(1);
      expect(token.err).toMatch(/run `npx pulse migrate up` first$/);
    });

    it('seed reports its progress, one line a step, when stderr is not a terminal', async () => {
      expect((await pulse(config, 'migrate', 'up')).code).toBe(0);
      const { code, out, err } = await pulse(
        config,
        'seed',
        '--clients',
        '2',
        '--issues-per-client',
        '20',
        '--embedding-share',
        '0',
      );
      expect(code).toBe(0);
      const lines = err.split('\n');
      expect(lines[0]).toBe('seed: 0/11 (0%) DORA reference data');
      expect(lines).toHaveLength(12);
      expect(lines[1]).toMatch(/^seed: 1\/11 \(9%\) client 1\/2: users and settings \[\d+\.\d s\]$/);
      expect(lines).toContainEqual(expect.stringMatching(/^seed: 8\/11 \(72%\) client 2\/2: 20 issues \[/));
      expect(lines[11]).toMatch(/^seed: 11\/11 \(100%\) done \[\d+\.\d s\]$/);
      // stdout stays the result: rows per table.
      expect(out).toMatch(/^issues\s+40$/m);
    });
  });

  describe('the embedded database', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pulse-lock-'));
    const config = loadConfig({ EMBEDDED_DB_DIR: dataDir, LOG_LEVEL: 'silent' });
    afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

    it('is opened by one process at a time: a second one gets a clear message, then works once it is free', async () => {
      const holder = await openDatabase(config, { entities: GATEWAY_ENTITIES });
      try {
        const { code, err } = await pulse(config, 'migrate', 'status');
        expect(code).toBe(1);
        expect(err).toBe(
          `pulse: the embedded database in ${dataDir} is in use by another process (a running \`npm start\`?). ` +
            'Stop that process first, or run against PostgreSQL with DATABASE_URL.',
        );
      } finally {
        await holder.close();
      }
      const after = await pulse(config, 'migrate', 'status');
      // It opens now; exit code 1 is status's own answer for a database with pending migrations.
      expect(after.err).toBe('');
      expect(after.code).toBe(1);
      expect(after.out).toContain('pending  20261122000000-initial-schema');
    }, 120_000);
  });
});
