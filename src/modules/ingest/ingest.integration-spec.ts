import 'reflect-metadata';

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

import { etlViewerForClient } from '../../cli/etl-account.js';
import { withPgClient } from '../../db/pg-client.js';
import { runImport } from '../../ingest/import-run.js';
import { openSession } from '../users/user-sessions.js';
import { createTestApp } from '../../testing/test-app.js';
import type { GraphQLResult, TestApp } from '../../testing/test-app.js';

const PROJECT = { key: 'ING', name: 'Ingest over GraphQL', projectType: 'software' };
const ISSUES = [
  {
    key: 'ING-2',
    project: 'ING',
    status: '3',
    summary: 'Child first',
    parentKey: 'ING-1',
    created: '2026-11-02T09:00:00.000Z',
    storyPoints: 2,
  },
  { key: 'ING-1', project: 'ING', status: '10004', summary: 'Parent', created: '2026-11-01T08:00:00.000Z' },
  { key: 'ING-3', project: 'NOPE', summary: 'Unknown project' },
  { key: `ING-${'9'.repeat(60)}`, project: 'ING' },
];

const UPSERT_PROJECTS = `mutation ($rows: [ProjectUpsertInput!]!) { upsertProjects(rows: $rows) { inserted updated unchanged rejected rows { index status reason } } }`;
const UPSERT_ISSUES = `mutation ($rows: [IssueUpsertInput!]!) { upsertIssues(rows: $rows) { inserted updated unchanged rejected rows { index status reason } } }`;

