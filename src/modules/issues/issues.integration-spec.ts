import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

import {
  clientIdsByType,
  dataOf,
  demoClientIds,
  errorsOf,
  replicaCaughtUp,
  sqlCount,
  sqlIds,
} from '../../testing/graphql-expectations.js';
import { createTestApp } from '../../testing/test-app.js';
import type { TestApp, TestRole } from '../../testing/test-app.js';

const ROLES: TestRole[] = ['viewer', 'user', 'admin'];

/** An issue with everything that hangs off it, each level naming its type and client. */
const ISSUE_TREE = `
  __typename id clientId key
  client { __typename id name }
  project { __typename clientId id key }
  status { __typename clientId id }
  issuetype { __typename clientId id }
  assigneeUser { __typename clientId id email }
  reporterUser { __typename clientId id }
  parent { __typename clientId id }
  children(first: 100) { nodes { __typename clientId id } }
  changelogs(first: 100) { totalCount nodes { __typename clientId id fromStatus { __typename clientId } toStatus { __typename clientId } } }
  pullRequests(first: 100) { totalCount nodes { __typename clientId id
    repository { __typename clientId id }
    reviews(first: 100) { nodes { __typename clientId id } }
    commits(first: 100) { nodes { __typename clientId id } }
    comments(first: 100) { nodes { __typename clientId id } }
    issues(first: 100) { nodes { __typename clientId id } } } }`;

interface IssueTree {
  id: number;
  client: { id: number };
  changelogs: { totalCount: number; nodes: { id: number }[] };
  pullRequests: { totalCount: number; nodes: { id: number }[] };
  children: { nodes: { id: number }[] };
}

