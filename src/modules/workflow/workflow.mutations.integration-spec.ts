import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

import { createTestApp } from '../../testing/test-app.js';
import { onlyError } from '../../testing/mutation-expectations.js';
import type { TestApp } from '../../testing/test-app.js';

const CREATE_WORKFLOW = `mutation ($input: WorkflowCreateInput!) {
  createWorkflow(input: $input) { id stepName stepCategory stepNumber isCommitmentPoint integrationId }
}`;
const CREATE_STATUS_MAPPING = `mutation ($input: StatusMappingCreateInput!) {
  createStatusMapping(input: $input) { id statusFrom statusTo statusCategory workflowId workflow { stepName } }
}`;
const UPDATE_STATUS = `mutation ($id: Int!, $input: StatusUpdateInput!) {
  updateStatus(id: $id, input: $input) { id originalName category statusMappingId }
}`;

describe('workflow mutations', () => {
  let app: TestApp;
  const ids = { acme: 0, integration: 0, status: 0, globexWorkflow: 0 };

  beforeAll(async () => {
    app = await createTestApp('workflow_mutations');
    ids.acme = (await app.viewer('user', 0)).clientId;
    const globex = (await app.viewer('user', 1)).clientId;
    const id = async (sql: string, clientId: number) =>
      (await app.testDb.query<{ id: number }>(sql, [clientId]))[0]!.id;
    ids.integration = await id(
      'select id from integrations where client_id = $1 order by id limit 1',
      ids.acme,
    );
    ids.status = await id('select id from statuses where client_id = $1 order by id limit 1', ids.acme);
    ids.globexWorkflow = await id(
      'select id from workflows where client_id = $1 order by id limit 1',
      globex,
    );
  });

  afterAll(async () => {
    await app?.close();
  });

  it('maps a new status onto a new workflow step and points a status at the mapping', async () => {
    const step = await app.graphql(CREATE_WORKFLOW, {
      as: 'user',
      variables: { input: { stepName: 'Security review', stepCategory: 'In Progress', stepNumber: 9 } },
    });
    expect(step.errors).toBeUndefined();
    expect(step.data.createWorkflow).toMatchObject({
      stepName: 'Security review',
      isCommitmentPoint: false,
      integrationId: null,
    });

    const mapping = await app.graphql(CREATE_STATUS_MAPPING, {
      as: 'user',
      variables: {
        input: {
          statusFrom: 'Sec Review',
          statusTo: 'Security review',
          statusCategory: 'In Progress',
          workflowId: step.data.createWorkflow.id,
        },
      },
    });
    expect(mapping.errors).toBeUndefined();
    expect(mapping.data.createStatusMapping).toMatchObject({
      statusFrom: 'Sec Review',
      workflow: { stepName: 'Security review' },
    });

    const status = await app.graphql(UPDATE_STATUS, {
      as: 'user',
      variables: { id: ids.status, input: { statusMappingId: mapping.data.createStatusMapping.id } },
    });
    expect(status.errors).toBeUndefined();
    expect(status.data.updateStatus.statusMappingId).toBe(mapping.data.createStatusMapping.id);
  });

  it('names isCommitmentPoint when the integration already has a commitment point', async () => {
    const taken = await app.testDb.query<{ n: number }>(
      'select count(*)::int as n from workflows where client_id = $1 and integration_id = $2 and is_commitment_point',
      [ids.acme, ids.integration],
    );
    const input = {
      stepName: 'Start',
      stepCategory: 'In Progress',
      isCommitmentPoint: true,
      integrationId: ids.integration,
    };
    if (taken[0]!.n === 0) {
      expect(
        (await app.graphql(CREATE_WORKFLOW, { as: 'user', variables: { input } })).errors,
      ).toBeUndefined();
    }

    const second = await app.graphql(CREATE_WORKFLOW, {
      as: 'user',
      variables: { input: { ...input, stepName: 'Also start' } },
    });

    expect(onlyError(second)).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'isCommitmentPoint',
      message: 'isCommitmentPoint: another workflow step of this integration is already the commitment point',
    });
    const rows = await app.testDb.query('select id from workflows where step_name = $1', ['Also start']);
    expect(rows).toEqual([]);
  });

  it("refuses another client's workflow as a mapping target", async () => {
    const result = await app.graphql(CREATE_STATUS_MAPPING, {
      as: 'user',
      variables: {
        input: { statusFrom: 'X', statusTo: 'Y', statusCategory: 'Done', workflowId: ids.globexWorkflow },
      },
    });
    expect(onlyError(result)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'workflowId' });
  });
});
