import { Min } from 'class-validator';

import { canEdit } from '../../auth/rules.js';
import { tableMutations } from '../../common/table-api/table-mutations.js';
import type { MutationDefinition } from '../../common/table-api/table-mutations.js';
import { PullRequest } from './pull-request.entity.js';
import { Repository } from './repository.entity.js';

const repositoryMutations = tableMutations(Repository, {
  rule: canEdit,
  editable: [
    'name',
    'fullName',
    'externalId',
    'integrationId',
    'description',
    'url',
    'isPrivate',
    'repoCreatedAt',
    'repoUpdatedAt',
    'pushedAt',
    'language',
    'defaultBranch',
    'archived',
  ],
});

const COUNTS = [
  'discussionCommentCount',
  'reviewCommentCount',
  'reviewers',
  'commitCount',
  'additions',
  'deletions',
  'changedFiles',
  'reworkCommitCount',
  'reviewCycles',
] as const;

const pullRequestMutations = tableMutations(PullRequest, {
  rule: canEdit,
  editable: [
    'repositoryId',
    'number',
    'externalId',
    'externalRepoId',
    'integrationId',
    'issueId',
    'name',
    'userName',
    'body',
    'source',
    'destination',
    'status',
    'url',
    'prCreatedAt',
    'prUpdatedAt',
    'closedAt',
    'mergedAt',
    'mergedBy',
    'firstReviewAt',
    ...COUNTS,
  ],
  validators: {
    number: [Min(1)],
    ...Object.fromEntries(COUNTS.map((key) => [key, [Min(0)]])),
  },
});

export const pullRequestsMutations: readonly MutationDefinition[] = [
  repositoryMutations,
  pullRequestMutations,
];
