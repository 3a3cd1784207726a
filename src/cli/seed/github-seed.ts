import { DAY, HOUR, LAST_SYNC_AT, MINUTE, REFERENCE_NOW, iso } from './demo-clock.js';
import {
  CODE_PATHS,
  COMMENT_BODIES,
  COMMIT_VERBS,
  REPOSITORY_TEMPLATES,
  REVIEW_BODIES,
} from './demo-vocabulary.js';
import type { RepositoryTemplate } from './demo-vocabulary.js';
import type { SeededIssue } from './issue-seed.js';
import type { JiraSetup } from './jira-setup-seed.js';
import type { PullRequestTimeline } from './pull-request-timeline.js';
import { requireId, returnedId } from './seed-context.js';
import type { SeedContext } from './seed-context.js';
import type { SqlRow } from './seed-writer.js';
import type { SeededRandom } from './seeded-random.js';
import type { SeededClient, SeededUser } from './tenant-seed.js';

interface SeededRepository {
  id: number;
  externalId: string;
  fullName: string;
  template: RepositoryTemplate;
  topic: string;
}

type ReviewState = 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED';

interface PlannedReview {
  author: SeededUser;
  state: ReviewState;
  at: number;
}

interface PlannedCommit {
  sha: string;
  message: string;
  at: number;
}

interface PlannedComment {
  author: SeededUser;
  inline: boolean;
  at: number;
}

interface PlannedPullRequest {
  issue: SeededIssue & { pullRequest: PullRequestTimeline };
  repository: SeededRepository;
  author: SeededUser;
  number: number;
  externalId: string;
  branch: string;
  reviews: PlannedReview[];
  commits: PlannedCommit[];
  comments: PlannedComment[];
}

/**
 * The client's GitHub side: 3 to 6 repositories, one pull request for each issue whose timeline has one
 * (numbered per repository in the order they were opened), its reviews, commits and comments, and the
 * Jira development-panel link from the issue to it.
 */
export async function seedGithub(
  ctx: SeedContext,
  client: SeededClient,
  setup: JiraSetup,
  issues: readonly SeededIssue[],
): Promise<void> {
  const repositories = await seedRepositories(ctx, client);
  const plans = planPullRequests(ctx.random.fork('pull-requests'), client, setup, repositories, issues);
  if (plans.length === 0) return;

  const returned = await ctx.writer.insert(
    'pull_requests',
    plans.map((plan) =>
      pullRequestRow(ctx, ctx.random.fork(`pull-request:${plan.externalId}`), client, plan),
    ),
    { returning: ['id', 'repository_id', 'number'] },
  );
  const idByNaturalKey = new Map(
    returned.map((row) => [
      `${returnedId(row, 'repository_id')}#${returnedId(row, 'number')}`,
      returnedId(row),
    ]),
  );
  const pullRequestId = (plan: PlannedPullRequest) =>
    requireId(idByNaturalKey, `${plan.repository.id}#${plan.number}`);

  await seedReviews(ctx, client, plans, pullRequestId);
  await seedCommits(ctx, client, plans, pullRequestId);
  await seedComments(ctx, client, plans, pullRequestId);
  await seedLinks(ctx, client, plans);
}

async function seedRepositories(ctx: SeedContext, client: SeededClient): Promise<SeededRepository[]> {
  const { random } = ctx;
  const templates = random.sample(REPOSITORY_TEMPLATES, random.int(3, 6));
  const repositories = templates.map((template, i) => ({
    externalId: String(400_000_000 + client.identity.index * 1_000 + i + 1),
    fullName: `${client.identity.slug}/${template.name}`,
    template,
    topic: `repository:${client.identity.slug}/${template.name}`,
  }));
  const returned = await ctx.writer.insert(
    'repositories',
    repositories.map((repository) => {
      const pushedAt = REFERENCE_NOW - random.between(0.05, 4) * DAY;
      return {
        client_id: client.id,
        integration_id: client.githubIntegrationId,
        external_id: repository.externalId,
        name: repository.template.name,
        full_name: repository.fullName,
        description: repository.template.description,
        url: `https://github.com/${repository.fullName}`,
        is_private: random.chance(0.85),
        repo_created_at: iso(REFERENCE_NOW - random.int(600, 2000) * DAY),
        repo_updated_at: iso(pushedAt + random.between(0, 2) * HOUR),
        pushed_at: iso(pushedAt),
        language: repository.template.language,
        default_branch: 'main',
        archived: false,
        created_at: iso(LAST_SYNC_AT - 180 * DAY),
        last_updated_at: iso(LAST_SYNC_AT),
        embedding: ctx.embeddings.forRow('repositories', repository.topic),
      };
    }),
    { returning: ['id', 'external_id'] },
  );
  const idByExternalId = new Map(returned.map((row) => [String(row.external_id), returnedId(row)]));
  return repositories.map((repository) => ({
    ...repository,
    id: requireId(idByExternalId, repository.externalId),
  }));
}

