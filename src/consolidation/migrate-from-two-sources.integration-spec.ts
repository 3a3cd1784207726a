import 'reflect-metadata';

import { randomBytes } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';

import { seedIfEmpty } from '../cli/seed-command.js';
import type { SeedOptions } from '../cli/seed/demo-data.js';
import { loadConfig } from '../config/config.js';
import { openDatabase } from '../db/database.js';
import { entityMetadata } from '../db/entity-metadata.js';
import { migrateUp } from '../db/migration-runner.js';
import { databaseUrlFor, withPgClient } from '../db/pg-client.js';
import { predecessorRowsQuery } from '../db/predecessor/predecessor-rows.js';
import { buildPredecessorDatabase } from '../testing/predecessor-fixture.js';
import { databaseChecksum } from '../testing/database-checksum.js';
import { runPulse } from '../testing/run-pulse.js';
import { createTestDatabase, realDatabaseUrls } from '../testing/test-database.js';
import type { TestDatabase } from '../testing/test-database.js';
import { copyPlans } from './copy-plan.js';
import type { TableCopyPlan } from './copy-plan.js';
import { GATEWAY_ENTITIES } from '../modules/index.js';

jest.setTimeout(300_000);

type Row = Record<string, unknown>;
type IdMap = Map<string, Map<number, number>>;

/** The unified source shares "Acme Corp" and "Globex" and their logins with the target. */
const UNIFIED_RESOLVE = [
  '--rename-client',
  'Acme Corp=Acme Corp (EU)',
  '--rename-client',
  'Globex=Globex (EU)',
  '--rename-email-domain',
  'acme.example=acme-eu.example',
  '--rename-email-domain',
  'globex.example=globex-eu.example',
];
/** The predecessor source has a client called "Globex" and one login the target already has. */
const PREDECESSOR_RESOLVE = [
  '--rename-client',
  'Globex=Globex (legacy)',
  '--rename-email',
  'ADMIN@globex.example=admin@globex-legacy.example',
];

const query = (url: string, sql: string, params: unknown[] = []) =>
  withPgClient(url, async (client) => {
    await client.query(`set timezone = 'UTC'`);
    return (await client.query(sql, params)).rows as Row[];
  });

const labelOf = (url: string) => {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
};

/** Every id-map entry of one source: table -> (legacy id -> new id). */
async function idMap(target: string, sourceUrl: string): Promise<IdMap> {
  const map: IdMap = new Map();
  for (const row of await query(
    target,
    'select table_name, legacy_id, new_id from consolidation_id_map where source = $1',
    [labelOf(sourceUrl)],
  )) {
    const table = String(row.table_name);
    if (!map.has(table)) map.set(table, new Map());
    map.get(table)!.set(Number(row.legacy_id), Number(row.new_id));
  }
  return map;
}

/** The rows of one table of the copied clients, keyed by their key (`id`, or `a/b` for a join table). */
async function rowsOf(url: string, plan: TableCopyPlan): Promise<Map<string, Row>> {
  const rows = await query(url, `select to_jsonb(t) as v from "${plan.table}" t`);
  return new Map(
    rows.map(({ v }) => {
      const values = v as Row;
      return [plan.keyColumns.map((column) => String(values[column])).join('/'), values];
    }),
  );
}

/**
 * Checks that every row of `expectedUrl` (the source, or what its adoption would make of it) is in the
 * target through the id map with equal values: its id and every reference rewritten through the map,
 * the operator's renames applied. Returns how many rows were compared and how many had a new id.
 */
async function expectEveryRowCopied(
  expectedUrl: string,
  target: string,
  map: IdMap,
  rename: (table: string, row: Row) => Row,
): Promise<{ compared: number; remapped: number }> {
  let compared = 0;
  let remapped = 0;
  const through = (table: string, id: unknown) => {
    if (id === null) return null;
    const mapped = map.get(table)?.get(Number(id));
    expect([table, id, mapped === undefined ? 'unmapped' : 'mapped']).toEqual([table, id, 'mapped']);
    return mapped!;
  };
  for (const plan of copyPlans(entityMetadata(GATEWAY_ENTITIES))) {
    const expected = await rowsOf(expectedUrl, plan);
    if (expected.size === 0) continue;
    const actual = await rowsOf(target, plan);
    for (const row of expected.values()) {
      const translated: Row = { ...row };
      for (const reference of plan.references) {
        translated[reference.column] = through(reference.target, row[reference.column]);
      }
      if (plan.keyKind === 'serial') {
        translated.id = through(plan.table, row.id);
        if (translated.id !== row.id) remapped += 1;
      }
      const key = plan.keyColumns.map((column) => String(translated[column])).join('/');
      const copy = actual.get(key);
      if (plan.scope.kind === 'global') {
        // Reference data the target already had is mapped to the target's row: same natural key.
        for (const column of plan.naturalKey) expect(copy?.[column]).toEqual(row[column]);
      } else {
        expect([plan.table, copy]).toEqual([plan.table, rename(plan.table, translated)]);
      }
      compared += 1;
    }
  }
  return { compared, remapped };
}

