import { Min } from 'class-validator';

import { canEdit } from '../../auth/rules.js';
import { tableMutations } from '../../common/table-api/table-mutations.js';
import type { MutationDefinition } from '../../common/table-api/table-mutations.js';
import { IssuetypeMapping } from './issuetype-mapping.entity.js';
import { Issuetype } from './issuetype.entity.js';
import { StatusMapping } from './status-mapping.entity.js';
import { Status } from './status.entity.js';
import { Workflow } from './workflow.entity.js';

const issuetypeMutations = tableMutations(Issuetype, {
  rule: canEdit,
  editable: [
    'originalName',
    'hierarchyLevel',
    'integrationId',
    'externalId',
    'issuetypeMappingId',
    'description',
  ],
  validators: { hierarchyLevel: [Min(0)] },
});

const statusMutations = tableMutations(Status, {
  rule: canEdit,
  editable: ['originalName', 'category', 'integrationId', 'externalId', 'statusMappingId', 'description'],
});

const workflowTableMutations = tableMutations(Workflow, {
  rule: canEdit,
  editable: ['stepName', 'stepCategory', 'stepNumber', 'isCommitmentPoint', 'integrationId'],
  validators: { stepNumber: [Min(0)] },
  uniqueFields: {
    idx_unique_commitment_point_per_client_integration: {
      field: 'isCommitmentPoint',
      message: 'isCommitmentPoint: another workflow step of this integration is already the commitment point',
    },
  },
});

const statusMappingMutations = tableMutations(StatusMapping, {
  rule: canEdit,
  editable: ['statusFrom', 'statusTo', 'statusCategory', 'workflowId', 'integrationId'],
});

const issuetypeMappingMutations = tableMutations(IssuetypeMapping, {
  rule: canEdit,
  editable: ['issuetypeFrom', 'issuetypeTo', 'issuetypeHierarchyId', 'integrationId'],
});

export const workflowMutations: readonly MutationDefinition[] = [
  issuetypeMutations,
  statusMutations,
  workflowTableMutations,
  statusMappingMutations,
  issuetypeMappingMutations,
];
