import 'reflect-metadata';

import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';

import { seedIfEmpty } from '../cli/seed-command.js';
import type { SeedOptions } from '../cli/seed/demo-data.js';
import { loadConfig } from '../config/config.js';
import { entityMetadata } from '../db/entity-metadata.js';
import { migrateUp } from '../db/migration-runner.js';
import { databaseUrlFor, withPgClient } from '../db/pg-client.js';
import { databaseChecksum } from '../testing/database-checksum.js';
import { GATEWAY_ENTITIES } from '../modules/index.js';
import { createTestDatabase, openOnPrimary, realDatabaseUrls } from '../testing/test-database.js';
import type { TestDatabase } from '../testing/test-database.js';
import { copyPlans } from './copy-plan.js';
import { runPulse } from '../testing/run-pulse.js';

jest.setTimeout(240_000);

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const RESOLVE = [
  '--rename-client',
  'Acme Corp=Acme Corp (EU)',
  '--rename-client',
  'Globex=Globex (EU)',
  '--rename-email-domain',
  'acme.example=acme-eu.example',
  '--rename-email-domain',
  'globex.example=globex-eu.example',
];

type Rows = Record<string, unknown>[];

const query = (url: string, sql: string, params: unknown[] = []) =>
  withPgClient(url, (client) => client.query(sql, params).then((result) => result.rows as Rows));

const checksum = databaseChecksum;

/**
 * The copied rows of a target written in legacy terms: each row's id and references replaced by the
 * source ids they were copied from (through the id map), so two targets that copied the same rows
 * compare equal even when their new ids differ.
 */
async function copiedRowsInLegacyTerms(url: string, source: string): Promise<Record<string, string[]>> {
  const map = await query(
    url,
    'select table_name, legacy_id, new_id from consolidation_id_map where source = $1',
    [source],
  );
  const legacyOf = new Map(
    map.map((row) => [`${String(row.table_name)}:${String(row.new_id)}`, row.legacy_id]),
  );
  const copiedClients = map.filter((row) => row.table_name === 'clients').map((row) => Number(row.new_id));
  const result: Record<string, string[]> = {};
  for (const plan of copyPlans(entityMetadata(GATEWAY_ENTITIES))) {
    if (plan.scope.kind === 'global') continue;
    const where =
      plan.scope.kind === 'self'
        ? `t.id = any($1::int[])`
        : plan.scope.kind === 'own'
          ? `t."${plan.scope.column}" = any($1::int[])`
          : `t."${plan.scope.column}" in (select id from "${plan.scope.target}" where client_id = any($1::int[]))`;
    const rows = await query(url, `select to_jsonb(t) as v from "${plan.table}" t where ${where}`, [
      copiedClients,
    ]);
    result[plan.table] = rows
      .map(({ v }) => {
        const values = { ...(v as Record<string, unknown>) };
        if (plan.keyKind === 'serial')
          values.id = legacyOf.get(`${plan.table}:${String(values.id)}`) ?? 'unmapped';
        for (const reference of plan.references) {
          if (values[reference.column] !== null) {
            values[reference.column] =
              legacyOf.get(`${reference.target}:${String(values[reference.column])}`) ?? 'unmapped';
          }
        }
        return JSON.stringify(values, Object.keys(values).sort());
      })
      .sort();
  }
  return result;
}

