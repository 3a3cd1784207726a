import { Min } from 'class-validator';

import { canEdit } from '../../auth/rules.js';
import { defineTableMutations } from '../../common/table-api/table-mutations.js';
import { PullRequest } from './pull-request.entity.js';
import { Repository } from './repository.entity.js';

defineTableMutations(Repository, {
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

defineTableMutations(PullRequest, {
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