describe('pulse migrate from: a predecessor database and another installation into one target', () => {
  const databases: TestDatabase[] = [];
  const copies: string[] = [];
  let target: string;
  let unified: TestDatabase;
  let predecessor: TestDatabase;
  /** The predecessor source adopted in place (a copy): what its rows look like in the unified schema. */
  let adoptedPredecessor: string;
  let unifiedBefore: Record<string, string>;
  let predecessorBefore: Record<string, string>;
  let unifiedRun: Awaited<ReturnType<typeof runPulse>>;
  const adminUrl = () => databaseUrlFor(realDatabaseUrls().primary, 'postgres');
  const pulse = (...argv: string[]) =>
    runPulse(argv, loadConfig({ DATABASE_URL: target, LOG_LEVEL: 'silent' }));

  /** Runs every migration (adopting a predecessor database in place) and seeds the demo data if asked. */
  const migrate = async (databaseUrl: string, seed?: Partial<SeedOptions>) => {
    const database = await openDatabase(
      {
        databaseUrl,
        replicaUrls: [],
        embeddedDataDir: 'memory',
        logSql: false,
      },
      { entities: GATEWAY_ENTITIES },
    );
    try {
      await migrateUp(database.orm);
      if (seed) await seedIfEmpty(database.fork(), seed);
    } finally {
      await database.close();
    }
  };
  const seeded = async (label: string, seed: Partial<SeedOptions>) => {
    const testDb = await createTestDatabase(label);
    databases.push(testDb);
    await migrate(testDb.databaseUrl, seed);
    return testDb;
  };

  beforeAll(async () => {
    // The target already holds two clients ("Acme Corp", "Globex") with ids from 1.
    target = (await seeded('two_sources_target', { clients: 2, issuesPerClient: 40, embeddingShare: 0.2 }))
      .databaseUrl;
    // Another installation: the same client names and logins, ids from 1 as well.
    unified = await seeded('two_sources_unified', {
      clients: 2,
      issuesPerClient: 60,
      embeddingShare: 0.2,
      randomSeed: 5,
    });
    // A predecessor database: three clients, one of them called "Globex", one of its admins logging in
    // with an email the target has (in other letter case), ids from 1.
    predecessor = await createTestDatabase('two_sources_predecessor');
    databases.push(predecessor);
    await withPgClient(predecessor.databaseUrl, async (client) => {
      await buildPredecessorDatabase(client, { clients: 3, issuesPerClient: 50 });
      await client.query(`update clients set name = 'Globex' where id = 2`);
      await client.query(`update users set email = 'ADMIN@globex.example' where id = 6`);
      // The fixture also holds rows `pulse validate` reports as errors (a setting type the API cannot
      // parse, pull requests whose repository id names another repository, an issue type level no
      // hierarchy has): the adoption tests show them reported. Repaired here, as an operator would
      // before consolidating, so the consolidated target validates clean.
      await client.query(`update system_settings set setting_type = 'number' where setting_type = 'integer'`);
      await client.query(
        `update pull_requests p set external_repo_id = r.external_id from repositories r
          where r.id = p.repository_id and p.external_repo_id is distinct from r.external_id`,
      );
      await client.query(`update issuetypes set hierarchy_level = 0 where hierarchy_level = 7`);
    });
    const copy = `${predecessor.name}_adopted_${randomBytes(3).toString('hex')}`;
    await withPgClient(adminUrl(), (client) =>
      client.query(`create database "${copy}" template "${predecessor.name}"`),
    );
    copies.push(copy);
    adoptedPredecessor = databaseUrlFor(predecessor.databaseUrl, copy);
    await migrate(adoptedPredecessor);
    unifiedBefore = await databaseChecksum(unified.databaseUrl);
    predecessorBefore = await databaseChecksum(predecessor.databaseUrl);

    unifiedRun = await pulse(
      'migrate',
      'from',
      unified.databaseUrl,
      '--batch-size',
      '50',
      ...UNIFIED_RESOLVE,
    );
  });

  afterAll(async () => {
    await withPgClient(adminUrl(), async (client) => {
      for (const name of copies) await client.query(`drop database if exists "${name}" with (force)`);
    });
    for (const testDb of databases) await testDb.drop();
  });

  it('copies the other installation first, verified and validated', () => {
    expect(unifiedRun.code).toBe(0);
    expect(unifiedRun.out).toMatch(
      /^verification: all \d+ source rows found in the target with equal values$/m,
    );
    expect(unifiedRun.out).toMatch(/^(validate: )?ok: 0 errors, \d+ warnings; \d+ checks in/m);
  });

  it("refuses the predecessor's taken client name and email before writing anything", async () => {
    const before = await databaseChecksum(target);
    const { code, out } = await pulse('migrate', 'from', predecessor.databaseUrl);
    expect(code).toBe(1);
    expect(out).toContain('conflicts: 2; nothing was written');
    expect(out).toContain(
      '  client name taken: "Globex" (source client "Globex"): --rename-client "Globex=NEW NAME" or --skip-client "Globex"',
    );
    expect(out).toContain('  email taken: "ADMIN@globex.example" (source client "Globex"):');
    expect(await databaseChecksum(target)).toEqual(before);
  });

  it('--dry-run on the predecessor reports its rows and the ids taken in the target, and writes nothing', async () => {
    const before = await databaseChecksum(target);
    const { code, out } = await pulse(
      'migrate',
      'from',
      predecessor.databaseUrl,
      '--dry-run',
      ...PREDECESSOR_RESOLVE,
    );
    expect(code).toBe(0);
    expect(out).toContain('conflicts: none');
    // 150 predecessor issues with ids 1..150; the target's 80 + the installation's 120 take all of them.
    expect(out).toMatch(/^issues +150 +0 +150$/m);
    // Nothing in the predecessor feeds the ML tables it never had.
    expect(out).toMatch(/^ml_anomaly_alerts +0 +0 +0$/m);
    expect(await databaseChecksum(target)).toEqual(before);
  });

  describe('the predecessor resolved with renames', () => {
    let run: Awaited<ReturnType<typeof runPulse>>;

    beforeAll(async () => {
      run = await pulse(
        'migrate',
        'from',
        predecessor.databaseUrl,
        '--batch-size',
        '40',
        ...PREDECESSOR_RESOLVE,
      );
    });

    it('copies, verifies and validates the whole target, with exit 0', () => {
      expect(run.code).toBe(0);
      expect(run.out).toMatch(/^verification: all \d+ source rows found in the target with equal values$/m);
      // By-value references that point at nothing (issues' parents, links to repositories never synced)
      // are legitimate and reported as warnings.
      expect(run.out).toMatch(/^(validate: )?ok: 0 errors, \d+ warnings; \d+ checks in/m);
    });

    it('holds every row of the predecessor as its adoption would have made it, through the id map', async () => {
      const renamed = (table: string, row: Row) => {
        if (table === 'clients' && row.name === 'Globex') return { ...row, name: 'Globex (legacy)' };
        if (table === 'users' && row.email === 'ADMIN@globex.example')
          return { ...row, email: 'admin@globex-legacy.example' };
        return row;
      };
      const { compared, remapped } = await expectEveryRowCopied(
        adoptedPredecessor,
        target,
        await idMap(target, predecessor.databaseUrl),
        renamed,
      );
      expect(compared).toBeGreaterThan(1200);
      expect(remapped).toBeGreaterThan(500);
    });

    it('holds every predecessor value of its issues unchanged, timestamps read as UTC', async () => {
      const issues = (await idMap(target, predecessor.databaseUrl)).get('issues')!;
      const sourceRows = await query(predecessor.databaseUrl, predecessorRowsQuery('issues', 'predecessor'));
      const targetRows = new Map(
        (await query(target, predecessorRowsQuery('issues', 'adopted'))).map((row) => [Number(row.id), row]),
      );
      const maps = await idMap(target, predecessor.databaseUrl);
      const through = (table: string, id: unknown) => (id === null ? null : maps.get(table)!.get(Number(id)));
      for (const row of sourceRows) {
        const copy = targetRows.get(issues.get(Number(row.id))!);
        expect(copy).toEqual({
          ...row,
          id: issues.get(Number(row.id)),
          client_id: through('clients', row.client_id),
          project_id: through('projects', row.project_id),
          status_id: through('statuses', row.status_id),
          issuetype_id: through('issuetypes', row.issuetype_id),
          integration_id: through('integrations', row.integration_id),
        });
      }
      expect(sourceRows).toHaveLength(150);
    });

    it("remaps an issue's project, changelogs, links and pull requests, and keeps by-value parents resolving", async () => {
      const maps = await idMap(target, predecessor.databaseUrl);
      const issues = maps.get('issues')!;
      const [moved] = [...issues].filter(([legacy, id]) => legacy !== id);
      const [legacyIssue, newIssue] = moved!;
      const counts = async (url: string, issueId: number) =>
        (
          await query(
            url,
            `select (select count(*)::int from issue_changelogs where issue_id = $1) as changelogs,
                    (select count(*)::int from jira_pull_request_links where issue_id = $1) as links,
                    (select count(*)::int from pull_requests where issue_id = $1) as pull_requests,
                    (select project_id from issues where id = $1) as project_id`,
            [issueId],
          )
        )[0]!;
      const before = await counts(predecessor.databaseUrl, legacyIssue);
      const after = await counts(target, newIssue);
      expect(after).toEqual({ ...before, project_id: maps.get('projects')!.get(Number(before.project_id)) });
      expect(Number(before.changelogs) + Number(before.links) + Number(before.pull_requests)).toBeGreaterThan(
        0,
      );

      // parent_external_id holds Jira's id, which does not change: it resolves in the same client as before.
      const resolving = `select i.id, p.id as parent from issues i join issues p
                           on p.client_id = i.client_id and p.external_id = i.parent_external_id order by i.id`;
      const sourceParents = await query(predecessor.databaseUrl, resolving);
      const targetParents = new Map(
        (await query(target, resolving)).map((row) => [Number(row.id), Number(row.parent)]),
      );
      for (const row of sourceParents)
        expect(targetParents.get(issues.get(Number(row.id))!)).toBe(issues.get(Number(row.parent)));
    });

    it("copies none of the predecessor's own tables", async () => {
      const [row] = await query(
        target,
        `select to_regclass('job_schedules') is null and to_regclass('client_color_settings') is null and
                to_regclass('migration_history') is null and to_regclass('ai_predictions') is null as none,
                (select count(*)::int from consolidation_id_map where table_name not in (select tablename from pg_tables)) as stray`,
      );
      expect(row).toEqual({ none: true, stray: 0 });
    });

    it("still holds every row of the other installation, and the target's own clients as they were", async () => {
      const renamed = (table: string, row: Row) => {
        if (table === 'clients') return { ...row, name: `${String(row.name)} (EU)` };
        if (table === 'users')
          return { ...row, email: String(row.email).replace(/\.example$/, '-eu.example') };
        return row;
      };
      const { remapped } = await expectEveryRowCopied(
        unified.databaseUrl,
        target,
        await idMap(target, unified.databaseUrl),
        renamed,
      );
      expect(remapped).toBeGreaterThan(100);
      const names = (await query(target, 'select name from clients order by id')).map((row) => row.name);
      expect(names.slice(0, 4)).toEqual(['Acme Corp', 'Globex', 'Acme Corp (EU)', 'Globex (EU)']);
      expect(names).toContain('Globex (legacy)');
      expect(names).toContain('Acme Ünïcødé 株式会社');
    });

    it('copies nothing twice when the predecessor is consolidated again', async () => {
      const again = await pulse('migrate', 'from', predecessor.databaseUrl, ...PREDECESSOR_RESOLVE);
      expect(again.code).toBe(0);
      expect(again.out).toMatch(/run \d+: 0 read, 0 written/);
    });
  });

  it('refuses, with exit 2, a predecessor database with a column the adapter does not know', async () => {
    // Copying it would silently drop that column's values.
    const altered = `${predecessor.name}_altered_${randomBytes(3).toString('hex')}`;
    await withPgClient(adminUrl(), (client) =>
      client.query(`create database "${altered}" template "${predecessor.name}"`),
    );
    copies.push(altered);
    const alteredUrl = databaseUrlFor(predecessor.databaseUrl, altered);
    await query(alteredUrl, 'alter table issues add column triage_notes text');
    const before = await databaseChecksum(target);
    const { code, err } = await pulse('migrate', 'from', alteredUrl);
    expect(code).toBe(2);
    expect(err).toBe(
      'pulse migrate from: the source is not a predecessor database as the adapter knows it: issues has unknown columns triage_notes',
    );
    expect(await databaseChecksum(target)).toEqual(before);
  });

  it('leaves both sources byte for byte as they were', async () => {
    expect(await databaseChecksum(unified.databaseUrl)).toEqual(unifiedBefore);
    expect(await databaseChecksum(predecessor.databaseUrl)).toEqual(predecessorBefore);
  });
});
