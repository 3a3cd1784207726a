import 'reflect-metadata';

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

import type { Database } from '../db/database.js';
import { migrateUp } from '../db/migration-runner.js';
import { ALL_TABLES } from '../testing/schema-tables.js';
import { createTestDatabase, openOnPrimary } from '../testing/test-database.js';
import type { TestDatabase } from '../testing/test-database.js';
import { seedIfEmpty } from './seed-command.js';
import { demoUsers } from './seed/demo-data.js';

/** A fingerprint of the generated data, to prove two runs produce the same rows. */
const FINGERPRINT_SQL = `select md5(string_agg(t, '|' order by t)) as hash from (
    select key || summary || coalesce(parent_id::text, '') || coalesce(created::text, '') as t from issues
    union all select number::text || name || status from pull_requests
    union all select email || role from users
    union all select coalesce(embedding::text, '') from issues where embedding is not null
  ) rows`;

describe('demo data (pulse seed)', () => {
  const databases: { testDb: TestDatabase; database: Database }[] = [];

  const seeded = async (label: string) => {
    const testDb = await createTestDatabase(label);
    const database = await openOnPrimary(testDb);
    databases.push({ testDb, database });
    await migrateUp(database.orm);
    const summary = await seedIfEmpty(database.fork());
    return { testDb, database, summary };
  };

  let first: Awaited<ReturnType<typeof seeded>>;

  beforeAll(async () => {
    first = await seeded('seed_a');
  });

  afterAll(async () => {
    for (const { testDb, database } of databases) {
      await database.close();
      await testDb.drop();
    }
  });

  const count = async (sql: string) => Number((await first.testDb.query<{ n: string }>(sql))[0]!.n);

  it('creates at least two clients, each with the documented admin, user and viewer', async () => {
    expect(await count('select count(*) as n from clients')).toBeGreaterThanOrEqual(2);
    const documented = demoUsers(2);
    expect(documented.map((user) => user.role).sort()).toEqual([
      'admin',
      'admin',
      'user',
      'user',
      'viewer',
      'viewer',
    ]);
    for (const user of documented) {
      const rows = await first.testDb.query<{ role: string; client: string }>(
        `select u.role, c.name as client from users u join clients c on c.id = u.client_id where u.email = $1`,
        [user.email],
      );
      expect(rows).toEqual([{ role: user.role, client: user.clientName }]);
    }
  });

  it('creates at least 1,000 issues per client with parents and changelogs', async () => {
    const perClient = await first.testDb.query<{ n: string }>(
      `select count(*) as n from issues group by client_id`,
    );
    expect(perClient.every((row) => Number(row.n) >= 1000)).toBe(true);
    expect(await count('select count(*) as n from issues where parent_id is not null')).toBeGreaterThan(100);
    expect(
      await count(
        `select count(*) as n from issues i join issues p on p.id = i.parent_id where p.client_id <> i.client_id`,
      ),
    ).toBe(0);
    expect(await count('select count(*) as n from issue_changelogs')).toBeGreaterThanOrEqual(2000);
  });

  it('fills every table, the ML tables included', async () => {
    // Every table but clients (counted above).
    const tables = ALL_TABLES.filter((table) => table !== 'clients');
    for (const table of tables)
      expect([table, await count(`select count(*) as n from ${table}`)]).not.toEqual([table, 0]);
  });

  it('links every Jira-PR link to a real pull request of the same client', async () => {
    const orphans = await count(`select count(*) as n from jira_pull_request_links l
      where not exists (select 1 from pull_requests pr join repositories r on r.id = pr.repository_id
        where r.external_id = l.external_repo_id and pr.number = l.pull_request_number and pr.client_id = l.client_id)`);
    expect(orphans).toBe(0);
  });

  it('puts real-looking embeddings on a share of rows: 1536 finite numbers of unit length', async () => {
    const [row] = await first.testDb.query<{ with: string; total: string; dims: number; norm: number }>(
      `select count(embedding) as with, count(*) as total, max(vector_dims(embedding)) as dims,
              max(abs(vector_norm(embedding) - 1)) as norm from issues`,
    );
    const share = Number(row!.with) / Number(row!.total);
    expect(share).toBeGreaterThan(0.02);
    expect(share).toBeLessThan(0.5);
    expect(row!.dims).toBe(1536);
    expect(row!.norm).toBeLessThan(1e-3);
  });

  it('refuses to seed a database that already has clients', async () => {
    expect(await seedIfEmpty(first.database.fork())).toBeNull();
  });

  it('is deterministic: a second database gets the same rows', async () => {
    const second = await seeded('seed_b');
    const [a] = await first.testDb.query<{ hash: string }>(FINGERPRINT_SQL);
    const [b] = await second.testDb.query<{ hash: string }>(FINGERPRINT_SQL);
    expect(b!.hash).toBe(a!.hash);
    expect(second.summary).toEqual(first.summary);
  });
});
