import 'reflect-metadata';

import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

import { TokenService } from '../auth/tokens.js';
import { loadConfig } from '../config/config.js';
import type { Config } from '../config/config.js';
import { locatePgTool } from '../db/adoption/database-backup.js';
import { openDatabase } from '../db/database.js';
import { withPgClient } from '../db/pg-client.js';
import {
  PREDECESSOR_CORE_TABLES,
  PREDECESSOR_OPTIONAL_TABLES,
} from '../db/predecessor/predecessor-schema.js';
import { buildGatewaySchema } from '../graphql/build-schema.js';
import { createServer } from '../server/create-server.js';
import { MIGRATION_NAMES } from '../testing/schema-tables.js';
import { buildPredecessorDatabase, predecessorChecksums } from '../testing/predecessor-fixture.js';
import { createTestDatabase } from '../testing/test-database.js';
import type { TestDatabase } from '../testing/test-database.js';
import { openSession } from '../modules/users/user-sessions.js';
import { viewerForEmail } from './demo-tokens.js';
import { runPulse } from '../testing/run-pulse.js';
import { GATEWAY_ENTITIES, GATEWAY_MODULES } from '../modules/index.js';

const TABLES = [...PREDECESSOR_CORE_TABLES, ...PREDECESSOR_OPTIONAL_TABLES];
const SECRET = 'd'.repeat(40);

