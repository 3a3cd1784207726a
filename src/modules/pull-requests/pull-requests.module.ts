import { isAuthenticated } from '../../auth/rules.js';
import type { GatewayModule } from '../../common/gateway-module.js';
import { JiraPullRequestLink } from './jira-pull-request-link.entity.js';
import { PullRequestComment } from './pull-request-comment.entity.js';
import { PullRequestCommit } from './pull-request-commit.entity.js';
import { PullRequestReview } from './pull-request-review.entity.js';
import { PullRequest } from './pull-request.entity.js';
import { pullRequestsMutations } from './pull-requests.mutations.js';
import { Repository } from './repository.entity.js';

export const pullRequestsModule: GatewayModule = {
  name: 'pull-requests',
  tables: [
    { entity: Repository, read: isAuthenticated },
    {
      entity: PullRequest,
      read: isAuthenticated,
      naturalKeys: [
        {
          field: 'pullRequestByNumber',
          keys: ['repositoryId', 'number'],
          description: 'A pull request by repository and number, as GitHub names it.',
        },
      ],
    },
    ...[PullRequestReview, PullRequestCommit, PullRequestComment, JiraPullRequestLink].map((entity) => ({
      entity,
      read: isAuthenticated,
    })),
  ],
  mutations: pullRequestsMutations,
};
