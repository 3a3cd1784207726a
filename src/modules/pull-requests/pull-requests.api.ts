import { isAuthenticated } from '../../auth/rules.js';
import { defineTableApi } from '../../common/table-api/table-api.js';
import { JiraPullRequestLink } from './jira-pull-request-link.entity.js';
import { PullRequestComment } from './pull-request-comment.entity.js';
import { PullRequestCommit } from './pull-request-commit.entity.js';
import { PullRequestReview } from './pull-request-review.entity.js';
import { PullRequest } from './pull-request.entity.js';
import { Repository } from './repository.entity.js';

defineTableApi(Repository, { read: isAuthenticated });
defineTableApi(PullRequest, {
  read: isAuthenticated,
  naturalKeys: [
    {
      field: 'pullRequestByNumber',
      keys: ['repositoryId', 'number'],
      description: 'A pull request by repository and number, as GitHub names it.',
    },
  ],
});
for (const entity of [PullRequestReview, PullRequestCommit, PullRequestComment, JiraPullRequestLink]) {
  defineTableApi(entity, { read: isAuthenticated });
}
