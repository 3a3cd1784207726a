import { scryptSync } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

import { createTestApp } from '../../testing/test-app.js';
import { onlyError } from '../../testing/mutation-expectations.js';
import type { TestApp } from '../../testing/test-app.js';

const USER_FIELDS = 'id email firstName role isAdmin active clientId';
const CREATE = `mutation ($input: UserCreateInput!) { createUser(input: $input) { ${USER_FIELDS} } }`;
const UPDATE = `mutation ($id: Int!, $input: UserUpdateInput!) { updateUser(id: $id, input: $input) { ${USER_FIELDS} } }`;
const DELETE = `mutation ($id: Int!) { deleteUser(id: $id) { ${USER_FIELDS} } }`;
const CREATE_PERMISSION = `mutation ($input: UserPermissionCreateInput!) {
  createUserPermission(input: $input) { id userId resource action granted user { email } }
}`;

describe('User mutations', () => {
  let app: TestApp;
  const ids = { acme: 0, globex: 0, acmeAdmin: 0, acmeUser: 0, globexUser: 0 };

  const userRow = (id: number) =>
    app.testDb
      .query('select * from users where id = $1', [id])
      .then((rows) => rows[0] as Record<string, unknown> | undefined);
  const userCount = () =>
    app.testDb.query<{ n: number }>('select count(*)::int as n from users').then((r) => r[0]!.n);

  beforeAll(async () => {
    app = await createTestApp('user_mutations');
    const [admin, user, globexUser] = await Promise.all([
      app.viewer('admin', 0),
      app.viewer('user', 0),
      app.viewer('user', 1),
    ]);
    Object.assign(ids, {
      acme: admin.clientId,
      globex: globexUser.clientId,
      acmeAdmin: admin.userId,
      acmeUser: user.userId,
      globexUser: globexUser.userId,
    });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('lets an admin create a user with a password that is stored hashed and never returned', async () => {
    const input = {
      email: 'new.person@acme.example',
      firstName: 'New',
      role: 'viewer',
      password: 'correct horse battery',
    };
    const { data, errors } = await app.graphql(CREATE, { as: 'admin', variables: { input } });

    expect(errors).toBeUndefined();
    expect(data.createUser).toMatchObject({
      email: input.email,
      firstName: 'New',
      role: 'viewer',
      isAdmin: false,
      active: true,
      clientId: ids.acme,
    });
    const row = (await userRow(data.createUser.id))!;
    const [scheme, salt, hash] = String(row.password_hash).split('$');
    expect(scheme).toBe('scrypt');
    expect(salt).toMatch(/^[0-9a-f]{32}$/);
    expect(hash).toBe(scryptSync(input.password, Buffer.from(salt!, 'hex'), 64).toString('hex'));

    // There is no field to read it back through.
    const leak = await app.graphql(`query ($id: Int!) { user(id: $id) { passwordHash } }`, {
      as: 'admin',
      variables: { id: data.createUser.id },
    });
    expect(leak.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('creates a user without a password (role defaults to user) and keeps isAdmin in step with the role', async () => {
    const created = await app.graphql(CREATE, {
      as: 'admin',
      variables: { input: { email: 'sso.only@acme.example' } },
    });
    expect(created.errors).toBeUndefined();
    expect(created.data.createUser).toMatchObject({ role: 'user', isAdmin: false });
    expect((await userRow(created.data.createUser.id))!.password_hash).toBeNull();

    const promoted = await app.graphql(UPDATE, {
      as: 'admin',
      variables: { id: created.data.createUser.id, input: { role: 'admin' } },
    });
    expect(promoted.errors).toBeUndefined();
    expect(promoted.data.updateUser).toMatchObject({
      role: 'admin',
      isAdmin: true,
      email: 'sso.only@acme.example',
    });
  });

  it.each([
    [
      'an unknown role',
      { email: 'x1@acme.example', role: 'owner' },
      'role',
      'role must be one of the following values: admin, user, viewer',
    ],
    ['a malformed email', { email: 'not-an-email' }, 'email', 'email must be an email'],
    [
      'a too-long email',
      { email: `${'a'.repeat(250)}@acme.example` },
      'email',
      'email must be shorter than or equal to 255 characters',
    ],
    [
      'a short password',
      { email: 'x2@acme.example', password: 'short' },
      'password',
      'password must be longer than or equal to 8 characters',
    ],
    ['an email already in use', { email: 'user@acme.example' }, 'email', 'email is already in use'],
  ])(
    'refuses %s with BAD_USER_INPUT naming the field, writing nothing',
    async (_name, input, field, message) => {
      const before = await userCount();
      const result = await app.graphql(CREATE, { as: 'admin', variables: { input } });
      expect(onlyError(result)).toEqual({ code: 'BAD_USER_INPUT', field, message });
      expect(await userCount()).toBe(before);
    },
  );

  it('keeps an admin from demoting or deactivating themselves', async () => {
    const demote = await app.graphql(UPDATE, {
      as: 'admin',
      variables: { id: ids.acmeAdmin, input: { role: 'user' } },
    });
    expect(onlyError(demote)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'role' });
    const deactivate = await app.graphql(DELETE, { as: 'admin', variables: { id: ids.acmeAdmin } });
    expect(onlyError(deactivate)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    expect(await userRow(ids.acmeAdmin)).toMatchObject({ role: 'admin', active: true });
  });

  it("soft-deletes a user of the client and answers NOT_FOUND for another client's", async () => {
    const created = await app.graphql(CREATE, {
      as: 'admin',
      variables: { input: { email: 'leaver@acme.example' } },
    });
    const deleted = await app.graphql(DELETE, { as: 'admin', variables: { id: created.data.createUser.id } });
    expect(deleted.errors).toBeUndefined();
    expect(deleted.data.deleteUser).toMatchObject({ email: 'leaver@acme.example', active: false });

    const foreign = await app.graphql(DELETE, { as: 'admin', variables: { id: ids.globexUser } });
    expect(onlyError(foreign)).toEqual({ code: 'NOT_FOUND', field: undefined, message: 'User not found' });
    expect(await userRow(ids.globexUser)).toMatchObject({ active: true });
  });

  it('is admin-only: users and viewers get FORBIDDEN, anonymous callers UNAUTHENTICATED', async () => {
    const before = { count: await userCount(), row: await userRow(ids.acmeUser) };
    const calls = [
      { query: CREATE, variables: { input: { email: 'sneaky@acme.example', role: 'admin' } } },
      { query: UPDATE, variables: { id: ids.acmeUser, input: { role: 'admin' } } },
      { query: DELETE, variables: { id: ids.acmeUser } },
      {
        query: CREATE_PERMISSION,
        variables: { input: { userId: ids.acmeUser, resource: 'issues', action: 'delete' } },
      },
    ];
    for (const { query, variables } of calls) {
      expect(onlyError(await app.graphql(query, { as: 'user', variables })).code).toBe('FORBIDDEN');
      expect(onlyError(await app.graphql(query, { as: 'viewer', variables })).code).toBe('FORBIDDEN');
      expect(onlyError(await app.graphql(query, { variables })).code).toBe('UNAUTHENTICATED');
    }
    expect(await userCount()).toBe(before.count);
    expect(await userRow(ids.acmeUser)).toEqual(before.row);
  });

  describe('createUserPermission', () => {
    it('grants a permission to a user of the client', async () => {
      const input = { userId: ids.acmeUser, resource: 'reports', action: 'export' };
      const { data, errors } = await app.graphql(CREATE_PERMISSION, { as: 'admin', variables: { input } });
      expect(errors).toBeUndefined();
      expect(data.createUserPermission).toMatchObject({
        ...input,
        granted: true,
        user: { email: 'user@acme.example' },
      });
    });

    it('refuses a user of another client as if it did not exist', async () => {
      const count = () =>
        app.testDb
          .query<{ n: number }>('select count(*)::int as n from user_permissions')
          .then((r) => r[0]!.n);
      const before = await count();
      const result = await app.graphql(CREATE_PERMISSION, {
        as: 'admin',
        variables: { input: { userId: ids.globexUser, resource: 'reports', action: 'export' } },
      });
      expect(onlyError(result)).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'userId',
        message: `userId: there is no User with id ${ids.globexUser}`,
      });
      expect(await count()).toBe(before);
    });
  });
});
