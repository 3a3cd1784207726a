import 'reflect-metadata';

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

import { PREDECESSOR_CORE_TABLES, PREDECESSOR_OPTIONAL_TABLES } from '../predecessor/predecessor-schema.js';
import { buildPredecessorDatabase, predecessorChecksums } from '../../testing/predecessor-fixture.js';
import { createTestDatabase, openOnPrimary } from '../../testing/test-database.js';
import type { TestDatabase } from '../../testing/test-database.js';
import type { Database } from '../database.js';
import {
  migrateDown,
  migrateUp,
  migrateUpReport,
  migrationStatus,
  planMigrations,
} from '../migration-runner.js';
import { withPgClient } from '../pg-client.js';
import { AdoptionRefusedError } from './adoption.js';
import { describeCatalogDifferences, readCatalog } from './catalog.js';
import type { Catalog } from './catalog.js';

const ALL_PREDECESSOR_TABLES = [...PREDECESSOR_CORE_TABLES, ...PREDECESSOR_OPTIONAL_TABLES];
/** The predecessor tables the unified schema does not use: they must stay exactly as they were. */
const UNTOUCHED_TABLES = [
  'job_schedules',
  'client_color_settings',
  'migration_history',
  'ai_predictions',
  'ai_performance_metrics',
];

interface Opened {
  testDb: TestDatabase;
  database: Database;
  close(): Promise<void>;
}

async function open(label: string): Promise<Opened> {
  const testDb = await createTestDatabase(label);
  const database = await openOnPrimary(testDb);
  return {
    testDb,
    database,
    close: async () => {
      await database.close();
      await testDb.drop();
    },
  };
}

const catalogOf = (url: string): Promise<Catalog> => withPgClient(url, (client) => readCatalog(client));
const checksumsOf = (url: string, state: 'predecessor' | 'adopted', tables = ALL_PREDECESSOR_TABLES) =>
  withPgClient(url, (client) => predecessorChecksums(client, state, tables));

describe('adopting a predecessor database in place (real PostgreSQL + pgvector)', () => {
  let fresh: Opened;
  let adopted: Opened;
  let freshCatalog: Catalog;
  let before: Awaited<ReturnType<typeof checksumsOf>>;
  let predecessorCatalog: Catalog;

  beforeAll(async () => {
    fresh = await open('adopt_fresh');
    await migrateUp(fresh.database.orm);
    freshCatalog = await catalogOf(fresh.testDb.databaseUrl);

    adopted = await open('adopt_predecessor');
    await withPgClient(adopted.testDb.databaseUrl, (client) =>
      buildPredecessorDatabase(client, { clients: 3, issuesPerClient: 400 }),
    );
    before = await checksumsOf(adopted.testDb.databaseUrl, 'predecessor');
    predecessorCatalog = await catalogOf(adopted.testDb.databaseUrl);
  });

  afterAll(async () => {
    await fresh?.close();
    await adopted?.close();
  });

  it('builds a predecessor with a few thousand rows across every table', () => {
    const total = Object.values(before).reduce((sum, table) => sum + table.rows, 0);
    expect(total).toBeGreaterThan(5000);
    for (const table of ALL_PREDECESSOR_TABLES) expect(before[table]!.rows).toBeGreaterThan(0);
  });

  it('plans the adoption without changing anything, bookkeeping included', async () => {
    const plan = await planMigrations(adopted.database.orm);
    expect(plan.shape).toBe('predecessor');
    expect(plan.violations).toEqual([]);
    const [initial] = plan.migrations;
    expect(initial!.adopted).toBe(true);
    const sql = initial!.statements.map((statement) => statement.sql);
    expect(sql).toContain('create extension if not exists "vector"');
    expect(sql.filter((statement) => /using hnsw/i.test(statement))).toHaveLength(24);
    const issues = initial!.statements.find((statement) => statement.sql.startsWith('alter table "issues" '));
    expect(issues?.sql).toMatch(
      /alter column "created" type timestamp with time zone using "created" at time zone 'UTC'/,
    );
    expect(issues?.rows).toBe(1200);
    expect(
      describeCatalogDifferences(await catalogOf(adopted.testDb.databaseUrl), predecessorCatalog),
    ).toEqual([]);
    expect(await checksumsOf(adopted.testDb.databaseUrl, 'predecessor')).toEqual(before);
  });

  it('adopts it: the catalog is that of a fresh install, apart from the untouched predecessor tables', async () => {
    const report = await migrateUpReport(adopted.database.orm);
    expect(report.adoption?.violations).toEqual([]);
    const catalog = await catalogOf(adopted.testDb.databaseUrl);
    for (const table of UNTOUCHED_TABLES) {
      expect(catalog.tables[table]).toEqual(predecessorCatalog.tables[table]);
      delete catalog.tables[table];
    }
    expect(describeCatalogDifferences(catalog, freshCatalog)).toEqual([]);
  });

  it('keeps every predecessor row and value (timestamps as the same instant)', async () => {
    expect(await checksumsOf(adopted.testDb.databaseUrl, 'adopted')).toEqual(before);
  });

  it('records the adoption, and a second up does nothing', async () => {
    const status = await migrationStatus(adopted.database.orm);
    expect(status.origin.kind).toBe('adopted');
    expect(status.pending).toEqual([]);
    expect(await migrateUp(adopted.database.orm)).toEqual([]);
    const plan = await planMigrations(adopted.database.orm);
    expect(plan.migrations).toEqual([]);
  });

  it('goes back to the predecessor shape on down, with every row, and adopts again on up', async () => {
    await migrateDown(adopted.database.orm);
    expect(
      describeCatalogDifferences(await catalogOf(adopted.testDb.databaseUrl), predecessorCatalog),
    ).toEqual([]);
    expect(await checksumsOf(adopted.testDb.databaseUrl, 'predecessor')).toEqual(before);
    expect((await migrationStatus(adopted.database.orm)).shape).toBe('predecessor');
    await migrateUp(adopted.database.orm);
    expect(await checksumsOf(adopted.testDb.databaseUrl, 'adopted')).toEqual(before);
  });
});

