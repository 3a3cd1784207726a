import { readFileSync } from 'node:fs';

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

import { buildGatewaySchema } from '../graphql/build-schema.js';
import { GATEWAY_MODULES } from '../modules/index.js';
import { createTestApp, testSecurity } from '../testing/test-app.js';
import type { TestApp, TestRole } from '../testing/test-app.js';
import type { ExecutionMode } from '../config/config.js';
import { createServer } from './create-server.js';
import type { GatewayServer } from './create-server.js';

/*
 * The test app compiles every document from its first run, so the whole suite goes through graphql-jit.
 * Here the same requests go to a gateway that interprets them (GRAPHQL_EXECUTION=interpreted) and to
 * one with the production default (compiled from the second run): a caller must not be able to tell
 * them apart, in data, errors or status.
 */

const operation = (name: string) =>
  readFileSync(new URL(`../../schema/operations/${name}.graphql`, import.meta.url), 'utf8');

interface Answer {
  status: number;
  body: { data?: unknown; errors?: { message: string; path?: unknown; extensions?: { code?: string } }[] };
}

describe('compiled execution', () => {
  let app: TestApp;
  const servers: GatewayServer[] = [];
  let interpretedUrl: string;
  let defaultUrl: string;
  let repositoryId: number;
  let issueKey: string;

  const serve = async (execution: ExecutionMode) => {
    const server = await createServer({
      config: { logLevel: 'silent', security: testSecurity(), execution },
      database: app.database,
      tokens: app.tokens,
      schema: (await buildGatewaySchema(GATEWAY_MODULES)).schema,
    });
    servers.push(server);
    return server.app.listen({ host: '127.0.0.1', port: 0 });
  };

  const post = async (
    url: string,
    query: string,
    variables: Record<string, unknown> = {},
    as: TestRole = 'admin',
  ): Promise<Answer> => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await app.token(as)}` },
      body: JSON.stringify({ query, variables }),
    });
    // Request ids differ by request, and cursors by gateway (each signs with a key of its own here);
    // everything else must be the same.
    const body = JSON.parse(await response.text(), (key, value: unknown) =>
      key === 'requestId'
        ? undefined
        : /^(endCursor|startCursor|cursor)$/.test(key) && value
          ? '<cursor>'
          : value,
    ) as Answer['body'];
    return { status: response.status, body };
  };

  beforeAll(async () => {
    app = await createTestApp('compiled_execution');
    interpretedUrl = await serve('interpreted');
    defaultUrl = await serve('compiled');
    const [repository] = await app.testDb.query<{ id: number }>(
      `select r.id from repositories r join pull_requests p on p.repository_id = r.id
        join clients c on c.id = r.client_id order by c.id, r.id limit 1`,
    );
    repositoryId = repository!.id;
    const [issue] = await app.testDb.query<{ key: string }>(
      'select i.key from issues i join jira_pull_request_links l on l.issue_id = i.id order by i.client_id, i.id limit 1',
    );
    issueKey = issue!.key;
  }, 120_000);

  afterAll(async () => {
    for (const server of servers) await server.app.close();
    await app?.close();
  });

  const cases: [string, () => [string, Record<string, unknown>, TestRole]][] = [
    ['the IssueList operation', () => [operation('issue-list'), { first: 40 }, 'admin']],
    ['the PullRequestList operation', () => [operation('pull-request-list'), { repositoryId }, 'user']],
    ['the IssueDetail operation', () => [operation('issue-detail'), { key: issueKey }, 'user']],
    ['the Viewer operation', () => [operation('viewer'), {}, 'user']],
    [
      'fragments, aliases, @include and @skip, a filter variable',
      () => [
        `query ($filter: IssueFilter, $withProject: Boolean!) {
           open: issues(first: 5, filter: $filter) { nodes { ...Row project @include(if: $withProject) { key } } }
           all: issues(first: 3) { totalCount nodes { ...Row status @skip(if: $withProject) { category } } }
         }
         fragment Row on Issue { id key created }`,
        {
          filter: { or: [{ storyPoints: { gte: 3 } }, { not: { priority: { isNull: true } } }] },
          withProject: true,
        },
        'user',
      ],
    ],
    [
      'fields refused by their rule, beside the rest',
      () => ['{ issues(first: 3) { nodes { id embedding project { key embedding } } } }', {}, 'viewer'],
    ],
    [
      'a cursor that is not one',
      () => ['{ issues(first: 2, after: "forged") { nodes { id } } }', {}, 'user'],
    ],
  ];

  it.each(cases)('answers %s as the interpreter does', async (_case, request) => {
    const [query, variables, as] = request();
    const interpreted = await post(interpretedUrl, query, variables, as);
    expect(JSON.stringify(interpreted.body)).not.toContain('Internal server error');
    // The test app compiled it on its first run; the default gateway interprets the first, compiles the second.
    expect(await post(app.url, query, variables, as)).toEqual(interpreted);
    expect(await post(defaultUrl, query, variables, as)).toEqual(interpreted);
    expect(await post(defaultUrl, query, variables, as)).toEqual(interpreted);
  });

  it.each([
    ['a string for an Int', 'query ($first: Int) { issues(first: $first) { totalCount } }', { first: 'ten' }],
    [
      'a wrong type deep in a filter',
      'query ($filter: IssueFilter) { issues(filter: $filter) { totalCount } }',
      { filter: { and: [{ or: [{ storyPoints: { gte: 'three' } }] }] } },
    ],
    ['a missing required variable', 'query ($key: String!) { issueByKey(key: $key) { id } }', {}],
  ])('refuses %s as BAD_USER_INPUT with status 400, compiled or not', async (_case, query, variables) => {
    for (const url of [app.url, defaultUrl, defaultUrl]) {
      const answer = await post(url, query, variables, 'user');
      expect(answer.status).toBe(400);
      expect(answer.body.errors?.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
      expect(answer).toEqual(await post(interpretedUrl, query, variables, 'user'));
    }
  });
});