describe('pulse migrate on a predecessor database (plan, backup, up, status, down, the API)', () => {
  let testDb: TestDatabase;
  let restored: TestDatabase;
  let config: Config;
  let folder: string;
  let before: Awaited<ReturnType<typeof predecessorChecksums>>;

  const pulse = async (...argv: string[]) => {
    return runPulse(argv, config);
  };
  const checksums = (url: string, state: 'predecessor' | 'adopted') =>
    withPgClient(url, (client) => predecessorChecksums(client, state, TABLES));

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'pulse-adoption-'));
    testDb = await createTestDatabase('cli_adopt');
    restored = await createTestDatabase('cli_adopt_restored');
    await withPgClient(testDb.databaseUrl, (client) =>
      buildPredecessorDatabase(client, { clients: 2, issuesPerClient: 150 }),
    );
    before = await checksums(testDb.databaseUrl, 'predecessor');
    config = loadConfig({
      DATABASE_URL: testDb.databaseUrl,
      DATABASE_REPLICA_URLS: testDb.replicaUrls.join(','),
      JWT_SECRET: SECRET,
      LOG_LEVEL: 'silent',
    });
  });

  afterAll(async () => {
    rmSync(folder, { recursive: true, force: true });
    await testDb?.drop();
    await restored?.drop();
  });

  it('status says it is a predecessor database with the initial migration pending, exit code 1', async () => {
    const status = await pulse('migrate', 'status');
    expect(status.code).toBe(1);
    expect(status.out).toMatch(/^predecessor database, not adopted yet/);
    expect(status.out).toMatch(/pending {2}20261122000000-initial-schema/);
  });

  it('plan --json lists the adoption statements with row counts and changes nothing', async () => {
    const plan = await pulse('migrate', 'plan', '--json');
    expect(plan.code).toBe(0);
    const parsed = JSON.parse(plan.out) as {
      shape: string;
      migrations: { name: string; adopted: boolean; statements: { sql: string; rows: number | null }[] }[];
      violations: unknown[];
    };
    expect(parsed.shape).toBe('predecessor');
    expect(parsed.violations).toEqual([]);
    expect(parsed.migrations[0]).toMatchObject({ name: '20261122000000-initial-schema', adopted: true });
    const issues = parsed.migrations[0]!.statements.find((statement) =>
      statement.sql.startsWith('alter table "issues" '),
    );
    expect(issues?.sql).toContain(
      `alter column "created_at" type timestamp with time zone using "created_at" at time zone 'UTC'`,
    );
    expect(issues?.rows).toBe(300);
    const text = await pulse('migrate', 'plan');
    expect(text.out).toMatch(/^-- database: predecessor schema, adopted in place by up/);
    expect(text.out).toContain(
      'create index "idx_issues_embedding_hnsw" on "issues" using hnsw ("embedding" vector_cosine_ops);',
    );
    expect(await checksums(testDb.databaseUrl, 'predecessor')).toEqual(before);
    const bookkeeping = await testDb.query(`select to_regclass('pulse_migrations') as found`);
    expect(bookkeeping).toEqual([{ found: null }]);
  });

  it("finds the PostgreSQL client tools on PATH or in Debian's versioned folders, and reports their absence", () => {
    expect(locatePgTool('pg_dump')).toMatch(/pg_dump$/);
    expect(locatePgTool('pg_dump', '/nonexistent', '/nonexistent')).toBeNull();
  });

  it('up --backup takes a verified dump first, then adopts; the dump restores with equal checksums', async () => {
    const file = join(folder, 'before-adoption.dump');
    const up = await pulse('migrate', 'up', '--backup', file);
    // The adopted data is validated at once. The fixture's rows hold three kinds of integrity error
    // (a setting type the API cannot parse, pull requests whose repository id names another repository,
    // an issue type level no hierarchy has): reported, and the command still succeeds, the adoption
    // being committed. `pulse validate` finds the same.
    expect(up.err).toMatch(
      /^pulse: the adopted data has 3 integrity errors \(listed above\), already in the predecessor rows; the adoption stays committed\./,
    );
    expect(up.code).toBe(0);
    const findings = (text: string) => text.split('\n').filter((line) => /^ {2}(error|warning) /.test(line));
    const errorTables = (text: string) =>
      findings(text)
        .filter((line) => line.startsWith('  error'))
        .map((line) => line.split(':')[0]!.trim())
        .sort();
    expect(errorTables(up.out)).toEqual([
      'error   issuetypes',
      'error   pull_requests',
      'error   system_settings',
    ]);
    const validate = await pulse('validate');
    expect(validate.code).toBe(1);
    expect(findings(up.out)).toEqual(findings(validate.out));
    expect(up.out).toMatch(
      /^backup: .*before-adoption\.dump \(\d+ bytes, \d+ entries, read back with pg_restore --list\)/,
    );
    expect(up.out).toMatch(/adopted the predecessor database in place as 20261122000000-initial-schema/);
    expect(existsSync(file)).toBe(true);
    await promisify(execFile)(locatePgTool('pg_restore')!, [
      '--no-owner',
      `--dbname=${restored.databaseUrl}`,
      file,
    ]);
    expect(await checksums(restored.databaseUrl, 'predecessor')).toEqual(before);
    expect(await checksums(testDb.databaseUrl, 'adopted')).toEqual(before);
  });

  it('status reports the adoption and exits 0; up again says there is nothing to do', async () => {
    const status = await pulse('migrate', 'status');
    expect(status.code).toBe(0);
    expect(status.out).toMatch(/^adopted {2}\d{4}-\d\d-\d\dT.* from predecessor backend-service schema/);
    expect((await pulse('migrate', 'up')).out).toBe('database is up to date; nothing to apply');
  });

  it('the gateway serves the adopted rows to the predecessor users, tenant-scoped', async () => {
    const database = await openDatabase(
      { ...config, embeddedDataDir: 'memory', logSql: false },
      { entities: GATEWAY_ENTITIES },
    );
    const tokens = await TokenService.fromConfig(config.jwt, null);
    const server = await createServer({
      config: { logLevel: 'silent' },
      database,
      tokens,
      schema: (await buildGatewaySchema(GATEWAY_MODULES)).schema,
    });
    try {
      const url = await server.app.listen({ host: '127.0.0.1', port: 0 });
      await testDb.waitForReplica();
      await database.router.refresh();
      const openedSessions: number[] = [];
      const ask = async (email: string, query: string) => {
        // Each token opens a session; the test removes them afterwards, so the predecessor's rows
        // compare equal after `down`.
        const { token, sessionId } = await openSession(
          database.fork(),
          tokens,
          await viewerForEmail(database.fork(), email),
        );
        openedSessions.push(sessionId);
        const response = await fetch(`${url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query }),
        });
        return (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
      };
      const query = `{ issues(first: 3, orderBy: [{ field: ID, direction: ASC }]) { totalCount nodes { id key summary created } }
                       issueByKey(key: "P2X2-1") { id } learningMemories(first: 1) { totalCount } }`;
      const first = await ask('admin@client1.example', query);
      expect(first.errors).toBeUndefined();
      const rows = await testDb.query<{ id: number; key: string; summary: string | null; created: Date }>(
        `select id, key, summary, created from issues where client_id = 1 order by id limit 3`,
      );
      expect(first.data).toEqual({
        issues: {
          totalCount: 150,
          nodes: rows.map((row) => ({
            id: row.id,
            key: row.key,
            summary: row.summary,
            created: new Date(row.created).toISOString(),
          })),
        },
        issueByKey: null,
        learningMemories: { totalCount: 20 },
      });
      const second = await ask('admin@client2.example', `{ issueByKey(key: "P2X2-1") { id client { id } } }`);
      expect(second).toEqual({ data: { issueByKey: { id: 151, client: { id: 2 } } } });
      await testDb.query('delete from user_sessions where id = any($1::int[])', [openedSessions]);
    } finally {
      await server.app.close();
      await database.close();
    }
  });

  it('down returns the predecessor shape with every row; up adopts it again', async () => {
    const down = await pulse('migrate', 'down');
    expect(down.out).toBe(`reverted: ${[...MIGRATION_NAMES].reverse().join(', ')}`);
    expect(await checksums(testDb.databaseUrl, 'predecessor')).toEqual(before);
    expect((await pulse('migrate', 'status')).code).toBe(1);
    expect((await pulse('migrate', 'up')).code).toBe(0);
    expect(await checksums(testDb.databaseUrl, 'adopted')).toEqual(before);
  });
});
