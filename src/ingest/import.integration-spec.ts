import 'reflect-metadata';

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';

import { seedIfEmpty } from '../cli/seed-command.js';
import { loadConfig } from '../config/config.js';
import type { Config } from '../config/config.js';
import { migrateUp } from '../db/migration-runner.js';
import { createTestDatabase, openOnPrimary } from '../testing/test-database.js';
import type { TestDatabase } from '../testing/test-database.js';
import { runImport } from './import-run.js';
import { runPulse } from '../testing/run-pulse.js';

const EXAMPLES = join(process.cwd(), 'examples', 'import');
const embedding = (seed: number) => Array.from({ length: 1536 }, (_, i) => ((i * 7 + seed) % 13) / 13 - 0.4);

describe('pulse import (real PostgreSQL)', () => {
  let testDb: TestDatabase;
  let config: Config;
  let acme: number;
  let globex: number;
  const work = mkdtempSync(join(tmpdir(), 'pulse-import-spec-'));

  const pulse = async (...argv: string[]) => {
    return runPulse(argv, config);
  };
  const file = (name: string, records: unknown[]) => {
    const path = join(work, name);
    writeFileSync(
      path,
      records.map((record) => (typeof record === 'string' ? record : JSON.stringify(record))).join('\n') +
        '\n',
    );
    return path;
  };
  const rejects = (path: string) =>
    readFileSync(path, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { line: number; reason: string; type: string | null });
  /** Every imported row of the sample, with its timestamps, as text: equal snapshots mean nothing moved. */
  const sampleSnapshot = async () =>
    testDb.query(
      `select 'issue' as t, key as k, summary as v, parent_id::text as p, last_updated_at::text as u from issues where client_id = $1 and key like 'ETL-%'
       union all select 'project', key, name, null, last_updated_at::text from projects where client_id = $1 and key = 'ETL'
       union all select 'changelog', external_id, changed_by, issue_id::text, last_updated_at::text from issue_changelogs where client_id = $1 and external_id like '9000%'
       union all select 'pr', number::text, name, issue_id::text, last_updated_at::text from pull_requests where client_id = $1 and url like '%etl-pipeline%'
       union all select 'review', external_id, body, null, last_updated_at::text from pull_request_reviews where client_id = $1 and external_id = 'rv-1'
       union all select 'link', repo_full_name, pr_status, issue_id::text, last_updated_at::text from jira_pull_request_links where client_id = $1 and repo_full_name = 'acme/etl-pipeline'
       order by 1, 2`,
      [acme],
    );

  beforeAll(async () => {
    testDb = await createTestDatabase('import');
    config = loadConfig({
      DATABASE_URL: testDb.databaseUrl,
      JWT_SECRET: 'i'.repeat(40),
      LOG_LEVEL: 'silent',
    });
    const database = await openOnPrimary(testDb);
    try {
      await migrateUp(database.orm);
      await seedIfEmpty(database.fork(), { clients: 2, issuesPerClient: 40, embeddingShare: 0 });
    } finally {
      await database.close();
    }
    const clients = await testDb.query<{ id: number; name: string }>(
      'select id, name from clients order by id',
    );
    acme = clients[0]!.id;
    globex = clients[1]!.id;
  });

  afterAll(async () => {
    await testDb?.drop();
  });

  it('imports the sample set into the demo database, linking records that came before their references', async () => {
    const rejectsFile = join(work, 'sample.rejects.ndjson');
    const result = await pulse('import', EXAMPLES, '--client', 'Acme Corp', '--rejects', rejectsFile);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toContain('total                  25 inserted, 0 updated, 0 unchanged, 0 rejected');
    expect(rejects(rejectsFile)).toEqual([]);
    const [child] = await testDb.query<{ parent: string; project: string; status: string }>(
      `select p.key as parent, pr.key as project, s.original_name as status from issues i
         join issues p on p.id = i.parent_id join projects pr on pr.id = i.project_id join statuses s on s.id = i.status_id
       where i.client_id = $1 and i.key = 'ETL-2'`,
      [acme],
    );
    expect(child).toEqual({ parent: 'ETL-1', project: 'ETL', status: 'In Progress' });
    const [pr] = await testDb.query<{ issue: string; repo: string; reviews: string }>(
      `select i.key as issue, r.full_name as repo, (select count(*) from pull_request_reviews v where v.pull_request_id = p.id)::text as reviews
       from pull_requests p join repositories r on r.id = p.repository_id join issues i on i.id = p.issue_id
       where p.client_id = $1 and p.number = 7 and r.full_name = 'acme/etl-pipeline'`,
      [acme],
    );
    expect(pr).toEqual({ issue: 'ETL-2', repo: 'acme/etl-pipeline', reviews: '1' });
    const [people] = await testDb.query<{ assignee: string; reporter: string }>(
      `select a.email as assignee, r.email as reporter from issues i
         join users a on a.id = i.assignee_id join users r on r.id = i.reporter_id
       where i.client_id = $1 and i.key = 'ETL-2'`,
      [acme],
    );
    expect(people).toEqual({ assignee: 'dev01@acme.example', reporter: 'user@acme.example' });
    // The project's statuses and issue types, and the setup chain workflow -> mapping -> status and
    // hierarchy level -> mapping -> issue type, all by natural key.
    const uses = await testDb.query<{ kind: string; id: string }>(
      `select 'status' as kind, s.external_id as id from projects_statuses ps
         join projects p on p.id = ps.project_id join statuses s on s.id = ps.status_id
       where p.client_id = $1 and p.key = 'ETL'
       union all
       select 'issuetype', t.external_id from projects_issuetypes pt
         join projects p on p.id = pt.project_id join issuetypes t on t.id = pt.issuetype_id
       where p.client_id = $1 and p.key = 'ETL'
       order by 1, 2`,
      [acme],
    );
    expect(uses).toEqual([
      { kind: 'issuetype', id: '10000' },
      { kind: 'issuetype', id: '10002' },
      { kind: 'issuetype', id: '10003' },
      { kind: 'issuetype', id: '10100' },
      { kind: 'status', id: '10004' },
      { kind: 'status', id: '20100' },
      { kind: 'status', id: '3' },
    ]);
    const [setup] = await testDb.query<{ step: string; level: number }>(
      `select w.step_name as step, h.level_number as level
       from statuses s join status_mappings m on m.id = s.status_mapping_id join workflows w on w.id = m.workflow_id,
            issuetypes t join issuetype_mappings tm on tm.id = t.issuetype_mapping_id
              join issuetype_hierarchies h on h.id = tm.issuetype_hierarchy_id
       where s.client_id = $1 and s.external_id = '20100' and t.client_id = $1 and t.external_id = '10100'`,
      [acme],
    );
    expect(setup).toEqual({ step: 'Blocked', level: 2 });
  });

  it('reads records from standard input with `pulse import -`', async () => {
    const records = [
      { type: 'issue', key: 'STDIN-1', project: 'STDIN', summary: 'piped in' },
      { type: 'project', key: 'STDIN', name: 'Standard input' },
      { type: 'issue', key: 'STDIN-2', project: 'NOPE' },
    ];
    const stdin = Readable.from([records.map((record) => JSON.stringify(record)).join('\n') + '\n']);
    const rejectsFile = join(work, 'stdin.rejects.ndjson');
    const result = await runPulse(
      ['import', '-', '--client', 'Acme Corp', '--rejects', rejectsFile],
      config,
      { terminal: false, stdin },
    );
    expect(result.code).toBe(3);
    expect(result.out).toContain('total                  2 inserted, 0 updated, 0 unchanged, 1 rejected');
    expect(rejects(rejectsFile).map((r) => [r.line, r.reason])).toEqual([[3, 'unknown project key NOPE']]);
    expect(
      await testDb.query(
        `select i.key, p.key as project from issues i join projects p on p.id = i.project_id
         where i.client_id = $1 and i.key like 'STDIN-%'`,
        [acme],
      ),
    ).toEqual([{ key: 'STDIN-1', project: 'STDIN' }]);
  });

  it("links people by their user's email within the client, and rejects an email it does not know", async () => {
    const input = file('people.ndjson', [
      { type: 'issue', key: 'PPL-1', project: 'ETL', assigneeEmail: 'dev02@acme.example' },
      { type: 'issue', key: 'PPL-2', project: 'ETL', assigneeEmail: 'nobody@acme.example' },
      { type: 'issue', key: 'PPL-3', project: 'ETL', reporterEmail: 'user@globex.example' },
      { type: 'projectStatus', project: 'ETL', status: '99999' },
    ]);
    const rejectsFile = join(work, 'people.rejects.ndjson');
    const result = await pulse('import', input, '--client', 'Acme Corp', '--rejects', rejectsFile);
    expect(result.out).toContain('total                  1 inserted, 0 updated, 0 unchanged, 3 rejected');
    expect(
      rejects(rejectsFile)
        .map((r) => [r.line, r.reason])
        .sort(),
    ).toEqual([
      [2, 'unknown user email nobody@acme.example'],
      [3, 'unknown user email user@globex.example'],
      [4, 'unknown status external id 99999'],
    ]);
    expect(
      await testDb.query(
        `select i.key, u.email from issues i join users u on u.id = i.assignee_id
         where i.client_id = $1 and i.key like 'PPL-%'`,
        [acme],
      ),
    ).toEqual([{ key: 'PPL-1', email: 'dev02@acme.example' }]);
  });

  it('changes nothing on a second run: 0 inserted, 0 updated, same values and timestamps', async () => {
    const before = await sampleSnapshot();
    expect(before.length).toBeGreaterThanOrEqual(9);
    const result = await pulse(
      'import',
      EXAMPLES,
      '--client',
      String(acme),
      '--rejects',
      join(work, 'again.ndjson'),
    );
    expect(result.code).toBe(0);
    expect(result.out).toContain('total                  0 inserted, 0 updated, 25 unchanged, 0 rejected');
    expect(await sampleSnapshot()).toEqual(before);
  });

  it('updates exactly the row whose record changed', async () => {
    const before = await sampleSnapshot();
    const lines = readFileSync(join(EXAMPLES, 'jira.ndjson'), 'utf8').split('\n').filter(Boolean);
    const changed = lines.map((line) =>
      line.includes('"key":"ETL-3"')
        ? line.replace('Rejects file misses line numbers', 'Rejects file lists line numbers')
        : line,
    );
    const result = await pulse(
      'import',
      file('changed.ndjson', changed),
      '--client',
      'Acme Corp',
      '--rejects',
      join(work, 'c.ndjson'),
    );
    expect(result.out).toContain('total                  0 inserted, 1 updated, 7 unchanged, 0 rejected');
    const after = await sampleSnapshot();
    const differing = after.filter((row, index) => JSON.stringify(row) !== JSON.stringify(before[index]));
    expect(differing.map((row) => [row.k, row.v])).toEqual([['ETL-3', 'Rejects file lists line numbers']]);
  });

  it('rejects bad records with their line numbers and reasons, writes none of them, and lands the rest', async () => {
    const good = (key: string) => ({ type: 'issue', key, project: 'ETL', summary: `valid ${key}` });
    const input = file('mixed.ndjson', [
      good('ETL-100'),
      { type: 'issue', key: 'ETL-101', project: 'ETL', storyPoints: 'three' },
      { type: 'issue', key: 'ETL-102', project: 'NOPE' },
      { type: 'issue', key: `ETL-${'9'.repeat(60)}`, project: 'ETL' },
      good('ETL-103'),
      { ...good('ETL-104'), embedding: [1, 2, 3] },
      `{"type":"issue","key":"ETL-105","project":"ETL","embedding":[1e999${',0'.repeat(1535)}]}`,
      { ...good('ETL-106'), embedding: new Array(1536).fill(0) },
      'not json',
      { type: 'sprint', key: 'S-1' },
      { ...good('ETL-107'), embedding: embedding(1) },
    ]);
    const rejectsFile = join(work, 'mixed.rejects.ndjson');
    const result = await pulse('import', input, '--client', 'Acme Corp', '--rejects', rejectsFile);
    expect(result.code).toBe(3);
    expect(result.out).toContain('total                  3 inserted, 0 updated, 0 unchanged, 8 rejected');
    const rejected = rejects(rejectsFile).sort((a, b) => a.line - b.line);
    expect(rejected.map((r) => [r.line, r.reason])).toEqual([
      [2, expect.stringMatching(/^schema: storyPoints must be (integer|null)/)],
      [3, 'unknown project key NOPE'],
      [4, 'schema: key is longer than 50 characters'],
      [6, expect.stringMatching(/^(schema: embedding|embedding:)/)],
      [7, expect.stringMatching(/^(schema: embedding|embedding:)/)],
      [8, 'embedding: all numbers are zero (no direction to compare)'],
      [9, 'schema: not valid JSON'],
      [10, 'schema: unknown type "sprint"'],
    ]);
    const keys = await testDb.query<{ key: string; has_embedding: boolean }>(
      `select key, embedding is not null as has_embedding from issues where client_id = $1 and key like 'ETL-1__' order by key`,
      [acme],
    );
    expect(keys).toEqual([
      { key: 'ETL-100', has_embedding: false },
      { key: 'ETL-103', has_embedding: false },
      { key: 'ETL-107', has_embedding: true },
    ]);
  });

  it('keeps a stored embedding when the record leaves it out, and clears it on null', async () => {
    const record = { type: 'issue', key: 'ETL-107', project: 'ETL', summary: 'valid ETL-107' };
    const absent = await pulse(
      'import',
      file('absent.ndjson', [record]),
      '--client',
      'Acme Corp',
      '--rejects',
      join(work, 'x.ndjson'),
    );
    expect(absent.out).toContain('0 inserted, 0 updated, 1 unchanged');
    const stored = await testDb.query<{ present: boolean }>(
      `select embedding is not null as present from issues where client_id = $1 and key = 'ETL-107'`,
      [acme],
    );
    expect(stored).toEqual([{ present: true }]);
    const cleared = await pulse(
      'import',
      file('null.ndjson', [{ ...record, embedding: null }]),
      '--client',
      'Acme Corp',
      '--rejects',
      join(work, 'y.ndjson'),
    );
    expect(cleared.out).toContain('0 inserted, 1 updated, 0 unchanged');
    expect(
      await testDb.query(
        `select embedding is not null as present from issues where client_id = $1 and key = 'ETL-107'`,
        [acme],
      ),
    ).toEqual([{ present: false }]);
  });

  it("never reaches another client's rows by natural key", async () => {
    const acmeBefore = await sampleSnapshot();
    const input = file('globex.ndjson', [
      { type: 'issue', key: 'ETL-1', summary: 'Globex has its own ETL-1' },
      { type: 'issue', key: 'GLX-1', project: 'ETL' },
      {
        type: 'pullRequestReview',
        repository: 'acme/etl-pipeline',
        pullRequestNumber: 7,
        externalId: 'rv-1',
        body: 'hijack',
      },
    ]);
    const rejectsFile = join(work, 'globex.rejects.ndjson');
    const result = await pulse('import', input, '--client', 'Globex', '--rejects', rejectsFile);
    expect(result.out).toContain('1 inserted, 0 updated, 0 unchanged, 2 rejected');
    expect(
      rejects(rejectsFile)
        .map((r) => r.reason)
        .sort(),
    ).toEqual(['unknown project key ETL', 'unknown pull request acme/etl-pipeline#7']);
    expect(await sampleSnapshot()).toEqual(acmeBefore);
    const etl1 = await testDb.query<{ client_id: number; summary: string }>(
      `select client_id, summary from issues where key = 'ETL-1' order by client_id`,
    );
    expect(etl1).toEqual([
      { client_id: acme, summary: 'Load Jira and GitHub data through the gateway' },
      { client_id: globex, summary: 'Globex has its own ETL-1' },
    ]);
  });

  it('validates and resolves everything on --dry-run and writes nothing', async () => {
    const input = file('dry.ndjson', [
      { type: 'issue', key: 'DRY-1', project: 'DRY' },
      { type: 'project', key: 'DRY', name: 'Dry run' },
      { type: 'issue', key: 'DRY-2', project: 'MISSING' },
    ]);
    const rejectsFile = join(work, 'dry.rejects.ndjson');
    const result = await pulse(
      'import',
      input,
      '--client',
      'Acme Corp',
      '--dry-run',
      '--rejects',
      rejectsFile,
    );
    expect(result.out).toContain('dry run, nothing written');
    expect(result.out).toContain('2 inserted, 0 updated, 0 unchanged, 1 rejected');
    expect(rejects(rejectsFile).map((r) => [r.line, r.reason])).toEqual([[3, 'unknown project key MISSING']]);
    expect(
      await testDb.query(
        `select key from projects where key = 'DRY' union all select key from issues where key like 'DRY-%'`,
      ),
    ).toEqual([]);
  });

  it('finishes with the same final state when a killed import is run again', async () => {
    const records = [
      { type: 'project', key: 'KILL', name: 'Killed import' },
      ...Array.from({ length: 3000 }, (_, i) => ({
        type: 'issue',
        key: `KILL-${i + 1}`,
        project: 'KILL',
        summary: `issue ${i + 1}`,
      })),
      ...Array.from({ length: 3000 }, (_, i) => ({
        type: 'issueChangelog',
        issue: `KILL-${i + 1}`,
        externalId: `k${i}`,
        toStatus: '3',
      })),
    ];
    const input = file('kill.ndjson', records);
    const connection = new pg.Client({ connectionString: testDb.databaseUrl });
    await connection.connect();
    const pid = (await connection.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!.pid;
    connection.on('error', () => undefined);
    const killed = runImport(connection, {
      inputs: [input],
      clientId: acme,
      rejectsFile: join(work, 'k.ndjson'),
      batchSize: 200,
    });
    const watcher = (async () => {
      for (;;) {
        const [{ n }] = await testDb.query<{ n: string }>(
          `select count(*)::text as n from issues where key like 'KILL-%'`,
        );
        if (Number(n) >= 400) break;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      await testDb.query('select pg_terminate_backend($1)', [pid]);
    })();
    await expect(killed).rejects.toThrow();
    await watcher;
    await connection.end().catch(() => undefined);
    const partial = await testDb.query<{ n: string }>(
      `select count(*)::text as n from issues where key like 'KILL-%'`,
    );
    expect(Number(partial[0]!.n)).toBeLessThan(3000);
    expect(Number(partial[0]!.n) % 200).toBe(0);

    const result = await pulse(
      'import',
      input,
      '--client',
      'Acme Corp',
      '--rejects',
      join(work, 'k2.ndjson'),
    );
    expect(result.code).toBe(0);
    const [state] = await testDb.query<{ issues: string; changelogs: string; digest: string }>(
      `select (select count(*) from issues where client_id = $1 and key like 'KILL-%')::text as issues,
              (select count(*) from issue_changelogs c join issues i on i.id = c.issue_id where i.key like 'KILL-%')::text as changelogs,
              (select md5(string_agg(key || summary, ',' order by key)) from issues where key like 'KILL-%') as digest`,
      [acme],
    );
    const expectedDigest = await testDb.query<{ digest: string }>(
      `select md5(string_agg(k || s, ',' order by k)) as digest from (select 'KILL-' || g as k, 'issue ' || g as s from generate_series(1, 3000) g) x`,
    );
    expect(state).toEqual({ issues: '3000', changelogs: '3000', digest: expectedDigest[0]!.digest });
  });
});
