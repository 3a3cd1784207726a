import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

import { createTestApp } from '../../testing/test-app.js';
import { onlyError } from '../../testing/mutation-expectations.js';
import type { TestApp } from '../../testing/test-app.js';

const FIELDS = 'id key name projectType integrationId active clientId';
const CREATE = `mutation ($input: ProjectCreateInput!) { createProject(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation ($id: Int!, $input: ProjectUpdateInput!) { updateProject(id: $id, input: $input) { ${FIELDS} } }`;
const DELETE = `mutation ($id: Int!) { deleteProject(id: $id) { ${FIELDS} } }`;

describe('Project mutations', () => {
  let app: TestApp;
  const ids = { acme: 0, acmeIntegration: 0, globexIntegration: 0, globexProject: 0, acmeKey: '' };
  const projectRow = (id: number) =>
    app.testDb
      .query('select * from projects where id = $1', [id])
      .then((rows) => rows[0] as Record<string, unknown>);
  const projectCount = () =>
    app.testDb.query<{ n: number }>('select count(*)::int as n from projects').then((r) => r[0]!.n);

  beforeAll(async () => {
    app = await createTestApp('project_mutations');
    ids.acme = (await app.viewer('user', 0)).clientId;
    const globex = (await app.viewer('user', 1)).clientId;
    const first = async (sql: string, clientId: number) =>
      (await app.testDb.query<{ id: number; key?: string }>(sql, [clientId]))[0]!;
    ids.acmeIntegration = (
      await first('select id from integrations where client_id = $1 order by id limit 1', ids.acme)
    ).id;
    ids.globexIntegration = (
      await first('select id from integrations where client_id = $1 order by id limit 1', globex)
    ).id;
    ids.globexProject = (
      await first('select id from projects where client_id = $1 order by id limit 1', globex)
    ).id;
    ids.acmeKey = (
      await first('select key from projects where client_id = $1 order by id limit 1', ids.acme)
    ).key!;
  });

  afterAll(async () => {
    await app?.close();
  });

  it("creates, renames and soft-deletes a project of the caller's client", async () => {
    const created = await app.graphql(CREATE, {
      as: 'user',
      variables: { input: { key: 'NEWP', name: 'New project', integrationId: ids.acmeIntegration } },
    });
    expect(created.errors).toBeUndefined();
    const id = created.data.createProject.id as number;
    expect(created.data.createProject).toMatchObject({
      key: 'NEWP',
      name: 'New project',
      projectType: null,
      active: true,
      clientId: ids.acme,
    });

    const renamed = await app.graphql(UPDATE, {
      as: 'user',
      variables: { id, input: { name: 'Renamed', projectType: 'software' } },
    });
    expect(renamed.errors).toBeUndefined();
    expect(renamed.data.updateProject).toMatchObject({
      id,
      key: 'NEWP',
      name: 'Renamed',
      projectType: 'software',
    });

    const deleted = await app.graphql(DELETE, { as: 'user', variables: { id } });
    expect(deleted.errors).toBeUndefined();
    expect(deleted.data.deleteProject).toMatchObject({ id, name: 'Renamed', active: false });
    expect(await projectRow(id)).toMatchObject({
      client_id: ids.acme,
      key: 'NEWP',
      name: 'Renamed',
      project_type: 'software',
      active: false,
    });
  });

  it.each([
    [
      'a duplicate key',
      () => ({ key: ids.acmeKey, name: 'Dup', integrationId: ids.acmeIntegration }),
      'key',
      'key is already in use',
    ],
    [
      'an empty name',
      () => ({ key: 'EMPTY', name: '', integrationId: ids.acmeIntegration }),
      'name',
      'name should not be empty',
    ],
    [
      "another client's integration",
      () => ({ key: 'FOREIGN', name: 'Foreign', integrationId: ids.globexIntegration }),
      'integrationId',
      'integrationId: there is no Integration with id %',
    ],
  ])(
    'refuses %s with BAD_USER_INPUT naming the field, writing nothing',
    async (_name, input, field, message) => {
      const before = await projectCount();
      const variables = { input: input() };
      const result = await app.graphql(CREATE, { as: 'user', variables });
      expect(onlyError(result)).toEqual({
        code: 'BAD_USER_INPUT',
        field,
        message: message.replace('%', String(ids.globexIntegration)),
      });
      expect(await projectCount()).toBe(before);
    },
  );

  it("answers NOT_FOUND for another client's project and changes nothing", async () => {
    const before = await projectRow(ids.globexProject);
    for (const [query, variables] of [
      [UPDATE, { id: ids.globexProject, input: { name: 'hijacked' } }],
      [DELETE, { id: ids.globexProject }],
    ] as const) {
      expect(onlyError(await app.graphql(query, { as: 'admin', variables }))).toEqual({
        code: 'NOT_FOUND',
        field: undefined,
        message: 'Project not found',
      });
    }
    expect(await projectRow(ids.globexProject)).toEqual(before);
  });

  it('refuses viewers', async () => {
    const result = await app.graphql(CREATE, {
      as: 'viewer',
      variables: { input: { key: 'VIEW', name: 'Viewer project', integrationId: ids.acmeIntegration } },
    });
    expect(onlyError(result).code).toBe('FORBIDDEN');
  });
});