describe('IngestResolver (upsert mutations)', () => {
  let app: TestApp;
  let etlToken: string;
  let clients: number[];

  const call = async (
    token: string | null,
    query: string,
    variables: Record<string, unknown>,
  ): Promise<GraphQLResult> => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, ...((await response.json()) as Omit<GraphQLResult, 'status'>) };
  };
  /** The issues of the run as a client sees them, without ids and timestamps. */
  const issuesOf = (clientId: number) =>
    app.testDb.query(
      `select i.key, i.summary, i.story_points, i.created, p.key as project, s.external_id as status, parent.key as parent
       from issues i left join projects p on p.id = i.project_id left join statuses s on s.id = i.status_id
         left join issues parent on parent.id = i.parent_id
       where i.client_id = $1 and i.key like 'ING-%' order by i.key`,
      [clientId],
    );

  beforeAll(async () => {
    app = await createTestApp('ingest_graphql');
    clients = (await app.testDb.query<{ id: number }>('select id from clients order by id')).map(
      (row) => row.id,
    );
    const viewer = await etlViewerForClient(app.ownerDatabase.fork(), 'Globex');
    etlToken = (await openSession(app.ownerDatabase.fork(), app.tokens, viewer!)).token;
  });

  afterAll(async () => {
    await app?.close();
  });

  it('gives the same rows and outcomes as pulse import for the same records', async () => {
    // The CLI path, for Acme.
    const work = mkdtempSync(join(tmpdir(), 'pulse-ingest-gql-'));
    const input = join(work, 'records.ndjson');
    writeFileSync(
      input,
      [{ type: 'project', ...PROJECT }, ...ISSUES.map((issue) => ({ type: 'issue', ...issue }))]
        .map((record) => JSON.stringify(record))
        .join('\n'),
    );
    const rejectsFile = join(work, 'rejects.ndjson');
    const cli = await withPgClient(app.testDb.databaseUrl, (connection) =>
      runImport(connection, {
        inputs: [input],
        clientId: clients[0]!,
        rejectsFile,
        progressStream: { isTTY: false, write: () => true } as unknown as NodeJS.WriteStream,
      }),
    );
    const cliReasons = readFileSync(rejectsFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => (JSON.parse(line) as { reason: string }).reason);

    // The GraphQL path, for Globex (the ETL token's client).
    const projects = await call(etlToken, UPSERT_PROJECTS, { rows: [PROJECT] });
    expect(projects.errors).toBeUndefined();
    expect(projects.data.upsertProjects).toMatchObject({
      inserted: 1,
      updated: 0,
      unchanged: 0,
      rejected: 0,
    });
    const issues = await call(etlToken, UPSERT_ISSUES, { rows: ISSUES });
    expect(issues.errors).toBeUndefined();
    expect(issues.data.upsertIssues).toEqual({
      inserted: 2,
      updated: 0,
      unchanged: 0,
      rejected: 2,
      rows: [
        { index: 0, status: 'INSERTED', reason: null },
        { index: 1, status: 'INSERTED', reason: null },
        { index: 2, status: 'REJECTED', reason: 'unknown project key NOPE' },
        { index: 3, status: 'REJECTED', reason: 'schema: key is longer than 50 characters' },
      ],
    });
    expect(cli).toMatchObject({ inserted: 3, updated: 0, unchanged: 0, rejected: 2 });
    expect(cliReasons.sort()).toEqual([
      'schema: key is longer than 50 characters',
      'unknown project key NOPE',
    ]);
    const viaCli = await issuesOf(clients[0]!);
    expect(viaCli).toHaveLength(2);
    expect(viaCli.find((row) => row.key === 'ING-2')).toMatchObject({
      parent: 'ING-1',
      project: 'ING',
      status: '3',
    });
    expect(await issuesOf(clients[1]!)).toEqual(viaCli);

    const again = await call(etlToken, UPSERT_ISSUES, { rows: ISSUES.slice(0, 2) });
    expect(again.data.upsertIssues).toMatchObject({ inserted: 0, updated: 0, unchanged: 2, rejected: 0 });
  });

  it("fills a project's statuses and links people by email, within the token's client only", async () => {
    const projects = await call(etlToken, UPSERT_PROJECTS, { rows: [{ key: 'LNK', name: 'Links' }] });
    expect(projects.errors).toBeUndefined();
    const statuses = `mutation ($rows: [ProjectStatusUpsertInput!]!) { upsertProjectStatuses(rows: $rows) { inserted updated unchanged rejected rows { index status reason } } }`;
    const rows = [
      { project: 'LNK', status: '3' },
      { project: 'LNK', status: '10004' },
      { project: 'LNK', status: 'nope' },
    ];
    const first = await call(etlToken, statuses, { rows });
    expect(first.errors).toBeUndefined();
    expect(first.data.upsertProjectStatuses).toEqual({
      inserted: 2,
      updated: 0,
      unchanged: 0,
      rejected: 1,
      rows: [
        { index: 0, status: 'INSERTED', reason: null },
        { index: 1, status: 'INSERTED', reason: null },
        { index: 2, status: 'REJECTED', reason: 'unknown status external id nope' },
      ],
    });
    const again = await call(etlToken, statuses, { rows: rows.slice(0, 2) });
    expect(again.data.upsertProjectStatuses).toMatchObject({ inserted: 0, unchanged: 2 });
    expect(
      await app.testDb.query(
        `select s.external_id as status from projects_statuses ps join projects p on p.id = ps.project_id
           join statuses s on s.id = ps.status_id
         where p.client_id = $1 and p.key = 'LNK' and s.client_id = $1 order by 1`,
        [clients[1]!],
      ),
    ).toEqual([{ status: '10004' }, { status: '3' }]);

    const people = await call(etlToken, UPSERT_ISSUES, {
      rows: [
        { key: 'LNK-1', project: 'LNK', assigneeEmail: 'dev01@globex.example' },
        { key: 'LNK-2', project: 'LNK', assigneeEmail: 'dev01@acme.example' },
      ],
    });
    expect(people.data.upsertIssues).toMatchObject({
      inserted: 1,
      rejected: 1,
      rows: [
        { index: 0, status: 'INSERTED', reason: null },
        { index: 1, status: 'REJECTED', reason: 'unknown user email dev01@acme.example' },
      ],
    });
    expect(
      await app.testDb.query(
        `select u.email from issues i join users u on u.id = i.assignee_id where i.client_id = $1 and i.key = 'LNK-1'`,
        [clients[1]!],
      ),
    ).toEqual([{ email: 'dev01@globex.example' }]);
  });

  it('is refused for user and viewer tokens, and the ETL token reads nothing else', async () => {
    for (const role of ['user', 'viewer'] as const) {
      const result = await call(await app.token(role, 1), UPSERT_PROJECTS, { rows: [PROJECT] });
      expect(result.data).toBeNull();
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const anonymous = await call(null, UPSERT_PROJECTS, { rows: [PROJECT] });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const read = await call(etlToken, '{ issues(first: 1) { totalCount } }', {});
    expect(read.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses more than 1,000 rows a call with BAD_USER_INPUT and writes nothing', async () => {
    const rows = Array.from({ length: 1001 }, (_, i) => ({ key: `BIG${i}`, name: `Big ${i}` }));
    const result = await call(etlToken, UPSERT_PROJECTS, { rows });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await app.testDb.query(`select key from projects where key like 'BIG%'`)).toEqual([]);
  });
});
