import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

import { createTestApp } from '../../testing/test-app.js';
import { onlyError } from '../../testing/mutation-expectations.js';
import type { TestApp } from '../../testing/test-app.js';

const CREATE_REPOSITORY = `mutation ($input: RepositoryCreateInput!) {
  createRepository(input: $input) { id name fullName isPrivate archived active clientId }
}`;
const UPDATE_REPOSITORY = `mutation ($id: Int!, $input: RepositoryUpdateInput!) {
  updateRepository(id: $id, input: $input) { id name archived }
}`;
const DELETE_REPOSITORY = `mutation ($id: Int!) { deleteRepository(id: $id) { id active } }`;
const CREATE_PULL_REQUEST = `mutation ($input: PullRequestCreateInput!) {
  createPullRequest(input: $input) { id number name status additions repositoryId repository { name } issueId clientId }
}`;
const UPDATE_PULL_REQUEST = `mutation ($id: Int!, $input: PullRequestUpdateInput!) {
  updatePullRequest(id: $id, input: $input) { id status mergedAt }
}`;

describe('Repository and PullRequest mutations', () => {
  let app: TestApp;
  const ids = { acme: 0, integration: 0, globexRepository: 0, globexPullRequest: 0, acmeIssue: 0 };
  const prCount = () =>
    app.testDb.query<{ n: number }>('select count(*)::int as n from pull_requests').then((r) => r[0]!.n);

  beforeAll(async () => {
    app = await createTestApp('pull_request_mutations');
    ids.acme = (await app.viewer('user', 0)).clientId;
    const globex = (await app.viewer('user', 1)).clientId;
    const id = async (sql: string, clientId: number) =>
      (await app.testDb.query<{ id: number }>(sql, [clientId]))[0]!.id;
    ids.integration = await id(
      'select id from integrations where client_id = $1 order by id limit 1',
      ids.acme,
    );
    ids.globexRepository = await id(
      'select id from repositories where client_id = $1 order by id limit 1',
      globex,
    );
    ids.globexPullRequest = await id(
      'select id from pull_requests where client_id = $1 order by id limit 1',
      globex,
    );
    ids.acmeIssue = await id('select id from issues where client_id = $1 order by id limit 1', ids.acme);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('creates a repository, opens and merges a pull request in it, and archives then deletes the repository', async () => {
    const repository = await app.graphql(CREATE_REPOSITORY, {
      as: 'user',
      variables: {
        // A name the demo data does not use: full names are unique per client (the import's natural key).
        input: { name: 'api', fullName: 'acme/api-gateway', isPrivate: true, integrationId: ids.integration },
      },
    });
    expect(repository.errors).toBeUndefined();
    const repositoryId = repository.data.createRepository.id as number;
    expect(repository.data.createRepository).toMatchObject({
      name: 'api',
      fullName: 'acme/api-gateway',
      isPrivate: true,
      active: true,
      clientId: ids.acme,
    });

    const opened = await app.graphql(CREATE_PULL_REQUEST, {
      as: 'user',
      variables: {
        input: {
          repositoryId,
          number: 1,
          name: 'Add endpoint',
          status: 'open',
          additions: 120,
          issueId: ids.acmeIssue,
          integrationId: ids.integration,
        },
      },
    });
    expect(opened.errors).toBeUndefined();
    expect(opened.data.createPullRequest).toMatchObject({
      number: 1,
      status: 'open',
      repositoryId,
      repository: { name: 'api' },
      issueId: ids.acmeIssue,
      clientId: ids.acme,
    });

    const mergedAt = '2026-01-02T03:04:05.000Z';
    const merged = await app.graphql(UPDATE_PULL_REQUEST, {
      as: 'user',
      variables: { id: opened.data.createPullRequest.id, input: { status: 'merged', mergedAt } },
    });
    expect(merged.errors).toBeUndefined();
    expect(merged.data.updatePullRequest).toMatchObject({ status: 'merged', mergedAt });

    const archived = await app.graphql(UPDATE_REPOSITORY, {
      as: 'user',
      variables: { id: repositoryId, input: { archived: true } },
    });
    expect(archived.data.updateRepository).toMatchObject({ name: 'api', archived: true });
    const deleted = await app.graphql(DELETE_REPOSITORY, { as: 'user', variables: { id: repositoryId } });
    expect(deleted.data.deleteRepository).toEqual({ id: repositoryId, active: false });
  });

  it('refuses a second pull request with the same number in the repository', async () => {
    const repository = await app.graphql(CREATE_REPOSITORY, {
      as: 'user',
      variables: { input: { name: 'web', integrationId: ids.integration } },
    });
    const input = {
      repositoryId: repository.data.createRepository.id,
      number: 7,
      integrationId: ids.integration,
    };
    expect(
      (await app.graphql(CREATE_PULL_REQUEST, { as: 'user', variables: { input } })).errors,
    ).toBeUndefined();
    const before = await prCount();

    const duplicate = await app.graphql(CREATE_PULL_REQUEST, { as: 'user', variables: { input } });

    expect(onlyError(duplicate)).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'number',
      message: 'number is already in use',
    });
    expect(await prCount()).toBe(before);
  });

  it("refuses a pull request in another client's repository as if it did not exist", async () => {
    const before = await prCount();
    const result = await app.graphql(CREATE_PULL_REQUEST, {
      as: 'user',
      variables: { input: { repositoryId: ids.globexRepository, number: 1, integrationId: ids.integration } },
    });
    expect(onlyError(result)).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'repositoryId',
      message: `repositoryId: there is no Repository with id ${ids.globexRepository}`,
    });
    expect(await prCount()).toBe(before);
  });

  it("answers NOT_FOUND for another client's pull request", async () => {
    const result = await app.graphql(UPDATE_PULL_REQUEST, {
      as: 'admin',
      variables: { id: ids.globexPullRequest, input: { status: 'closed' } },
    });
    expect(onlyError(result)).toEqual({
      code: 'NOT_FOUND',
      field: undefined,
      message: 'PullRequest not found',
    });
  });

  it('refuses viewers', async () => {
    const result = await app.graphql(CREATE_REPOSITORY, {
      as: 'viewer',
      variables: { input: { name: 'nope', integrationId: ids.integration } },
    });
    expect(onlyError(result).code).toBe('FORBIDDEN');
  });
});
