/**
 * What `npm run bench` sends with each operation of `schema/operations/*.graphql`.
 *
 * An operation is benchmarked whether or not it has an entry here. Its variables are, in order:
 *   1. what its scenario's `variables` gives (a plain object, or a function that looks values up);
 *   2. for a variable still unset that has no default in the operation: `VARIABLE_LOOKUPS[name]`, if any;
 *   3. otherwise nothing: the operation's default applies, and a missing required variable makes the
 *      operation fail (reported as such, with a hint to add a scenario).
 * Only variables the operation declares are sent, so a scenario may offer several names for one value.
 * An operation that declares `$first` runs once per page size (default 10 and 500), to show that the
 * number of SQL statements does not grow with the page.
 *
 * Lookups run on the bench database (primary) and must stay inside the bench client (`ctx.clientId`):
 * the token is for that client's admin, and the tenant filter hides every other client's rows.
 */

/** GraphQL variables of one request. */
export type Variables = Record<string, unknown>;

export interface ScenarioContext {
  /** The client the bench token belongs to (the first seeded client, "Acme Corp"). */
  clientId: number;
  /** Its admin user, the token's subject. */
  userId: number;
  /** Runs one read-only statement on the bench database (`$1` placeholders) and returns its rows. */
  query<Row extends Record<string, unknown> = Record<string, unknown>>(
    sql: string,
    params?: readonly unknown[],
  ): Promise<Row[]>;
}

export interface Scenario {
  /** Variables, or a function that looks them up in the bench database. */
  variables?: Variables | ((ctx: ScenarioContext) => Variables | Promise<Variables>);
  /** Values of `$first` to run; default {@link DEFAULT_PAGE_SIZES} when the operation declares `$first`. */
  pageSizes?: readonly number[];
  /** Do not measure this operation; the reason is printed. */
  skip?: string;
}

export const DEFAULT_PAGE_SIZES: readonly number[] = [10, 500];

/** Looks up one variable value by its name, for operations without a scenario that sets it. */
export type VariableLookup = (ctx: ScenarioContext) => Promise<unknown>;

async function first<T>(rows: Promise<Record<string, unknown>[]>, column: string): Promise<T | undefined> {
  return (await rows)[0]?.[column] as T | undefined;
}

/** The issue of the bench client with the most pull request links: detail pages with everything on them. */
const richIssue = (ctx: ScenarioContext) =>
  ctx.query<{ id: number; key: string }>(
    `select i.id, i.key from issues i
       join jira_pull_request_links l on l.issue_id = i.id
      where i.client_id = $1
      group by i.id, i.key
      order by count(*) desc, i.id
      limit 1`,
    [ctx.clientId],
  );

/** The repository of the bench client with the most pull requests. */
const busiestRepository = (ctx: ScenarioContext) =>
  ctx.query<{ id: number; full_name: string }>(
    `select r.id, r.full_name from repositories r
       join pull_requests p on p.repository_id = r.id
      where r.client_id = $1
      group by r.id, r.full_name
      order by count(*) desc, r.id
      limit 1`,
    [ctx.clientId],
  );

/** The pull request of the bench client with the most reviews. */
const mostReviewedPullRequest = (ctx: ScenarioContext) =>
  ctx.query<{ id: number }>(
    `select pull_request_id as id from pull_request_reviews
      where client_id = $1
      group by pull_request_id
      order by count(*) desc, pull_request_id
      limit 1`,
    [ctx.clientId],
  );

/** The project of the bench client with the most issues. */
const biggestProject = (ctx: ScenarioContext) =>
  ctx.query<{ id: number; key: string }>(
    `select p.id, p.key from projects p
       join issues i on i.project_id = p.id
      where p.client_id = $1
      group by p.id, p.key
      order by count(*) desc, p.id
      limit 1`,
    [ctx.clientId],
  );

/** Keyed by variable name: used when an operation declares the variable and no scenario sets it. */
export const VARIABLE_LOOKUPS: Readonly<Record<string, VariableLookup>> = {
  issueKey: (ctx) => first(richIssue(ctx), 'key'),
  issueId: (ctx) => first(richIssue(ctx), 'id'),
  repositoryId: (ctx) => first(busiestRepository(ctx), 'id'),
  repositoryFullName: (ctx) => first(busiestRepository(ctx), 'full_name'),
  pullRequestId: (ctx) => first(mostReviewedPullRequest(ctx), 'id'),
  projectId: (ctx) => first(biggestProject(ctx), 'id'),
  projectKey: (ctx) => first(biggestProject(ctx), 'key'),
  userId: async (ctx) => ctx.userId,
};

/** Keyed by operation name (`query IssueDetail ...` -> `IssueDetail`). */
export const SCENARIOS: Readonly<Record<string, Scenario>> = {
  Viewer: {},
  IssueList: { pageSizes: [10, 100, 500] },
  IssueEmbeddings: { pageSizes: [10, 100, 500] },
  IssueDetail: {
    variables: async (ctx) => {
      const [issue] = await richIssue(ctx);
      return issue ? { key: issue.key, issueKey: issue.key, id: issue.id, issueId: issue.id } : {};
    },
  },
  PullRequestList: {
    variables: async (ctx) => {
      const [repository] = await busiestRepository(ctx);
      return repository ? { repositoryId: repository.id } : {};
    },
  },
  PullRequestDetail: {
    variables: async (ctx) => {
      const [pullRequest] = await mostReviewedPullRequest(ctx);
      return pullRequest ? { id: pullRequest.id, pullRequestId: pullRequest.id } : {};
    },
  },
  AnomalyAlerts: { pageSizes: [10, 100] },
};
