import { Min } from 'class-validator';

import { canEdit } from '../../auth/rules.js';
import { tableMutations } from '../../common/table-api/table-mutations.js';
import type { MutationDefinition } from '../../common/table-api/table-mutations.js';
import { ISSUE_CUSTOM_FIELDS, Issue } from './issue.entity.js';

/**
 * What people edit on an issue. The work metrics (total cycle time, work starts, rework...) are
 * computed from the changelog by the ETL, so they are not inputs.
 */
const issueMutations = tableMutations(Issue, {
  rule: canEdit,
  editable: [
    'key',
    'externalId',
    'integrationId',
    'projectId',
    'team',
    'summary',
    'description',
    'issuetypeId',
    'issuetypeName',
    'statusId',
    'statusName',
    'resolution',
    'storyPoints',
    'assignee',
    'assigneeId',
    'reporter',
    'reporterId',
    'labels',
    'priority',
    'created',
    'updated',
    'resolved',
    'dueDate',
    'epicLink',
    'parentKey',
    'parentExternalId',
    'parentId',
    'levelNumber',
    ...ISSUE_CUSTOM_FIELDS,
  ],
  validators: {
    storyPoints: [Min(0)],
    levelNumber: [Min(0)],
  },
});

export const issuesMutations: readonly MutationDefinition[] = [issueMutations];