function planPullRequests(
  random: SeededRandom,
  client: SeededClient,
  setup: JiraSetup,
  repositories: readonly SeededRepository[],
  issues: readonly SeededIssue[],
): PlannedPullRequest[] {
  // Each project mostly lands in "its" repository, sometimes in another one.
  const homeRepository = new Map(
    setup.projects.map((project) => [project.id, repositories[project.index % repositories.length]]),
  );
  const withPullRequest = issues.filter(
    (issue): issue is SeededIssue & { pullRequest: PullRequestTimeline } => issue.pullRequest !== null,
  );
  const drafts = withPullRequest.map((issue, order) => {
    const author = issue.assignee ?? issue.reporter;
    const home = homeRepository.get(issue.project.id) ?? repositories[0];
    return {
      issue,
      order,
      author,
      repository: random.chance(0.8) ? home : random.pick(repositories),
      branch: `${issue.kind === 'Bug' ? 'bugfix' : 'feature'}/${issue.key.toLowerCase()}-${branchSlug(issue.summary)}`,
    };
  });
  // GitHub numbers pull requests per repository in the order they are opened.
  drafts.sort((a, b) => a.issue.pullRequest.openedAt - b.issue.pullRequest.openedAt || a.order - b.order);
  const nextNumber = new Map(repositories.map((repository) => [repository.id, random.int(1, 60)]));
  return drafts.map((draft, rank) => {
    const number = nextNumber.get(draft.repository.id) ?? 1;
    nextNumber.set(draft.repository.id, number + 1);
    const reviewers = client.contributors.filter((user) => user !== draft.author);
    const activity = planActivity(
      random,
      draft.issue.pullRequest,
      reviewers,
      draft.issue.key,
      draft.issue.summary,
    );
    return {
      issue: draft.issue,
      repository: draft.repository,
      author: draft.author,
      number,
      externalId: String(1_800_000_000 + client.identity.index * 10_000_000 + rank),
      branch: draft.branch,
      ...activity,
    };
  });
}

function branchSlug(summary: string): string {
  return summary
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .split('-')
    .filter(Boolean)
    .slice(0, 5)
    .join('-');
}

/**
 * Reviews, commits and comments inside the pull request's life: the first commit at the planned time,
 * the rest spread until it closes (some after the first review: rework), reviews after it opens, the
 * last review of a merged pull request an approval.
 */
