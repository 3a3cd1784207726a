/**
 * The operations compared with PostGraphile, each written three times: the gateway's document and a
 * hand-written equivalent for PostGraphile 4 (simplify inflector) and 5 (amber + simplify-inflection).
 * The peer documents alias their fields to the gateway's names (`id: rowId` in v5, `pullRequests:
 * linkedPullRequests`), so the three answers have one shape and can be compared row by row.
 *
 * The tenant: the peers get `pulse.client_id` through pgSettings. Where the database does not enforce
 * row level security for their role yet, `$condition` ({ clientId }) keeps them on the bench client;
 * where it does, `$condition` is null and the policies alone scope them, as they would in production.
 *
 * Pull requests and issues are linked through jira_pull_request_links by repository and number, not by a
 * foreign key; PostGraphile follows such a link through a computed column (a `setof` SQL function, see
 * PEER_SQL_FUNCTIONS), the way its documentation recommends for joins it cannot infer.
 */

export type PeerName = 'v4' | 'v5';
export const PEER_NAMES: readonly PeerName[] = ['v4', 'v5'];
export const PEER_LABELS: Readonly<Record<PeerName, string>> = {
  v4: 'PostGraphile 4.14.1',
  v5: 'PostGraphile 5.1.5',
};

export interface ComparedOperation {
  /** Name used by `--compare`. */
  name: string;
  /** What the row of the side-by-side table says. */
  description: string;
  /**
   * The gateway's document: an operation of schema/operations by name, or a document of its own (for
   * the flat list, which the dashboard does not send as such).
   */
  gateway: { operation: string } | { document: string; operationName: string };
  /** Variables for the gateway, from the bench scenario values. */
  gatewayVariables: (values: ComparedValues) => Record<string, unknown>;
  peers: Readonly<Record<PeerName, string>>;
  /** Variables of the peer documents (besides `$condition`, which the bench adds). */
  peerVariables: (values: ComparedValues) => Record<string, unknown>;
  /** The list in `data` whose rows are compared value by value (the others are compared by id). */
  rowsPath: readonly string[];
}

export interface ComparedValues {
  repositoryId: number;
}

const ISSUE_LIST_V4 = `query IssueList($first: Int = 100, $condition: IssueCondition) {
  issues(first: $first, orderBy: [CREATED_DESC, ID_ASC], condition: $condition) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes {
      id key summary priority storyPoints created updated
      project { id key name }
      status { id originalName category }
      assigneeUser { id email firstName lastName }
      pullRequests: linkedPullRequests(first: 5) {
        totalCount
        nodes {
          id number name status url
          reviews: pullRequestReviews(first: 10, orderBy: ID_ASC) { nodes { id state authorLogin submittedAt } }
        }
      }
    }
  }
}`;

const ISSUE_LIST_V5 = `query IssueList($first: Int = 100, $condition: IssueCondition) {
  issues(first: $first, orderBy: [CREATED_DESC, ROW_ID_ASC], condition: $condition) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes {
      id: rowId key summary priority storyPoints created updated
      project { id: rowId key name }
      status { id: rowId originalName category }
      assigneeUser { id: rowId email firstName lastName }
      pullRequests: linkedPullRequests(first: 5) {
        totalCount
        nodes {
          id: rowId number name status url
          reviews: pullRequestReviews(first: 10, orderBy: ROW_ID_ASC) {
            nodes { id: rowId state authorLogin submittedAt }
          }
        }
      }
    }
  }
}`;

const FLAT_GATEWAY = `query IssueFlatList($first: Int = 100) {
  issues(first: $first, orderBy: [{ field: CREATED, direction: DESC }]) {
    nodes { id key summary priority storyPoints statusName created updated }
  }
}`;

const FLAT_V4 = `query IssueFlatList($first: Int = 100, $condition: IssueCondition) {
  issues(first: $first, orderBy: [CREATED_DESC, ID_ASC], condition: $condition) {
    nodes { id key summary priority storyPoints statusName created updated }
  }
}`;

const FLAT_V5 = `query IssueFlatList($first: Int = 100, $condition: IssueCondition) {
  issues(first: $first, orderBy: [CREATED_DESC, ROW_ID_ASC], condition: $condition) {
    nodes { id: rowId key summary priority storyPoints statusName created updated }
  }
}`;