describe('Issues read API', () => {
  let app: TestApp;
  let clients: { acme: number; globex: number };
  const clientIdOf = (client: number) => (client === 0 ? clients.acme : clients.globex);

  beforeAll(async () => {
    app = await createTestApp('issues_read');
    clients = await demoClientIds(app);
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  describe('issues', () => {
    it.each(ROLES.flatMap((role) => [0, 1].map((client) => [role, client] as const)))(
      "as %s of client %i: lists exactly the client's issues, counted like SQL",
      async (role, client) => {
        const data = dataOf(
          await app.graphql('{ issues(first: 1000) { totalCount nodes { id clientId } } }', {
            as: role,
            client,
          }),
        );
        const expected = await sqlIds(app, 'select id from issues where client_id = $1 order by id', [
          clientIdOf(client),
        ]);
        expect(expected.length).toBe(40);
        expect(data.issues.totalCount).toBe(expected.length);
        expect(data.issues.nodes.map((n: { id: number }) => n.id)).toEqual(expected);
        expect(new Set(data.issues.nodes.map((n: { clientId: number }) => n.clientId))).toEqual(
          new Set([clientIdOf(client)]),
        );
      },
    );

    it('counts a filtered connection within the client only', async () => {
      // OPS exists in both clients: the count must not include the other's OPS issues.
      const data = dataOf(
        await app.graphql('{ issues(filter: { key: { startsWith: "OPS-" } }) { totalCount } }', {
          as: 'viewer',
        }),
      );
      const own = await sqlCount(
        app,
        "select count(*) from issues where client_id = $1 and key like 'OPS-%'",
        [clients.acme],
      );
      const everyone = await sqlCount(app, "select count(*) from issues where key like 'OPS-%'");
      expect(own).toBeGreaterThan(0);
      expect(everyone).toBeGreaterThan(own);
      expect(data.issues.totalCount).toBe(own);
    });

    it('answers anonymous callers with UNAUTHENTICATED', async () => {
      for (const query of [
        '{ issues { totalCount } }',
        '{ issue(id: 1) { id } }',
        '{ issueChangelogs { totalCount } }',
      ]) {
        const result = await app.graphql(query);
        expect(errorsOf(result)).toEqual([[query.slice(2).split(/[( ]/)[0], 'UNAUTHENTICATED']]);
        expect(Object.values(result.data ?? {})).toEqual(result.data ? [null] : []);
      }
    });
  });

  describe('issue(id)', () => {
    it.each(ROLES)("as %s: finds the client's own issue", async (role) => {
      const [id] = await sqlIds(app, 'select id from issues where client_id = $1 order by id limit 1', [
        clients.acme,
      ]);
      const data = dataOf(await app.graphql(`{ issue(id: ${id}) { id clientId } }`, { as: role }));
      expect(data.issue).toEqual({ id, clientId: clients.acme });
    });

    it.each(ROLES)(
      "as %s: answers for another client's issue exactly like for a missing id",
      async (role) => {
        const [foreign] = await sqlIds(
          app,
          'select id from issues where client_id = $1 order by id limit 1',
          [clients.globex],
        );
        const missing = await sqlCount(app, 'select max(id) + 1000 as count from issues');
        const [asForeign, asMissing] = await Promise.all([
          app.graphql(`{ issue(id: ${foreign}) { id key summary } }`, { as: role }),
          app.graphql(`{ issue(id: ${missing}) { id key summary } }`, { as: role }),
        ]);
        expect(asForeign).toEqual({ status: 200, data: { issue: null } });
        expect(asForeign).toEqual(asMissing);
      },
    );
  });

  describe('issueByKey', () => {
    it("does not find a key that exists only in another client's data", async () => {
      const [{ key }] = await app.testDb.query<{ key: string }>(
        `select key from issues g where client_id = $1
            and not exists (select 1 from issues a where a.client_id = $2 and a.key = g.key)
          order by id limit 1`,
        [clients.globex, clients.acme],
      );
      const result = await app.graphql('query ($key: String!) { issueByKey(key: $key) { id key } }', {
        as: 'admin',
        variables: { key },
      });
      expect(result).toEqual({ status: 200, data: { issueByKey: null } });
      // ...while Globex finds it.
      const globex = dataOf(
        await app.graphql('query ($key: String!) { issueByKey(key: $key) { key clientId } }', {
          as: 'viewer',
          client: 1,
          variables: { key },
        }),
      );
      expect(globex.issueByKey).toEqual({ key, clientId: clients.globex });
    });

    it("finds the viewer's own issue when both clients use the same key", async () => {
      const shared = await app.testDb.query<{ key: string; acme_id: number; globex_id: number }>(
        `select a.key, a.id as acme_id, g.id as globex_id from issues a
           join issues g on g.key = a.key and g.client_id = $2
          where a.client_id = $1 order by a.id limit 1`,
        [clients.acme, clients.globex],
      );
      expect(shared).toHaveLength(1);
      const { key, acme_id: acmeId, globex_id: globexId } = shared[0]!;
      for (const [client, id] of [
        [0, acmeId],
        [1, globexId],
      ] as const) {
        const data = dataOf(
          await app.graphql('query ($key: String!) { issueByKey(key: $key) { id key } }', {
            as: 'user',
            client,
            variables: { key },
          }),
        );
        expect(data.issueByKey).toEqual({ id, key });
      }
    });
  });

  describe('relations', () => {
    it.each([0, 1])(
      'reaches only rows of the viewer client (%i) through every relation of its issues',
      async (client) => {
        const data = dataOf(
          await app.graphql(`{ issues(first: 1000) { nodes { ${ISSUE_TREE} } } }`, { as: 'viewer', client }),
        );
        const byType = clientIdsByType(data);
        // The tree reached every kind of row it asks for...
        expect(Object.keys(byType).sort()).toEqual([
          'Issue',
          'IssueChangelog',
          'Issuetype',
          'Project',
          'PullRequest',
          'PullRequestComment',
          'PullRequestCommit',
          'PullRequestReview',
          'Repository',
          'Status',
          'User',
        ]);
        // ...and each of them belongs to the viewer's client.
        for (const ids of Object.values(byType)) expect(ids).toEqual([clientIdOf(client)]);
        for (const issue of data.issues.nodes as IssueTree[])
          expect(issue.client.id).toBe(clientIdOf(client));
      },
    );

    it("lists each issue's changelogs, children and linked pull requests as SQL does", async () => {
      const data = dataOf(
        await app.graphql(`{ issues(first: 1000) { nodes { ${ISSUE_TREE} } } }`, { as: 'user' }),
      );
      const grouped = async (sql: string) => {
        const rows = await app.testDb.query<{ parent: number; ids: number[] }>(sql, [clients.acme]);
        return new Map(rows.map((row) => [row.parent, row.ids]));
      };
      const changelogs = await grouped(
        'select issue_id as parent, array_agg(id order by id) as ids from issue_changelogs where client_id = $1 group by 1',
      );
      const children = await grouped(
        'select parent_id as parent, array_agg(id order by id) as ids from issues where client_id = $1 and parent_id is not null group by 1',
      );
      // A link names a pull request the way Jira does: repository external id and number, within the client.
      const pullRequests = await grouped(
        `select l.issue_id as parent, array_agg(distinct p.id order by p.id) as ids
           from jira_pull_request_links l
           join pull_requests p on p.external_repo_id = l.external_repo_id and p.number = l.pull_request_number
                               and p.client_id = l.client_id
          where l.client_id = $1 group by 1`,
      );
      expect(pullRequests.size).toBeGreaterThan(0);
      expect(children.size).toBeGreaterThan(0);
      for (const issue of data.issues.nodes as IssueTree[]) {
        const ids = (list: { id: number }[]) => list.map((n) => n.id);
        expect([issue.id, ids(issue.changelogs.nodes), issue.changelogs.totalCount]).toEqual([
          issue.id,
          changelogs.get(issue.id) ?? [],
          (changelogs.get(issue.id) ?? []).length,
        ]);
        expect([issue.id, ids(issue.children.nodes)]).toEqual([issue.id, children.get(issue.id) ?? []]);
        expect([issue.id, ids(issue.pullRequests.nodes)]).toEqual([
          issue.id,
          pullRequests.get(issue.id) ?? [],
        ]);
      }
    });
  });

  describe('references that cross clients (damaged data)', () => {
    let damaged: number;
    let foreign: { project: number; status: number; user: number; issue: number; pullRequest: number };

    beforeAll(async () => {
      // Rows whose foreign keys point into the other client, as a buggy import could leave them. The
      // database allows it (the foreign keys name only ids); the API must still not cross over.
      [damaged] = await sqlIds(app, 'select id from issues where client_id = $1 order by id limit 1', [
        clients.acme,
      ]);
      const pick = async (sql: string) => (await sqlIds(app, sql, [clients.globex]))[0]!;
      foreign = {
        project: await pick('select id from projects where client_id = $1 order by id limit 1'),
        status: await pick('select id from statuses where client_id = $1 order by id limit 1'),
        user: await pick('select id from users where client_id = $1 order by id limit 1'),
        issue: await pick('select id from issues where client_id = $1 order by id limit 1'),
        pullRequest: await pick('select id from pull_requests where client_id = $1 order by id limit 1'),
      };
      await app.testDb.query(
        `update issues set project_id = $2, status_id = $3, assignee_id = $4, reporter_id = $4, parent_id = $5
          where id = $1`,
        [damaged, foreign.project, foreign.status, foreign.user, foreign.issue],
      );
      // A Globex issue claiming the damaged Acme issue as its parent.
      await app.testDb.query('update issues set parent_id = $1 where id = $2', [damaged, foreign.issue]);
      // An Acme link naming a Globex pull request by its repository external id and number.
      await app.testDb.query(
        `insert into jira_pull_request_links (client_id, issue_id, integration_id, external_repo_id, repo_full_name,
                                              pull_request_number)
         select $1, $2, (select id from integrations where client_id = $1 order by id limit 1), p.external_repo_id,
                r.full_name, p.number
           from pull_requests p join repositories r on r.id = p.repository_id where p.id = $3`,
        [clients.acme, damaged, foreign.pullRequest],
      );
      // And a Globex pull request whose own issue_id names the Acme issue.
      await app.testDb.query('update pull_requests set issue_id = $1 where id = $2', [
        damaged,
        foreign.pullRequest,
      ]);
      // Without the client in the match, the new link would reach the Globex pull request.
      const reachable = await sqlCount(
        app,
        `select count(*) from jira_pull_request_links l
           join pull_requests p on p.external_repo_id = l.external_repo_id and p.number = l.pull_request_number
          where l.issue_id = $1 and p.id = $2`,
        [damaged, foreign.pullRequest],
      );
      expect(reachable).toBe(1);
      await replicaCaughtUp(app);
    });

    it('answers to-one relations into the other client with null', async () => {
      const data = dataOf(
        await app.graphql(
          `{ issue(id: ${damaged}) { id projectId statusId assigneeId parentId
               project { id } status { id } assigneeUser { id } reporterUser { id } parent { id } } }`,
          { as: 'admin' },
        ),
      );
      expect(data.issue).toEqual({
        id: damaged,
        projectId: foreign.project,
        statusId: foreign.status,
        assigneeId: foreign.user,
        parentId: foreign.issue,
        project: null,
        status: null,
        assigneeUser: null,
        reporterUser: null,
        parent: null,
      });
    });

    it("does not follow a link to another client's pull request", async () => {
      const data = dataOf(
        await app.graphql(
          `{ issue(id: ${damaged}) {
               pullRequests { totalCount nodes { __typename id clientId } }
               directPullRequests { totalCount nodes { __typename id clientId } } } }`,
          { as: 'admin' },
        ),
      );
      for (const relation of [data.issue.pullRequests, data.issue.directPullRequests]) {
        expect(relation.nodes.map((n: { id: number }) => n.id)).not.toContain(foreign.pullRequest);
        expect(relation.totalCount).toBe(relation.nodes.length);
      }
      expect(Object.values(clientIdsByType(data)).flat()).not.toContain(clients.globex);
    });

    it("shows the other client neither the damaged issue as a parent nor among its project's issues", async () => {
      const data = dataOf(
        await app.graphql(
          `{ issue(id: ${foreign.issue}) { parentId parent { id } }
             project(id: ${foreign.project}) { issues(first: 1000) { totalCount nodes { id } } }
             user(id: ${foreign.user}) { issuesByAssigneeId { totalCount } } }`,
          { as: 'viewer', client: 1 },
        ),
      );
      expect(data.issue).toEqual({ parentId: damaged, parent: null });
      expect(data.project.issues.nodes.map((n: { id: number }) => n.id)).not.toContain(damaged);
      expect(data.project.issues.totalCount).toBe(
        await sqlCount(app, 'select count(*) from issues where project_id = $1 and client_id = $2', [
          foreign.project,
          clients.globex,
        ]),
      );
      expect(data.user.issuesByAssigneeId.totalCount).toBe(
        await sqlCount(app, 'select count(*) from issues where assignee_id = $1 and client_id = $2', [
          foreign.user,
          clients.globex,
        ]),
      );
    });
  });
});
