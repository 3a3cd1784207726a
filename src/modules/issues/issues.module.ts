import { isAuthenticated } from '../../auth/rules.js';
import type { GatewayModule } from '../../common/gateway-module.js';
import type { LinkRelationOptions } from '../../common/table-api/table-api.js';
import { PullRequest } from '../pull-requests/pull-request.entity.js';
import { IssueChangelog } from './issue-changelog.entity.js';
import { Issue } from './issue.entity.js';
import { issuesMutations } from './issues.mutations.js';

/**
 * Pull requests mentioning the issue, through jira_pull_request_links, which name a pull request the way
 * Jira does (repository external id + number). The client is part of the match, so a link can never
 * reach another client's pull request; `distinct` folds several links to the same pull request.
 */
const pullRequestsOfIssue: LinkRelationOptions = {
  owner: Issue,
  field: 'pullRequests',
  linkSql: (ids) =>
    `select distinct l."issue_id" as "__parent", l."external_repo_id", l."pull_request_number", l."client_id"` +
    ` from "jira_pull_request_links" as l where l."issue_id" = any(${ids})`,
  on: [
    ['external_repo_id', 'external_repo_id'],
    ['pull_request_number', 'number'],
    ['client_id', 'client_id'],
  ],
  parentRow: (pullRequest, issue) =>
    `exists (select 1 from "jira_pull_request_links" as l where l."issue_id" = ${issue('id')}` +
    ` and l."external_repo_id" = ${pullRequest}."external_repo_id"` +
    ` and l."pull_request_number" = ${pullRequest}."number" and l."client_id" = ${pullRequest}."client_id")`,
};

const issuesOfPullRequest: LinkRelationOptions = {
  owner: PullRequest,
  field: 'issues',
  linkSql: (ids) =>
    `select distinct p."id" as "__parent", l."issue_id", l."client_id" from "pull_requests" as p` +
    ` join "jira_pull_request_links" as l on l."external_repo_id" = p."external_repo_id"` +
    ` and l."pull_request_number" = p."number" and l."client_id" = p."client_id" where p."id" = any(${ids})`,
  on: [
    ['issue_id', 'id'],
    ['client_id', 'client_id'],
  ],
  // Inside a pull request's row its repository and number are at hand: no second read of pull_requests.
  parentRow: (issue, pullRequest) =>
    `exists (select 1 from "jira_pull_request_links" as l where l."issue_id" = ${issue}."id"` +
    ` and l."external_repo_id" = ${pullRequest('external_repo_id')}` +
    ` and l."pull_request_number" = ${pullRequest('number')} and l."client_id" = ${pullRequest('client_id')})`,
};

export const issuesModule: GatewayModule = {
  name: 'issues',
  tables: [
    {
      entity: Issue,
      read: isAuthenticated,
      naturalKeys: [
        { field: 'issueByKey', keys: ['key'], description: 'An issue by its Jira key (unique per client).' },
      ],
    },
    { entity: IssueChangelog, read: isAuthenticated },
  ],
  links: [pullRequestsOfIssue, issuesOfPullRequest],
  mutations: issuesMutations,
};