function planActivity(
  random: SeededRandom,
  timeline: PullRequestTimeline,
  reviewers: readonly SeededUser[],
  issueKey: string,
  summary: string,
): Pick<PlannedPullRequest, 'reviews' | 'commits' | 'comments'> {
  const end = timeline.closedAt ?? REFERENCE_NOW - MINUTE;
  const between = (from: number, to: number) => from + random.next() * Math.max(to - from, 0);
  const sortedTimes = (count: number, from: number, to: number) =>
    Array.from({ length: count }, () => between(from, to)).sort((a, b) => a - b);

  const reviewAuthors = random.sample(reviewers, random.int(1, Math.min(3, reviewers.length)));
  const reviewCount = Math.max(reviewAuthors.length, random.int(1, 3));
  const reviews = sortedTimes(reviewCount, timeline.openedAt, end).map((at, i): PlannedReview => {
    const isLast = i === reviewCount - 1;
    const state: ReviewState =
      isLast && timeline.status === 'merged'
        ? 'APPROVED'
        : random.weighted([
            ['CHANGES_REQUESTED', 4],
            ['COMMENTED', 3],
            ['APPROVED', isLast ? 3 : 1],
          ]);
    return { author: reviewAuthors[i % reviewAuthors.length], state, at };
  });

  const commitTimes = [timeline.firstCommitAt, ...sortedTimes(random.int(0, 4), timeline.firstCommitAt, end)];
  const verb = random.pick(COMMIT_VERBS);
  const commits = commitTimes.map((at, i): PlannedCommit => ({
    sha: random.hex(40),
    message:
      i === 0
        ? `${verb}(${issueKey}): ${summary.charAt(0).toLowerCase()}${summary.slice(1)}`
        : random.pick(['Address review comments', 'Fix failing tests', 'Refactor after review', 'Add tests']),
    at,
  }));

  const comments = sortedTimes(random.int(0, 3), timeline.openedAt, end).map((at): PlannedComment => ({
    author: random.pick(reviewers),
    inline: random.chance(0.6),
    at,
  }));
  return { reviews, commits, comments };
}

function pullRequestRow(
  ctx: SeedContext,
  random: SeededRandom,
  client: SeededClient,
  plan: PlannedPullRequest,
): SqlRow {
  const { issue, reviews, commits, comments } = plan;
  const timeline = issue.pullRequest;
  const firstReviewAt = reviews[0]?.at ?? null;
  const additions = Math.round(random.logUniform(5, 1500));
  const lastActivity = Math.max(
    timeline.closedAt ?? 0,
    ...reviews.map((review) => review.at),
    ...commits.map((commit) => commit.at),
    ...comments.map((comment) => comment.at),
  );
  const approver = [...reviews].reverse().find((review) => review.state === 'APPROVED');
  return {
    client_id: client.id,
    integration_id: client.githubIntegrationId,
    external_id: plan.externalId,
    external_repo_id: plan.repository.externalId,
    repository_id: plan.repository.id,
    issue_id: issue.id,
    number: plan.number,
    name: `${issue.key} ${issue.summary}`,
    user_name: plan.author.login,
    body: `Closes ${issue.key}.\n\n${issue.description.split('\n')[0]}`,
    discussion_comment_count: comments.filter((comment) => !comment.inline).length,
    review_comment_count: comments.filter((comment) => comment.inline).length,
    source: plan.branch,
    destination: 'main',
    reviewers: new Set(reviews.map((review) => review.author)).size,
    status: timeline.status,
    url: `https://github.com/${plan.repository.fullName}/pull/${plan.number}`,
    pr_created_at: iso(timeline.openedAt),
    pr_updated_at: iso(lastActivity),
    closed_at: timeline.closedAt === null ? null : iso(timeline.closedAt),
    merged_at: timeline.status === 'merged' && timeline.closedAt !== null ? iso(timeline.closedAt) : null,
    merged_by: timeline.status === 'merged' ? (approver?.author ?? plan.author).login : null,
    commit_count: commits.length,
    additions,
    deletions: Math.round(additions * random.between(0.05, 0.8)),
    changed_files: random.int(1, Math.min(60, Math.ceil(additions / 15))),
    first_review_at: firstReviewAt === null ? null : iso(firstReviewAt),
    rework_commit_count:
      firstReviewAt === null ? 0 : commits.filter((commit) => commit.at > firstReviewAt).length,
    review_cycles:
      reviews.length === 0 ? 0 : 1 + reviews.filter((review) => review.state === 'CHANGES_REQUESTED').length,
    created_at: iso(LAST_SYNC_AT),
    last_updated_at: iso(LAST_SYNC_AT),
    embedding: ctx.embeddings.forRow('pull_requests', plan.repository.topic),
  };
}

type PullRequestIdOf = (plan: PlannedPullRequest) => number;

/** GitHub-style numeric ids: distinct per client and per kind of object (the base), in insertion order. */
function githubIds(base: number, client: SeededClient): () => string {
  let next = base + client.identity.index * 10_000_000;
  return () => String(next++);
}