describe('pulse migrate from (unified source)', () => {
  const created: TestDatabase[] = [];
  const copies: string[] = [];
  let source: TestDatabase;
  let targetTemplate: TestDatabase;
  let sourceBefore: Record<string, string>;
  const label = () => {
    const parsed = new URL(source.databaseUrl);
    return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
  };
  const adminUrl = () => databaseUrlFor(realDatabaseUrls().primary, 'postgres');

  const seeded = async (name: string, seed: Partial<SeedOptions>) => {
    const testDb = await createTestDatabase(name);
    created.push(testDb);
    const database = await openOnPrimary(testDb);
    try {
      await migrateUp(database.orm);
      await seedIfEmpty(database.fork(), seed);
    } finally {
      await database.close();
    }
    return testDb;
  };

  /** A fresh target: a copy of the seeded target with its existing data. */
  const freshTarget = async () => {
    const name = `${targetTemplate.name}_${randomBytes(3).toString('hex')}`;
    await withPgClient(adminUrl(), (client) =>
      client.query(`create database "${name}" template "${targetTemplate.name}"`),
    );
    copies.push(name);
    return databaseUrlFor(targetTemplate.databaseUrl, name);
  };

  const pulse = async (targetUrl: string, ...argv: string[]) => {
    return runPulse(argv, loadConfig({ DATABASE_URL: targetUrl, LOG_LEVEL: 'silent' }));
  };

  beforeAll(async () => {
    // The killed run is a real process running the compiled CLI.
    execFileSync(process.execPath, [`${ROOT}/node_modules/typescript/bin/tsc`, '-p', 'tsconfig.build.json'], {
      cwd: ROOT,
    });
    // Two installations that both have "Acme Corp" and "Globex" with the same logins, and ids from 1:
    // the target's issues end at 80, the source's go to 200, so some source ids are free and others taken.
    targetTemplate = await seeded('consolidation_target', {
      clients: 2,
      issuesPerClient: 40,
      embeddingShare: 0.2,
    });
    source = await seeded('consolidation_source', {
      clients: 2,
      issuesPerClient: 100,
      embeddingShare: 0.2,
      randomSeed: 11,
    });
    sourceBefore = await checksum(source.databaseUrl);
  });

  afterAll(async () => {
    await withPgClient(adminUrl(), async (client) => {
      for (const name of copies) await client.query(`drop database if exists "${name}" with (force)`);
    });
    for (const testDb of created) await testDb.drop();
  });

  it('refuses the clients and emails the target already has, before writing anything', async () => {
    const target = await freshTarget();
    const before = await checksum(target);
    const { code, out } = await pulse(target, 'migrate', 'from', source.databaseUrl);
    expect(code).toBe(1);
    expect(out).toContain('conflicts: 28; nothing was written');
    expect(out).toContain(
      '  client name taken: "Acme Corp" (source client "Acme Corp"): --rename-client "Acme Corp=NEW NAME" or --skip-client "Acme Corp"',
    );
    expect(out).toContain('  email taken: "admin@globex.example" (source client "Globex"):');
    expect(await checksum(target)).toEqual(before);
  });

  it('--dry-run reports rows per table and id collisions, and writes nothing', async () => {
    const target = await freshTarget();
    const before = await checksum(target);
    const { code, out } = await pulse(target, 'migrate', 'from', source.databaseUrl, '--dry-run', ...RESOLVE);
    expect(code).toBe(0);
    expect(out).toContain('dry run: nothing written');
    expect(out).toContain('conflicts: none');
    // 200 source issues; the target uses ids 1..80, so 80 of them would get a new id.
    expect(out).toMatch(/^issues +200 +0 +80$/m);
    expect(out).toMatch(/^clients +2 +0 +2$/m);
    expect(await checksum(target)).toEqual(before);
  });

  describe('resolved with renames', () => {
    let target: string;
    let result: Awaited<ReturnType<typeof pulse>>;
    const map = async (table: string) =>
      new Map(
        (
          await query(
            target,
            'select legacy_id, new_id from consolidation_id_map where source = $1 and table_name = $2',
            [label(), table],
          )
        ).map((row) => [Number(row.legacy_id), Number(row.new_id)]),
      );

    beforeAll(async () => {
      target = await freshTarget();
      result = await pulse(target, 'migrate', 'from', source.databaseUrl, '--batch-size', '64', ...RESOLVE);
    });

    it('copies, verifies and validates, with exit 0', () => {
      expect(result.code).toBe(0);
      expect(result.out).toMatch(
        /^verification: all \d+ source rows found in the target with equal values$/m,
      );
      expect(result.out).toMatch(/^validate: ok: 0 errors/m);
    });

    it('keeps a source id that is free in the target and gives a taken one a new id', async () => {
      const issues = await map('issues');
      expect(issues.size).toBe(200);
      expect(issues.get(150)).toBe(150);
      expect(issues.get(1)).not.toBe(1);
      const [{ n }] = (await query(target, 'select count(*)::int as n from issues')) as [{ n: number }];
      expect(n).toBe(80 + 200);
    });

    it('finds every source issue with equal values, its project, parent, changelogs, links and pull requests remapped', async () => {
      const [issues, projects, statuses, pullRequests, clients] = await Promise.all(
        ['issues', 'projects', 'statuses', 'pull_requests', 'clients'].map(map),
      );
      const sourceIssues = await query(
        source.databaseUrl,
        'select to_jsonb(i) as v from issues i order by id',
      );
      const targetIssues = new Map(
        (await query(target, 'select to_jsonb(i) as v from issues i')).map(({ v }) => [
          (v as { id: number }).id,
          v as Record<string, unknown>,
        ]),
      );
      const remapped = (id: unknown, ids: Map<number, number>) => (id === null ? null : ids.get(Number(id)));
      for (const { v } of sourceIssues) {
        const issue = v as Record<string, unknown>;
        const copy = targetIssues.get(issues.get(Number(issue.id))!)!;
        expect(copy).toEqual({
          ...issue,
          id: issues.get(Number(issue.id)),
          client_id: remapped(issue.client_id, clients!),
          project_id: remapped(issue.project_id, projects!),
          status_id: remapped(issue.status_id, statuses!),
          parent_id: remapped(issue.parent_id, issues!),
          issuetype_id: copy.issuetype_id,
          assignee_id: copy.assignee_id,
          reporter_id: copy.reporter_id,
          integration_id: copy.integration_id,
        });
      }
      expect(
        sourceIssues.filter(({ v }) => (v as { parent_id: unknown }).parent_id !== null).length,
      ).toBeGreaterThan(10);

      const changelogs = await map('issue_changelogs');
      const byId = async (sql: string) =>
        new Map((await query(target, sql)).map(({ id, ...rest }) => [Number(id), rest]));
      const targetChangelogs = await byId(
        'select id, issue_id, from_status_id, to_status_id from issue_changelogs',
      );
      for (const row of await query(
        source.databaseUrl,
        'select id, issue_id, from_status_id, to_status_id from issue_changelogs',
      )) {
        expect(targetChangelogs.get(changelogs.get(Number(row.id))!)).toEqual({
          issue_id: remapped(row.issue_id, issues!),
          from_status_id: remapped(row.from_status_id, statuses!),
          to_status_id: remapped(row.to_status_id, statuses!),
        });
      }
      expect(changelogs.size).toBeGreaterThan(200);

      const links = await map('jira_pull_request_links');
      const targetLinks = await byId('select id, issue_id from jira_pull_request_links');
      for (const row of await query(source.databaseUrl, 'select id, issue_id from jira_pull_request_links')) {
        expect(targetLinks.get(links.get(Number(row.id))!)).toEqual({
          issue_id: remapped(row.issue_id, issues!),
        });
      }
      const targetPullRequests = await byId('select id, issue_id from pull_requests');
      const sourcePullRequests = await query(source.databaseUrl, 'select id, issue_id from pull_requests');
      for (const row of sourcePullRequests) {
        expect(targetPullRequests.get(pullRequests!.get(Number(row.id))!)).toEqual({
          issue_id: remapped(row.issue_id, issues!),
        });
      }
      expect(sourcePullRequests.filter((row) => row.issue_id !== null).length).toBeGreaterThan(10);
    });

    it("applies the renames and leaves the target's own clients as they were", async () => {
      const names = (await query(target, 'select name from clients order by id')).map((row) => row.name);
      expect(names).toEqual(['Acme Corp', 'Globex', 'Acme Corp (EU)', 'Globex (EU)']);
      const [user] = await query(
        target,
        `select u.email, c.name from users u join clients c on c.id = u.client_id where u.email = 'admin@acme-eu.example'`,
      );
      expect(user).toEqual({ email: 'admin@acme-eu.example', name: 'Acme Corp (EU)' });
    });

    it('records the run with its statistics and verification (migrate history)', async () => {
      const history = await pulse(target, 'migrate', 'history', '--json');
      const runs = JSON.parse(history.out) as {
        status: string;
        verified: boolean;
        validated: boolean;
        rowsWritten: number;
      }[];
      expect(runs).toHaveLength(1);
      expect(runs[0]).toMatchObject({ status: 'completed', verified: true, validated: true });
      const [{ n }] = (await query(
        source.databaseUrl,
        `select (select count(*) from issues) + (select count(*) from issue_changelogs) + (select count(*) from users) as n`,
      )) as [{ n: string }];
      expect(runs[0]!.rowsWritten).toBeGreaterThan(Number(n));
    });

    it('copies nothing twice when run again', async () => {
      const before = await checksum(target);
      const again = await pulse(target, 'migrate', 'from', source.databaseUrl, ...RESOLVE);
      expect(again.code).toBe(0);
      expect(again.out).toMatch(/run \d+: 0 read, 0 written/);
      const after = await checksum(target);
      for (const table of Object.keys(before).filter(
        (name) => !name.startsWith('consolidation_') && name !== 'pulse_migrations',
      )) {
        expect([table, after[table]]).toEqual([table, before[table]]);
      }
    });
  });

  it('resumes a run killed with SIGKILL part-way to the state of an uninterrupted run', async () => {
    const uninterrupted = await freshTarget();
    expect((await pulse(uninterrupted, 'migrate', 'from', source.databaseUrl, ...RESOLVE)).code).toBe(0);
    const expected = await copiedRowsInLegacyTerms(uninterrupted, label());

    const killed = await freshTarget();
    const child = spawn(
      process.execPath,
      [`${ROOT}/bin/pulse.js`, 'migrate', 'from', source.databaseUrl, '--batch-size', '10', ...RESOLVE],
      { env: { ...process.env, DATABASE_URL: killed, DATABASE_OWNER_URL: killed }, stdio: 'ignore' },
    );
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    );
    let mapped = 0;
    while (mapped < 400) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      const rows = await query(killed, 'select count(*)::int as n from consolidation_id_map').catch(() => [
        { n: 0 },
      ]);
      mapped = Number(rows[0]!.n);
    }
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    const [partial] = await query(killed, 'select status from consolidation_runs');
    expect(partial).toEqual({ status: 'running' });
    const [{ n: afterKill }] = (await query(
      killed,
      'select count(*)::int as n from consolidation_id_map',
    )) as [{ n: number }];
    const [{ n: complete }] = (await query(
      uninterrupted,
      'select count(*)::int as n from consolidation_id_map',
    )) as [{ n: number }];
    expect(afterKill).toBeLessThan(complete);

    const resumed = await pulse(killed, 'migrate', 'from', source.databaseUrl, ...RESOLVE);
    expect(resumed.code).toBe(0);
    expect(await copiedRowsInLegacyTerms(killed, label())).toEqual(expected);
    const statuses = (await query(killed, 'select status from consolidation_runs order by id')).map(
      (row) => row.status,
    );
    expect(statuses).toEqual(['interrupted', 'completed']);
  });

  it('refuses a source that is not a Pulse database with exit 2', async () => {
    const target = await freshTarget();
    const { code, err } = await pulse(
      target,
      'migrate',
      'from',
      databaseUrlFor(source.databaseUrl, 'postgres'),
    );
    expect(code).toBe(2);
    expect(err).toBe('pulse migrate from: the source has no Pulse schema (no clients table)');
  });

  it('leaves the source byte for byte as it was', async () => {
    expect(await checksum(source.databaseUrl)).toEqual(sourceBefore);
  });
});