const PULL_REQUEST_LIST_V4 = `query PullRequestList($first: Int = 50, $condition: PullRequestCondition) {
  pullRequests(first: $first, orderBy: [PR_CREATED_AT_DESC, ID_ASC], condition: $condition) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes {
      id number name userName status prCreatedAt mergedAt additions deletions
      repository { id fullName }
      reviews: pullRequestReviews(first: 10, orderBy: ID_ASC) {
        totalCount
        nodes { state authorLogin submittedAt }
      }
      issues: linkedIssues(first: 5) { nodes { id key summary } }
    }
  }
}`;

const PULL_REQUEST_LIST_V5 = `query PullRequestList($first: Int = 50, $condition: PullRequestCondition) {
  pullRequests(first: $first, orderBy: [PR_CREATED_AT_DESC, ROW_ID_ASC], condition: $condition) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes {
      id: rowId number name userName status prCreatedAt mergedAt additions deletions
      repository { id: rowId fullName }
      reviews: pullRequestReviews(first: 10, orderBy: ROW_ID_ASC) {
        totalCount
        nodes { state authorLogin submittedAt }
      }
      issues: linkedIssues(first: 5) { nodes { id: rowId key summary } }
    }
  }
}`;

export const COMPARED_OPERATIONS: readonly ComparedOperation[] = [
  {
    name: 'IssueList',
    description: 'IssueList, 100 issues with project, status, assignee, linked PRs and their reviews',
    gateway: { operation: 'IssueList' },
    gatewayVariables: () => ({ first: 100 }),
    peers: { v4: ISSUE_LIST_V4, v5: ISSUE_LIST_V5 },
    peerVariables: () => ({ first: 100 }),
    rowsPath: ['issues', 'nodes'],
  },
  {
    name: 'IssueFlatList',
    description: '100 issues, 8 columns, no relations',
    gateway: { document: FLAT_GATEWAY, operationName: 'IssueFlatList' },
    gatewayVariables: () => ({ first: 100 }),
    peers: { v4: FLAT_V4, v5: FLAT_V5 },
    peerVariables: () => ({ first: 100 }),
    rowsPath: ['issues', 'nodes'],
  },
  {
    name: 'PullRequestList',
    description: 'PullRequestList, 50 PRs with reviews and linked issues',
    gateway: { operation: 'PullRequestList' },
    gatewayVariables: (values) => ({ repositoryId: values.repositoryId, first: 50 }),
    peers: { v4: PULL_REQUEST_LIST_V4, v5: PULL_REQUEST_LIST_V5 },
    // The repository goes into `$condition` (see peerCondition).
    peerVariables: () => ({ first: 50 }),
    rowsPath: ['pullRequests', 'nodes'],
  },
];

/**
 * The computed columns the peers follow the links with, created by the tables' owner in the bench
 * database (idempotent). Same join as the gateway's: repository external id, number and client, each
 * linked row once, ordered by id as the gateway's connections are. `stable` SQL functions that
 * PostgreSQL inlines into the calling query, and that run with the caller's rights (RLS applies).
 */
export const PEER_SQL_FUNCTIONS = [
  `create or replace function public.issues_linked_pull_requests(issue public.issues)
     returns setof public.pull_requests language sql stable as $$
       select p.* from public.pull_requests p
        where exists (select 1 from public.jira_pull_request_links l
                       where l.issue_id = issue.id and l.external_repo_id = p.external_repo_id
                         and l.pull_request_number = p.number and l.client_id = p.client_id)
        order by p.id
     $$`,
  `create or replace function public.pull_requests_linked_issues(pull_request public.pull_requests)
     returns setof public.issues language sql stable as $$
       select i.* from public.issues i
        where exists (select 1 from public.jira_pull_request_links l
                       where l.issue_id = i.id and l.external_repo_id = pull_request.external_repo_id
                         and l.pull_request_number = pull_request.number and l.client_id = pull_request.client_id)
        order by i.id
     $$`,
];

/** `$condition` of a peer document: the tenant (when RLS does not scope the peer) and the operation's own. */
export function peerCondition(
  operation: ComparedOperation,
  values: ComparedValues,
  tenant: { clientId: number } | null,
): Record<string, unknown> | null {
  const condition: Record<string, unknown> = { ...(tenant ?? {}) };
  if (operation.name === 'PullRequestList') condition.repositoryId = values.repositoryId;
  return Object.keys(condition).length > 0 ? condition : null;
}
