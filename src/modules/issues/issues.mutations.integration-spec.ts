import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';

import { createTestApp } from '../../testing/test-app.js';
import { onlyError } from '../../testing/mutation-expectations.js';
import type { TestApp } from '../../testing/test-app.js';

const ISSUE_FIELDS =
  'id key summary storyPoints projectId assigneeId active clientId lastUpdatedAt project { key }';

const CREATE = `mutation ($input: IssueCreateInput!) { createIssue(input: $input) { ${ISSUE_FIELDS} } }`;
const UPDATE = `mutation ($id: Int!, $input: IssueUpdateInput!) { updateIssue(id: $id, input: $input) { ${ISSUE_FIELDS} } }`;
const DELETE = `mutation ($id: Int!) { deleteIssue(id: $id) { ${ISSUE_FIELDS} } }`;

describe('Issue mutations', () => {
  let app: TestApp;
  const acme = { client: 0, integration: 0, project: 0, otherProject: 0, user: 0, issue: 0, issueKey: '' };
  const globex = { client: 0, project: 0, issue: 0, issueKey: '' };

  const issueRows = (clientId: number) =>
    app.testDb
      .query<{ n: number }>('select count(*)::int as n from issues where client_id = $1', [clientId])
      .then((r) => r[0]!.n);
  const issueRow = (id: number) =>
    app.testDb
      .query('select * from issues where id = $1', [id])
      .then((rows) => rows[0] as Record<string, unknown>);

  beforeAll(async () => {
    app = await createTestApp('issue_mutations');
    acme.client = (await app.viewer('user', 0)).clientId;
    acme.user = (await app.viewer('user', 0)).userId;
    globex.client = (await app.viewer('user', 1)).clientId;
    const first = <T>(rows: T[]) => rows[0]!;
    acme.integration = first(
      await app.testDb.query<{ id: number }>(
        'select id from integrations where client_id = $1 order by id limit 1',
        [acme.client],
      ),
    ).id;
    const acmeProjects = await app.testDb.query<{ id: number }>(
      'select id from projects where client_id = $1 order by id',
      [acme.client],
    );
    acme.project = acmeProjects[0]!.id;
    acme.otherProject = acmeProjects[1]!.id;
    globex.project = first(
      await app.testDb.query<{ id: number }>(
        'select id from projects where client_id = $1 order by id limit 1',
        [globex.client],
      ),
    ).id;
    const acmeIssue = first(
      await app.testDb.query<{ id: number; key: string }>(
        // One with an embedding: an update must leave the lazy column alone.
        'select id, key from issues where client_id = $1 and embedding is not null order by id limit 1',
        [acme.client],
      ),
    );
    Object.assign(acme, { issue: acmeIssue.id, issueKey: acmeIssue.key });
    const globexIssue = first(
      await app.testDb.query<{ id: number; key: string }>(
        'select id, key from issues where client_id = $1 order by id limit 1',
        [globex.client],
      ),
    );
    Object.assign(globex, { issue: globexIssue.id, issueKey: globexIssue.key });
  });

  afterAll(async () => {
    await app?.close();
  });

  describe('createIssue', () => {
    it("creates the issue in the caller's client and returns it with its relations", async () => {
      const before = await issueRows(acme.client);
      const input = {
        key: 'MUT-1',
        summary: 'Written through the API',
        storyPoints: 3,
        projectId: acme.project,
        integrationId: acme.integration,
      };
      const { data, errors } = await app.graphql(CREATE, { as: 'user', variables: { input } });

      expect(errors).toBeUndefined();
      const created = data.createIssue;
      expect(created).toMatchObject({
        key: 'MUT-1',
        summary: 'Written through the API',
        storyPoints: 3,
        projectId: acme.project,
        active: true,
        clientId: acme.client,
      });
      expect(created.project.key).toEqual(expect.any(String));
      expect(await issueRows(acme.client)).toBe(before + 1);
      expect(await issueRow(created.id)).toMatchObject({
        client_id: acme.client,
        key: 'MUT-1',
        project_id: acme.project,
        story_points: 3,
      });
    });

    it('runs every statement on the primary, in one transaction, and reads the row back there', async () => {
      const input = { key: 'MUT-SQL', summary: 'routing', integrationId: acme.integration };
      const { result, queries } = await app.statementsOf(
        `mutation ($input: IssueCreateInput!) { createIssue(input: $input) { id key } }`,
        {
          as: 'user',
          variables: { input },
        },
      );

      expect(result.errors).toBeUndefined();
      expect(queries.length).toBeGreaterThan(0);
      expect(queries.filter((q) => q.connectionType !== 'write')).toEqual([]);
      const sql = queries.map((q) => q.sql.toLowerCase());
      const begin = sql.findIndex((s) => s.startsWith('begin'));
      const insert = sql.findIndex((s) => s.startsWith('insert into "issues"'));
      const commit = sql.findIndex((s) => s.startsWith('commit'));
      const readBack = sql.findIndex(
        (s, i) => i > commit && s.startsWith('select') && s.includes('from "issues"'),
      );
      expect([begin, insert, commit, readBack].every((i) => i >= 0)).toBe(true);
      expect(begin).toBeLessThan(insert);
      expect(insert).toBeLessThan(commit);
      expect(commit).toBeLessThan(readBack);
    });

    it('tells the read router about the write once it is committed, and only then', async () => {
      const router = app.database.router;
      const original = router.noteWrite.bind(router);
      const lastStatementAtNote: string[] = [];
      const noteWrite = jest.spyOn(router, 'noteWrite').mockImplementation((viewerKey: string) => {
        lastStatementAtNote.push(app.sql.queries.at(-1)?.sql.toLowerCase() ?? '');
        original(viewerKey);
      });
      try {
        const user = await app.viewer('user', 0);
        const refused = await app.graphql(CREATE, {
          as: 'user',
          variables: { input: { key: acme.issueKey, integrationId: acme.integration } },
        });
        expect(onlyError(refused).code).toBe('BAD_USER_INPUT');
        expect(noteWrite).not.toHaveBeenCalled();

        app.sql.clear();
        const written = await app.graphql(CREATE, {
          as: 'user',
          variables: { input: { key: 'MUT-NOTE', integrationId: acme.integration } },
        });
        expect(written.errors).toBeUndefined();
        expect(noteWrite).toHaveBeenCalledWith(`${user.clientId}:${user.userId}`);
        expect(lastStatementAtNote[0]).toMatch(/^commit/);
      } finally {
        noteWrite.mockRestore();
      }
    });

    it('lets two clients use the same key: keys are unique per client', async () => {
      const globexIntegration = (
        await app.testDb.query<{ id: number }>(
          'select id from integrations where client_id = $1 order by id limit 1',
          [globex.client],
        )
      )[0]!.id;
      const { data, errors } = await app.graphql(CREATE, {
        as: 'user',
        client: 1,
        variables: { input: { key: acme.issueKey, integrationId: globexIntegration } },
      });
      expect(errors).toBeUndefined();
      expect(data.createIssue).toMatchObject({ key: acme.issueKey, clientId: globex.client });
    });

    describe('refuses bad input with BAD_USER_INPUT naming the field, writing nothing', () => {
      const valid = () => ({ key: 'MUT-BAD', integrationId: acme.integration });

      it.each([
        [
          'a key longer than its 50 characters',
          { key: 'K'.repeat(51) },
          'key',
          /key must be shorter than or equal to 50 characters/,
        ],
        ['an empty key', { key: '' }, 'key', /key should not be empty/],
        ['negative story points', { storyPoints: -1 }, 'storyPoints', /storyPoints must not be less than 0/],
        [
          'a project of another client',
          { projectId: -1 },
          'projectId',
          /^projectId: there is no Project with id/,
        ],
        [
          'a missing project',
          { projectId: 2_000_000 },
          'projectId',
          /^projectId: there is no Project with id 2000000$/,
        ],
        [
          'an assignee of another client',
          { assigneeId: -2 },
          'assigneeId',
          /^assigneeId: there is no User with id/,
        ],
        ['a key already used in the client', { key: '__existing__' }, 'key', /^key is already in use$/],
      ])('%s', async (_name, change, field, message) => {
        const input: Record<string, unknown> = { ...valid(), ...change };
        if (input.projectId === -1) input.projectId = globex.project;
        if (input.assigneeId === -2) input.assigneeId = (await app.viewer('user', 1)).userId;
        if (input.key === '__existing__') input.key = acme.issueKey;
        const before = await issueRows(acme.client);

        const result = await app.graphql(CREATE, { as: 'user', variables: { input } });

        expect(result.data ?? null).toBeNull();
        const { code, field: named, message: text } = onlyError(result);
        expect({ code, named }).toEqual({ code: 'BAD_USER_INPUT', named: field });
        expect(text).toMatch(message);
        expect(await issueRows(acme.client)).toBe(before);
      });

      it("answers another client's project exactly like a missing one", async () => {
        const ask = (projectId: number) =>
          app.graphql(CREATE, { as: 'user', variables: { input: { ...valid(), projectId } } });
        const foreign = onlyError(await ask(globex.project));
        const missing = onlyError(await ask(2_000_000));
        expect(foreign.message.replace(String(globex.project), 'N')).toBe(
          missing.message.replace('2000000', 'N'),
        );
      });

      it('refuses a value of the wrong type before the resolver runs', async () => {
        const before = await issueRows(acme.client);
        const result = await app.graphql(CREATE, {
          as: 'user',
          variables: { input: { ...valid(), storyPoints: 'many' } },
        });
        // GraphQL itself refuses it (HTTP 400), with the path of the field in the message.
        expect(result.status).toBe(400);
        const { code, message } = onlyError(result);
        expect(code).toBe('BAD_USER_INPUT');
        expect(message).toContain('input.storyPoints');
        expect(await issueRows(acme.client)).toBe(before);
      });

      it('refuses an input without a required field', async () => {
        const result = await app.graphql(CREATE, {
          as: 'user',
          variables: { input: { integrationId: acme.integration } },
        });
        const { code, message } = onlyError(result);
        expect(code).toBe('BAD_USER_INPUT');
        expect(message).toMatch(/Field "key" of required type "String!" was not provided/);
      });

      it('has no clientId input: the client comes from the token', async () => {
        const before = await issueRows(globex.client);
        const result = await app.graphql(CREATE, {
          as: 'user',
          variables: { input: { ...valid(), clientId: globex.client } },
        });
        const { code, message } = onlyError(result);
        expect(code).toBe('BAD_USER_INPUT');
        expect(message).toMatch(/Field "clientId" is not defined by type "IssueCreateInput"/);
        expect(await issueRows(globex.client)).toBe(before);
      });
    });
  });

  describe('updateIssue', () => {
    it('changes the given fields only and answers with the fresh row', async () => {
      const original = await issueRow(acme.issue);
      const { data, errors } = await app.graphql(UPDATE, {
        as: 'user',
        variables: {
          id: acme.issue,
          input: { summary: 'Renamed', storyPoints: 8, projectId: acme.otherProject, assigneeId: null },
        },
      });

      expect(errors).toBeUndefined();
      expect(data.updateIssue).toMatchObject({
        id: acme.issue,
        key: acme.issueKey,
        summary: 'Renamed',
        storyPoints: 8,
        projectId: acme.otherProject,
        assigneeId: null,
      });
      expect(new Date(data.updateIssue.lastUpdatedAt).getTime()).toBeGreaterThan(
        (original.last_updated_at as Date).getTime(),
      );
      const row = await issueRow(acme.issue);
      expect(row).toMatchObject({
        summary: 'Renamed',
        story_points: 8,
        project_id: acme.otherProject,
        assignee_id: null,
        key: original.key,
        description: original.description,
        embedding: original.embedding,
      });
      expect(original.embedding).toEqual(expect.any(String));

      // The next read of the same caller sees the write (read-your-writes), whichever server answers it.
      const read = await app.graphql(`query ($id: Int!) { issue(id: $id) { summary storyPoints } }`, {
        as: 'user',
        variables: { id: acme.issue },
      });
      expect(read.data.issue).toEqual({ summary: 'Renamed', storyPoints: 8 });
    });

    it('returns the embedding to an admin who selects it, read in the same statement as the row', async () => {
      const { result, queries } = await app.statementsOf(
        `mutation ($id: Int!) { updateIssue(id: $id, input: { priority: "High" }) { priority embedding } }`,
        { as: 'admin', variables: { id: acme.issue } },
      );
      expect(result.errors).toBeUndefined();
      expect(result.data.updateIssue.priority).toBe('High');
      expect(result.data.updateIssue.embedding).toHaveLength(1536);
      expect(queries.filter((q) => q.sql.includes('"embedding"'))).toHaveLength(1);
    });

    it('refuses null for a NOT NULL column and a key taken by another issue', async () => {
      const other = (
        await app.testDb.query<{ key: string }>(
          'select key from issues where client_id = $1 and id <> $2 order by id limit 1',
          [acme.client, acme.issue],
        )
      )[0]!.key;
      const before = await issueRow(acme.issue);
      for (const [input, message] of [
        [{ key: null }, 'key cannot be null'],
        [{ key: other }, 'key is already in use'],
      ] as const) {
        const result = await app.graphql(UPDATE, { as: 'user', variables: { id: acme.issue, input } });
        expect(onlyError(result)).toEqual({ code: 'BAD_USER_INPUT', field: 'key', message });
      }
      expect(await issueRow(acme.issue)).toEqual(before);
    });

    it("answers NOT_FOUND for another client's issue, exactly as for a missing one, and leaves it alone", async () => {
      const before = await issueRow(globex.issue);
      const foreign = onlyError(
        await app.graphql(UPDATE, {
          as: 'user',
          variables: { id: globex.issue, input: { summary: 'hijacked' } },
        }),
      );
      const missing = onlyError(
        await app.graphql(UPDATE, {
          as: 'user',
          variables: { id: 2_000_000, input: { summary: 'hijacked' } },
        }),
      );
      expect(foreign).toEqual({ code: 'NOT_FOUND', field: undefined, message: 'Issue not found' });
      expect(missing).toEqual(foreign);
      expect(await issueRow(globex.issue)).toEqual(before);
    });
  });

  describe('deleteIssue', () => {
    it('soft-deletes: the row stays, inactive, and is returned', async () => {
      const created = await app.graphql(CREATE, {
        as: 'admin',
        variables: { input: { key: 'MUT-DEL', integrationId: acme.integration } },
      });
      const id = created.data.createIssue.id as number;

      const { data, errors } = await app.graphql(DELETE, { as: 'admin', variables: { id } });

      expect(errors).toBeUndefined();
      expect(data.deleteIssue).toMatchObject({ id, key: 'MUT-DEL', active: false });
      expect(await issueRow(id)).toMatchObject({ active: false, key: 'MUT-DEL' });
    });

    it("answers NOT_FOUND for another client's issue", async () => {
      const result = await app.graphql(DELETE, { as: 'admin', variables: { id: globex.issue } });
      expect(onlyError(result)).toEqual({ code: 'NOT_FOUND', field: undefined, message: 'Issue not found' });
      expect(await issueRow(globex.issue)).toMatchObject({ active: true });
    });
  });

  describe('who may write', () => {
    const calls = () => [
      { query: CREATE, variables: { input: { key: 'MUT-NOPE', integrationId: acme.integration } } },
      { query: UPDATE, variables: { id: acme.issue, input: { summary: 'nope' } } },
      { query: DELETE, variables: { id: acme.issue } },
    ];

    it('refuses viewers with FORBIDDEN and anonymous callers with UNAUTHENTICATED, writing nothing', async () => {
      const before = { count: await issueRows(acme.client), row: await issueRow(acme.issue) };
      for (const { query, variables } of calls()) {
        expect(onlyError(await app.graphql(query, { as: 'viewer', variables })).code).toBe('FORBIDDEN');
        expect(onlyError(await app.graphql(query, { variables })).code).toBe('UNAUTHENTICATED');
      }
      expect(await issueRows(acme.client)).toBe(before.count);
      expect(await issueRow(acme.issue)).toEqual(before.row);
    });
  });
});
