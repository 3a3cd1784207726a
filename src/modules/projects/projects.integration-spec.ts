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

interface ProjectNode {
  id: number;
  issues: { totalCount: number; nodes: { id: number }[] };
  issuetypes: { totalCount: number; nodes: { id: number }[] };
  statuses: { totalCount: number; nodes: { id: number }[] };
  issuetypeLinks: { nodes: { projectId: number; issuetypeId: number }[] };
  statusLinks: { nodes: { projectId: number; statusId: number; status: { id: number } | null }[] };
}

const PROJECT_TREE = `__typename id clientId key
  issues(first: 1000) { totalCount nodes { __typename clientId id } }
  issuetypes(first: 1000) { totalCount nodes { __typename clientId id projects(first: 100) { nodes { __typename clientId id } } } }
  statuses(first: 1000) { totalCount nodes { __typename clientId id projects(first: 100) { nodes { __typename clientId id } } } }
  issuetypeLinks(first: 1000) { nodes { projectId issuetypeId issuetype { __typename clientId id } } }
  statusLinks(first: 1000) { nodes { projectId statusId status { __typename clientId id } } }`;

describe('Projects read API', () => {
  let app: TestApp;
  let clients: { acme: number; globex: number };
  const clientIdOf = (client: number) => (client === 0 ? clients.acme : clients.globex);
  const projectKeys = (clientId: number) =>
    app.testDb
      .query<{ key: string }>('select key from projects where client_id = $1 order by key', [clientId])
      .then((rows) => rows.map((row) => row.key));

  beforeAll(async () => {
    app = await createTestApp('projects_read');
    clients = await demoClientIds(app);
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  describe('projects', () => {
    it.each(ROLES.flatMap((role) => [0, 1].map((client) => [role, client] as const)))(
      "as %s of client %i: lists exactly the client's projects, counted like SQL",
      async (role, client) => {
        const data = dataOf(
          await app.graphql('{ projects { totalCount nodes { id key clientId } } }', { as: role, client }),
        );
        const rows = await app.testDb.query<{ id: number; key: string }>(
          'select id, key from projects where client_id = $1 order by id',
          [clientIdOf(client)],
        );
        expect(rows.length).toBeGreaterThan(0);
        expect(data.projects.totalCount).toBe(rows.length);
        expect(data.projects.nodes).toEqual(rows.map((row) => ({ ...row, clientId: clientIdOf(client) })));
      },
    );

    it('answers anonymous callers with UNAUTHENTICATED', async () => {
      const result = await app.graphql('{ projects { totalCount } }');
      expect(errorsOf(result)).toEqual([['projects', 'UNAUTHENTICATED']]);
    });
  });

  describe('project(id) and projectByKey', () => {
    it("answer another client's project exactly like a missing one", async () => {
      const [foreignId] = await sqlIds(
        app,
        'select id from projects where client_id = $1 order by id limit 1',
        [clients.globex],
      );
      const missingId = await sqlCount(app, 'select max(id) + 1000 as count from projects');
      const [foreign, missing] = await Promise.all(
        [foreignId, missingId].map((id) => app.graphql(`{ project(id: ${id}) { id key } }`, { as: 'admin' })),
      );
      expect(foreign).toEqual({ status: 200, data: { project: null } });
      expect(foreign).toEqual(missing);
    });

    it('does not find a key that only another client uses, like a key nobody uses', async () => {
      const acmeKeys = await projectKeys(clients.acme);
      const globexOnly = (await projectKeys(clients.globex)).filter((key) => !acmeKeys.includes(key));
      expect(globexOnly.length).toBeGreaterThan(0);
      const lookup = (key: string) =>
        app.graphql('query ($key: String!) { projectByKey(key: $key) { id key } }', {
          as: 'viewer',
          variables: { key },
        });
      const [foreign, unknown] = await Promise.all([lookup(globexOnly[0]!), lookup('NOPE')]);
      expect(foreign).toEqual({ status: 200, data: { projectByKey: null } });
      expect(foreign).toEqual(unknown);
    });

    it("finds each client's own project when both use the same key", async () => {
      const acmeKeys = await projectKeys(clients.acme);
      const shared = (await projectKeys(clients.globex)).filter((key) => acmeKeys.includes(key));
      expect(shared.length).toBeGreaterThan(0);
      for (const client of [0, 1]) {
        const [id] = await sqlIds(app, 'select id from projects where client_id = $1 and key = $2', [
          clientIdOf(client),
          shared[0],
        ]);
        const data = dataOf(
          await app.graphql('query ($key: String!) { projectByKey(key: $key) { id key clientId } }', {
            as: 'user',
            client,
            variables: { key: shared[0] },
          }),
        );
        expect(data.projectByKey).toEqual({ id, key: shared[0], clientId: clientIdOf(client) });
      }
    });
  });

  describe('relations', () => {
    it.each([0, 1])('reach only rows of the viewer client (%i)', async (client) => {
      const data = dataOf(
        await app.graphql(`{ projects { nodes { ${PROJECT_TREE} } } }`, { as: 'viewer', client }),
      );
      const byType = clientIdsByType(data);
      expect(Object.keys(byType).sort()).toEqual(['Issue', 'Issuetype', 'Project', 'Status']);
      for (const ids of Object.values(byType)) expect(ids).toEqual([clientIdOf(client)]);
    });

    it("list each project's issues, issue types and statuses as SQL does, both ways", async () => {
      const data = dataOf(await app.graphql(`{ projects { nodes { ${PROJECT_TREE} } } }`, { as: 'user' }));
      const grouped = async (sql: string) => {
        const rows = await app.testDb.query<{ parent: number; ids: number[] }>(sql, [clients.acme]);
        return new Map(rows.map((row) => [row.parent, row.ids]));
      };
      const issues = await grouped(
        'select project_id as parent, array_agg(id order by id) as ids from issues where client_id = $1 group by 1',
      );
      const issuetypes = await grouped(
        `select j.project_id as parent, array_agg(j.issuetype_id order by j.issuetype_id) as ids
           from projects_issuetypes j join projects p on p.id = j.project_id where p.client_id = $1 group by 1`,
      );
      const statuses = await grouped(
        `select j.project_id as parent, array_agg(j.status_id order by j.status_id) as ids
           from projects_statuses j join projects p on p.id = j.project_id where p.client_id = $1 group by 1`,
      );
      const ids = (list: { id: number }[]) => list.map((n) => n.id);
      for (const project of data.projects.nodes as ProjectNode[]) {
        const expected = (map: Map<number, number[]>) => map.get(project.id) ?? [];
        expect(expected(issues).length).toBeGreaterThan(0);
        expect(expected(statuses).length).toBeGreaterThan(0);
        expect([project.id, ids(project.issues.nodes), project.issues.totalCount]).toEqual([
          project.id,
          expected(issues),
          expected(issues).length,
        ]);
        expect([project.id, ids(project.issuetypes.nodes), project.issuetypes.totalCount]).toEqual([
          project.id,
          expected(issuetypes),
          expected(issuetypes).length,
        ]);
        expect([project.id, ids(project.statuses.nodes), project.statuses.totalCount]).toEqual([
          project.id,
          expected(statuses),
          expected(statuses).length,
        ]);
        // The link rows themselves, keyed by both ids.
        expect(project.issuetypeLinks.nodes.map((link) => [link.projectId, link.issuetypeId])).toEqual(
          expected(issuetypes).map((id) => [project.id, id]),
        );
        expect(project.statusLinks.nodes.map((link) => [link.projectId, link.statusId])).toEqual(
          expected(statuses).map((id) => [project.id, id]),
        );
      }
      // The inverse direction: a status's projects.
      const [statusId] = [...statuses.values()][0]!;
      const inverse = dataOf(
        await app.graphql(`{ status(id: ${statusId}) { projects { nodes { id } } } }`, { as: 'user' }),
      );
      expect(inverse.status.projects.nodes.map((n: { id: number }) => n.id)).toEqual(
        [...statuses.entries()].filter(([, ids]) => ids.includes(statusId!)).map(([project]) => project),
      );
    });
  });

  describe('a link row that crosses clients (damaged data)', () => {
    let acmeProject: number;
    let globexStatus: number;

    beforeAll(async () => {
      [acmeProject] = await sqlIds(app, 'select id from projects where client_id = $1 order by id limit 1', [
        clients.acme,
      ]);
      [globexStatus] = await sqlIds(app, 'select id from statuses where client_id = $1 order by id limit 1', [
        clients.globex,
      ]);
      await app.testDb.query('insert into projects_statuses (project_id, status_id) values ($1, $2)', [
        acmeProject,
        globexStatus,
      ]);
      await replicaCaughtUp(app);
    });

    it("does not lead from a project to another client's status", async () => {
      const data = dataOf(
        await app.graphql(
          `{ project(id: ${acmeProject}) { statuses(first: 1000) { totalCount nodes { __typename id clientId } }
               statusLinks(first: 1000) { nodes { statusId status { id } } } } }`,
          { as: 'admin' },
        ),
      );
      expect(data.project.statuses.nodes.map((n: { id: number }) => n.id)).not.toContain(globexStatus);
      expect(data.project.statuses.totalCount).toBe(data.project.statuses.nodes.length);
      expect(clientIdsByType(data)).toEqual({ Status: [clients.acme] });
      // The link row is Acme's (its project is), but the status it names stays out of reach.
      expect(data.project.statusLinks.nodes).toContainEqual({ statusId: globexStatus, status: null });
    });

    it("does not lead from the other client's status back to the project", async () => {
      const data = dataOf(
        await app.graphql(
          `{ status(id: ${globexStatus}) { projects { totalCount nodes { id } } projectStatuses { nodes { projectId } } } }`,
          { as: 'admin', client: 1 },
        ),
      );
      expect(data.status.projects.nodes.map((n: { id: number }) => n.id)).not.toContain(acmeProject);
      expect(data.status.projects.totalCount).toBe(data.status.projects.nodes.length);
      expect(data.status.projectStatuses.nodes.map((n: { projectId: number }) => n.projectId)).not.toContain(
        acmeProject,
      );
    });
  });
});