/** Columns every row hanging off a pull request shares. */
function childColumns(client: SeededClient, pullRequestId: number): SqlRow {
  return {
    client_id: client.id,
    integration_id: client.githubIntegrationId,
    pull_request_id: pullRequestId,
    created_at: iso(LAST_SYNC_AT),
    last_updated_at: iso(LAST_SYNC_AT),
  };
}

async function seedReviews(
  ctx: SeedContext,
  client: SeededClient,
  plans: readonly PlannedPullRequest[],
  pullRequestId: PullRequestIdOf,
): Promise<void> {
  const random = ctx.random.fork('pull-request-reviews');
  const nextId = githubIds(2_100_000_000, client);
  const rows: SqlRow[] = plans.flatMap((plan) =>
    plan.reviews.map((review) => ({
      ...childColumns(client, pullRequestId(plan)),
      external_id: nextId(),
      author_login: review.author.login,
      state: review.state,
      body: random.pick(REVIEW_BODIES[review.state]),
      submitted_at: iso(review.at),
      embedding: ctx.embeddings.forRow('pull_request_reviews', `review:${review.state}`),
    })),
  );
  await ctx.writer.insert('pull_request_reviews', rows);
}

async function seedCommits(
  ctx: SeedContext,
  client: SeededClient,
  plans: readonly PlannedPullRequest[],
  pullRequestId: PullRequestIdOf,
): Promise<void> {
  const random = ctx.random.fork('pull-request-commits');
  const rows: SqlRow[] = plans.flatMap((plan) =>
    plan.commits.map((commit) => ({
      ...childColumns(client, pullRequestId(plan)),
      external_id: commit.sha,
      author_name: plan.author.displayName,
      author_email: plan.author.email,
      committer_name: plan.author.displayName,
      committer_email: plan.author.email,
      message: commit.message,
      authored_date: iso(commit.at),
      // Rebased before pushing, now and then.
      committed_date: iso(random.chance(0.2) ? commit.at + random.between(1, 120) * MINUTE : commit.at),
      embedding: ctx.embeddings.forRow('pull_request_commits', plan.repository.topic),
    })),
  );
  await ctx.writer.insert('pull_request_commits', rows);
}

async function seedComments(
  ctx: SeedContext,
  client: SeededClient,
  plans: readonly PlannedPullRequest[],
  pullRequestId: PullRequestIdOf,
): Promise<void> {
  const random = ctx.random.fork('pull-request-comments');
  const nextId = githubIds(1_600_000_000, client);
  const rows: SqlRow[] = plans.flatMap((plan) =>
    plan.comments.map((comment) => {
      const line = comment.inline ? random.int(1, 400) : null;
      return {
        ...childColumns(client, pullRequestId(plan)),
        external_id: nextId(),
        author_login: comment.author.login,
        body: random.pick(COMMENT_BODIES),
        comment_type: comment.inline ? 'review' : 'issue',
        path: comment.inline ? random.pick(CODE_PATHS) : null,
        position: line === null ? null : random.int(1, 40),
        line,
        created_at_github: iso(comment.at),
        updated_at_github: iso(
          random.chance(0.15) ? comment.at + random.between(1, 60) * MINUTE : comment.at,
        ),
        embedding: ctx.embeddings.forRow('pull_request_comments', plan.repository.topic),
      };
    }),
  );
  await ctx.writer.insert('pull_request_comments', rows);
}

async function seedLinks(
  ctx: SeedContext,
  client: SeededClient,
  plans: readonly PlannedPullRequest[],
): Promise<void> {
  // Jira's development panel identifies the pull request by repository and number, not by our id.
  await ctx.writer.insert(
    'jira_pull_request_links',
    plans.map((plan) => ({
      client_id: client.id,
      integration_id: client.jiraIntegrationId,
      issue_id: plan.issue.id,
      external_repo_id: plan.repository.externalId,
      repo_full_name: plan.repository.fullName,
      pull_request_number: plan.number,
      branch_name: plan.branch,
      commit_sha: plan.commits[plan.commits.length - 1].sha,
      pr_status: plan.issue.pullRequest.status,
      created_at: iso(LAST_SYNC_AT),
      last_updated_at: iso(LAST_SYNC_AT),
      embedding: ctx.embeddings.forRow('jira_pull_request_links', plan.issue.project.topic),
    })),
  );
}