describe('refusing to adopt a predecessor database whose rows break the unified rules', () => {
  let db: Opened;
  let predecessorCatalog: Catalog;
  let before: Awaited<ReturnType<typeof checksumsOf>>;

  beforeAll(async () => {
    db = await open('adopt_refuse');
    await withPgClient(db.testDb.databaseUrl, async (client) => {
      await buildPredecessorDatabase(client, { clients: 2, issuesPerClient: 60 });
      // One rule of each kind broken (several rows for some).
      await client.query(`update issues set key = null where id in (3, 5)`);
      await client.query(`update issues set priority = repeat('x', 51) where id = 7`);
      await client.query(
        `insert into projects_statuses select project_id, status_id from projects_statuses limit 2`,
      );
      await client.query(`update users set created_at = null where id = 2`);
      // Predecessor databases that never got a constraint (it was added "if missing") can hold what it forbids.
      await client.query(`alter table clients drop constraint clients_color_schema_mode_check`);
      await client.query(`update clients set color_schema_mode = 'fancy' where id = 2`);
      await client.query(`alter table issues drop constraint fk_issues_project_id`);
      await client.query(`update issues set project_id = 999999 where id = 11`);
    });
    before = await checksumsOf(db.testDb.databaseUrl, 'predecessor');
    predecessorCatalog = await catalogOf(db.testDb.databaseUrl);
  });

  afterAll(async () => {
    await db?.close();
  });

  it('lists every violation with table, rule, row count and first ids, and changes nothing', async () => {
    const error = await migrateUp(db.database.orm).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(AdoptionRefusedError);
    const violations = (error as AdoptionRefusedError).violations.map(
      ({ kind, table, subject, rows, firstIds }) => ({
        kind,
        table,
        subject,
        rows,
        firstIds,
      }),
    );
    expect(violations).toEqual(
      expect.arrayContaining([
        { kind: 'null-in-not-null-column', table: 'issues', subject: 'key', rows: 2, firstIds: ['3', '5'] },
        { kind: 'value-too-long', table: 'issues', subject: 'priority', rows: 1, firstIds: ['7'] },
        { kind: 'null-in-not-null-column', table: 'users', subject: 'created_at', rows: 1, firstIds: ['2'] },
        {
          kind: 'check-failed',
          table: 'clients',
          subject: 'ck_clients_color_schema_mode',
          rows: 1,
          firstIds: ['2'],
        },
        {
          kind: 'dangling-reference',
          table: 'issues',
          subject: 'fk_issues_project_id',
          rows: 1,
          firstIds: ['11'],
        },
        expect.objectContaining({ kind: 'duplicate-key', table: 'projects_statuses', rows: 4 }),
      ]),
    );
    expect(violations).toHaveLength(6);
    expect(describeCatalogDifferences(await catalogOf(db.testDb.databaseUrl), predecessorCatalog)).toEqual(
      [],
    );
    expect(await checksumsOf(db.testDb.databaseUrl, 'predecessor')).toEqual(before);
    expect((await migrationStatus(db.database.orm)).shape).toBe('predecessor');
  });

  it('reports the same violations in the plan', async () => {
    const plan = await planMigrations(db.database.orm);
    expect(plan.violations).toHaveLength(6);
  });
});

describe('a statement that fails part-way through the adoption', () => {
  let db: Opened;

  beforeAll(async () => {
    db = await open('adopt_fail');
    await withPgClient(db.testDb.databaseUrl, async (client) => {
      await buildPredecessorDatabase(client, { clients: 1, issuesPerClient: 40 });
      // An operator's reporting view pins the type of issues.created: PostgreSQL refuses to change it.
      await client.query(`create view issue_report as select id, key, created from issues`);
    });
  });

  afterAll(async () => {
    await db?.close();
  });

  it('rolls everything back: the catalog and every row are as they were', async () => {
    const catalog = await catalogOf(db.testDb.databaseUrl);
    const sums = await checksumsOf(db.testDb.databaseUrl, 'predecessor');
    await expect(migrateUp(db.database.orm)).rejects.toThrow(
      /^adoption stopped at `alter table "issues" .*used by a view or rule.*nothing was changed/s,
    );
    expect(describeCatalogDifferences(await catalogOf(db.testDb.databaseUrl), catalog)).toEqual([]);
    expect(await checksumsOf(db.testDb.databaseUrl, 'predecessor')).toEqual(sums);
    expect(await db.testDb.query(`select to_regclass('pulse_migrations') as found`)).toEqual([
      { found: null },
    ]);
  });
});
