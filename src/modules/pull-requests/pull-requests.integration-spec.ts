import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

import {
  clientIdsByType,
  dataOf,
  demoClientIds,
  errorsOf,
  sqlCount,
  sqlIds,
} from '../../testing/graphql-expectations.js';
import { createTestApp } from '../../testing/test-app.js';
import type { TestApp, TestRole } from '../../testing/test-app.js';

const ROLES: TestRole[] = ['viewer', 'user', 'admin'];

interface PullRequestNode {
  id: number;
  reviews: { totalCount: number; nodes: { id: number }[] };
  commits: { totalCount: number; nodes: { id: number }[] };
  comments: { totalCount: number; nodes: { id: number }[] };
  issues: { nodes: { id: number }[] };
}

describe('Pull requests read API', () => {
  let app: TestApp;
  let clients: { acme: number; globex: number };
  const clientIdOf = (client: number) => (client === 0 ? clients.acme : clients.globex);
  /** One pull request of each client: id, repository and number. */
  const sample = {} as Record<'acme' | 'globex', { id: number; repositoryId: number; number: number }>;

  beforeAll(async () => {
    app = await createTestApp('pull_requests_read');
    clients = await demoClientIds(app);
    for (const name of ['acme', 'globex'] as const) {
      const [row] = await app.testDb.query<{ id: number; repository_id: number; number: number }>(
        'select id, repository_id, number from pull_requests where client_id = $1 order by id limit 1',
        [clients[name]],
      );
      sample[name] = { id: row!.id, repositoryId: row!.repository_id, number: row!.number };
    }
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  describe('pullRequests', () => {
    it.each(ROLES.flatMap((role) => [0, 1].map((client) => [role, client] as const)))(
      "as %s of client %i: lists exactly the client's pull requests and repositories, counted like SQL",
      async (role, client) => {
        const data = dataOf(
          await app.graphql(
            `{ pullRequests(first: 1000) { totalCount nodes { id } }
               repositories(first: 1000) { totalCount nodes { id } } }`,
            { as: role, client },
          ),
        );
        for (const [field, table] of [
          ['pullRequests', 'pull_requests'],
          ['repositories', 'repositories'],
        ] as const) {
          const expected = await sqlIds(app, `select id from ${table} where client_id = $1 order by id`, [
            clientIdOf(client),
          ]);
          expect(expected.length).toBeGreaterThan(0);
          expect(data[field].totalCount).toBe(expected.length);
          expect(data[field].nodes.map((n: { id: number }) => n.id)).toEqual(expected);
        }
      },
    );

    it('answers anonymous callers with UNAUTHENTICATED', async () => {
      const result = await app.graphql('{ pullRequests { totalCount } }');
      expect(errorsOf(result)).toEqual([['pullRequests', 'UNAUTHENTICATED']]);
      expect(result.data).toBeNull();
    });
  });

  describe('pullRequest(id)', () => {
    it.each(ROLES)(
      "as %s: answers for another client's pull request exactly like for a missing id",
      async (role) => {
        const missing = await sqlCount(app, 'select max(id) + 1000 as count from pull_requests');
        const [own, foreign, absent] = await Promise.all(
          [sample.acme.id, sample.globex.id, missing].map((id) =>
            app.graphql(`{ pullRequest(id: ${id}) { id clientId } }`, { as: role }),
          ),
        );
        expect(dataOf(own!).pullRequest).toEqual({ id: sample.acme.id, clientId: clients.acme });
        expect(foreign).toEqual({ status: 200, data: { pullRequest: null } });
        expect(foreign).toEqual(absent);
      },
    );
  });

  describe('pullRequestByNumber', () => {
    const byNumber = (repositoryId: number, number: number, client = 0) =>
      app.graphql(
        'query ($r: Int!, $n: Int!) { pullRequestByNumber(repositoryId: $r, number: $n) { id repositoryId number } }',
        { as: 'viewer', client, variables: { r: repositoryId, n: number } },
      );

    it('finds a pull request by repository and number', async () => {
      for (const [client, own] of [
        [0, sample.acme],
        [1, sample.globex],
      ] as const) {
        expect(dataOf(await byNumber(own.repositoryId, own.number, client)).pullRequestByNumber).toEqual(own);
      }
    });

    it("answers another client's repository and number with null, like a number that does not exist", async () => {
      const foreign = await byNumber(sample.globex.repositoryId, sample.globex.number);
      const unknown = await byNumber(sample.acme.repositoryId, 999_999);
      expect(foreign).toEqual({ status: 200, data: { pullRequestByNumber: null } });
      expect(foreign).toEqual(unknown);
    });

    it("does not find another repository's pull request under the viewer's repository", async () => {
      // A number that exists in another repository (of either client) but not in this one.
      const [row] = await app.testDb.query<{ repository_id: number; number: number }>(
        `select r.id as repository_id, p.number from repositories r cross join pull_requests p
          where r.client_id = $1 and p.repository_id <> r.id
            and not exists (select 1 from pull_requests q where q.repository_id = r.id and q.number = p.number)
          order by r.id, p.number limit 1`,
        [clients.acme],
      );
      expect(await byNumber(row!.repository_id, row!.number)).toEqual({
        status: 200,
        data: { pullRequestByNumber: null },
      });
    });
  });

  describe('relations', () => {
    const TREE = `{ pullRequests(first: 1000) { nodes { __typename id clientId
        repository { __typename clientId id pullRequests(first: 1000) { totalCount } }
        issue { __typename clientId id }
        reviews(first: 1000) { totalCount nodes { __typename clientId id pullRequest { id } } }
        commits(first: 1000) { totalCount nodes { __typename clientId id } }
        comments(first: 1000) { totalCount nodes { __typename clientId id } }
        issues(first: 1000) { nodes { __typename clientId id } } } } }`;

    it.each([0, 1])('reaches only rows of the viewer client (%i)', async (client) => {
      const byType = clientIdsByType(dataOf(await app.graphql(TREE, { as: 'viewer', client })));
      expect(Object.keys(byType).sort()).toEqual([
        'Issue',
        'PullRequest',
        'PullRequestComment',
        'PullRequestCommit',
        'PullRequestReview',
        'Repository',
      ]);
      for (const ids of Object.values(byType)) expect(ids).toEqual([clientIdOf(client)]);
    });

    it("lists each pull request's reviews, commits, comments and linked issues as SQL does", async () => {
      const data = dataOf(await app.graphql(TREE, { as: 'user' }));
      const grouped = async (sql: string) => {
        const rows = await app.testDb.query<{ parent: number; ids: number[] }>(sql, [clients.acme]);
        return new Map(rows.map((row) => [row.parent, row.ids]));
      };
      const children = (table: string) =>
        grouped(
          `select pull_request_id as parent, array_agg(id order by id) as ids from ${table}
            where client_id = $1 group by 1`,
        );
      const reviews = await children('pull_request_reviews');
      const commits = await children('pull_request_commits');
      const comments = await children('pull_request_comments');
      const issues = await grouped(
        `select p.id as parent, array_agg(distinct l.issue_id order by l.issue_id) as ids
           from pull_requests p
           join jira_pull_request_links l on l.external_repo_id = p.external_repo_id
                                         and l.pull_request_number = p.number and l.client_id = p.client_id
          where p.client_id = $1 group by 1`,
      );
      for (const map of [reviews, commits, comments, issues]) expect(map.size).toBeGreaterThan(0);
      const ids = (list: { id: number }[]) => list.map((n) => n.id);
      for (const pr of data.pullRequests.nodes as PullRequestNode[]) {
        const expected = (map: Map<number, number[]>) => map.get(pr.id) ?? [];
        expect([pr.id, ids(pr.reviews.nodes), pr.reviews.totalCount]).toEqual([
          pr.id,
          expected(reviews),
          expected(reviews).length,
        ]);
        expect([pr.id, ids(pr.commits.nodes), pr.commits.totalCount]).toEqual([
          pr.id,
          expected(commits),
          expected(commits).length,
        ]);
        expect([pr.id, ids(pr.comments.nodes), pr.comments.totalCount]).toEqual([
          pr.id,
          expected(comments),
          expected(comments).length,
        ]);
        expect([pr.id, ids(pr.issues.nodes)]).toEqual([pr.id, expected(issues)]);
      }
    });

    it('pages reviews per pull request with their own first, filter and order', async () => {
      const data = dataOf(
        await app.graphql(
          `{ pullRequests(first: 1000) { nodes { id
               reviews(first: 2, orderBy: [{ field: SUBMITTED_AT, direction: DESC }], filter: { state: { ne: "COMMENTED" } }) {
                 totalCount nodes { id } pageInfo { hasNextPage } } } } }`,
          { as: 'viewer' },
        ),
      );
      const rows = await app.testDb.query<{ parent: number; ids: number[] }>(
        `select pull_request_id as parent, array_agg(id order by submitted_at desc, id) as ids
           from pull_request_reviews where client_id = $1 and state is distinct from 'COMMENTED' group by 1`,
        [clients.acme],
      );
      const byPullRequest = new Map(rows.map((row) => [row.parent, row.ids]));
      expect([...byPullRequest.values()].some((ids) => ids.length > 2)).toBe(true);
      for (const pr of data.pullRequests.nodes as { id: number; reviews: unknown }[]) {
        const ids = byPullRequest.get(pr.id) ?? [];
        expect([pr.id, pr.reviews]).toEqual([
          pr.id,
          {
            totalCount: ids.length,
            nodes: ids.slice(0, 2).map((id) => ({ id })),
            pageInfo: { hasNextPage: ids.length > 2 },
          },
        ]);
      }
    });
  });

  describe('embedding', () => {
    it('is FORBIDDEN to a viewer on pull requests and reviews, with the rest of the page intact', async () => {
      const result = await app.graphql(
        `{ pullRequest(id: ${sample.acme.id}) { id number embedding reviews(first: 1) { nodes { id embedding } } } }`,
        { as: 'viewer' },
      );
      expect(result.data.pullRequest).toMatchObject({
        id: sample.acme.id,
        number: sample.acme.number,
        embedding: null,
      });
      const reviewErrors = result.data.pullRequest.reviews.nodes.map(() => [
        'pullRequest.reviews.nodes.0.embedding',
        'FORBIDDEN',
      ]);
      expect(errorsOf(result)).toEqual([['pullRequest.embedding', 'FORBIDDEN'], ...reviewErrors]);
    });
  });
});
