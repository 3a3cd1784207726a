import { DAY, HOUR, LAST_SYNC_AT, MINUTE, REFERENCE_NOW, iso, secondsBetween } from './demo-clock.js';
import {
  BENEFITS,
  BUG_SYMPTOMS,
  EPIC_THEMES,
  LABELS,
  PERSONAS,
  STORY_FEATURES,
  STORY_VERBS,
  SUBTASK_TEMPLATES,
  TASK_VERBS,
} from './demo-vocabulary.js';
import { chooseStatusPath, scheduleVisits, workMetrics } from './issue-lifecycle.js';
import type { StatusVisit, WorkMetrics } from './issue-lifecycle.js';
import type { IssueKind } from './jira-catalogue.js';
import type { JiraSetup, SeededProject } from './jira-setup-seed.js';
import { planPullRequestTimeline } from './pull-request-timeline.js';
import type { PullRequestTimeline } from './pull-request-timeline.js';
import { requireId, returnedId } from './seed-context.js';
import type { SeedContext } from './seed-context.js';
import type { SqlRow } from './seed-writer.js';
import type { SeededRandom } from './seeded-random.js';
import type { SeededClient, SeededUser } from './tenant-seed.js';

/** An inserted issue, with what the GitHub seeder needs to give it a pull request. */
export interface SeededIssue {
  id: number;
  key: string;
  kind: IssueKind;
  project: SeededProject;
  summary: string;
  description: string;
  assignee: SeededUser | null;
  reporter: SeededUser;
  pullRequest: PullRequestTimeline | null;
}

interface PlannedIssue {
  kind: IssueKind;
  project: SeededProject;
  parent: PlannedIssue | null;
  created: number;
  visits: StatusVisit[];
  metrics: WorkMetrics;
  pullRequest: PullRequestTimeline | null;
  /** Set once every issue is planned: Jira numbers issues per project in creation order. */
  key: string;
  externalId: string;
  text: IssueText;
}

interface IssueText {
  summary: string;
  description: string;
  component: string;
}

const LEVEL_BY_KIND: Record<IssueKind, number> = { Epic: 1, Story: 0, Task: 0, Bug: 0, 'Sub-task': -1 };

/** Epics are about 4% of the issues, sub-tasks about 15% of the rest. */
const EPIC_SHARE = 0.04;
const SUBTASK_SHARE = 0.15;
/** Standard issues that belong to an epic (the rest are loose, as in real projects). */
const EPIC_LINK_SHARE = 0.85;
/** Issues span the last 18 months. */
const HISTORY_DAYS = 540;
const SPRINT_EPOCH = REFERENCE_NOW - 600 * DAY;
const SPRINT_LENGTH = 14 * DAY;

/**
 * `count` issues spread over the client's projects: epics, stories/tasks/bugs (most under an epic of
 * their project) and sub-tasks under them, each with a status history and the metrics derived from
 * it, then one changelog row per status transition. Returns the issues in creation order.
 */
export async function seedIssues(
  ctx: SeedContext,
  client: SeededClient,
  setup: JiraSetup,
  count: number,
): Promise<SeededIssue[]> {
  if (count === 0) return [];
  const plans = planIssues(ctx.random, client, setup.projects, count);
  const people = assignPeople(ctx.random.fork('issue-people'), client, plans);
  const peopleOf = (plan: PlannedIssue): IssuePeople => {
    const assigned = people.get(plan);
    if (!assigned) throw new Error(`No reporter was chosen for ${plan.key}`);
    return assigned;
  };
  const details = ctx.random.fork('issue-details');

  const idByKey = new Map<string, number>();
  // Parents first, so each wave can point at ids the previous one returned.
  for (const level of [1, 0, -1]) {
    const wave = plans.filter((plan) => LEVEL_BY_KIND[plan.kind] === level);
    const rows = wave.map((plan) => issueRow(ctx, details, client, setup, plan, peopleOf(plan), idByKey));
    const returned = await ctx.writer.insert('issues', rows, { returning: ['id', 'key'] });
    for (const row of returned) idByKey.set(String(row.key), returnedId(row));
  }

  await seedChangelogs(ctx, client, setup, plans, idByKey, peopleOf);

  return plans.map((plan) => {
    const { assignee, reporter } = peopleOf(plan);
    return {
      id: requireId(idByKey, plan.key),
      key: plan.key,
      kind: plan.kind,
      project: plan.project,
      summary: plan.text.summary,
      description: plan.text.description,
      assignee,
      reporter,
      pullRequest: plan.pullRequest,
    };
  });
}

function planIssues(
  random: SeededRandom,
  client: SeededClient,
  projects: readonly SeededProject[],
  count: number,
): PlannedIssue[] {
  const structure = random.fork('issue-structure');
  const lifecycle = random.fork('issue-lifecycle');
  const text = random.fork('issue-text');
  const epicCount = Math.min(count, Math.max(1, Math.round(count * EPIC_SHARE)));
  const subtaskCount = count - epicCount > 1 ? Math.round((count - epicCount) * SUBTASK_SHARE) : 0;
  const standardCount = count - epicCount - subtaskCount;
  const projectWeights = projects.map((project) => [project, structure.between(0.5, 1.5)] as const);

  const plan = (kind: IssueKind, project: SeededProject, parent: PlannedIssue | null, created: number) => {
    const visits = scheduleVisits(
      lifecycle,
      chooseStatusPath(lifecycle, kind, (REFERENCE_NOW - created) / DAY),
      created,
    );
    const issue: PlannedIssue = {
      kind,
      project,
      parent,
      created,
      visits,
      metrics: workMetrics(visits),
      pullRequest: planPullRequestTimeline(lifecycle, kind, visits),
      key: '',
      externalId: '',
      text: { summary: '', description: '', component: '' },
    };
    return issue;
  };

  const epics: PlannedIssue[] = [];
  for (let i = 0; i < epicCount; i++) {
    // Every project gets an epic before any gets a second one.
    const project = i < projects.length ? projects[i] : structure.weighted(projectWeights);
    epics.push(plan('Epic', project, null, REFERENCE_NOW - structure.between(30, HISTORY_DAYS) * DAY));
  }

  const standard: PlannedIssue[] = [];
  for (let i = 0; i < standardCount; i++) {
    const project = structure.weighted(projectWeights);
    const kind = structure.weighted<IssueKind>([
      ['Story', 55],
      ['Task', 25],
      ['Bug', 20],
    ]);
    const created = REFERENCE_NOW - structure.between(0.2, HISTORY_DAYS) * DAY;
    let parent: PlannedIssue | null = null;
    if (structure.chance(EPIC_LINK_SHARE)) {
      const candidates = epics.filter((epic) => epic.project === project && epic.created < created);
      if (candidates.length > 0) parent = structure.pick(candidates);
    }
    standard.push(plan(kind, project, parent, created));
  }

  const subtasks: PlannedIssue[] = [];
  const subtaskParents = standard.filter((issue) => issue.kind !== 'Bug');
  for (let i = 0; i < subtaskCount && subtaskParents.length > 0; i++) {
    const parent = structure.pick(subtaskParents);
    const created = Math.max(
      parent.created,
      Math.min(parent.created + structure.logUniform(0.01, 5) * DAY, REFERENCE_NOW - 3 * HOUR),
    );
    subtasks.push(plan('Sub-task', parent.project, parent, created));
  }

  // Keys and Jira ids follow creation order, as Jira hands them out.
  const all = [...epics, ...standard, ...subtasks]
    .map((issue, order) => ({ issue, order }))
    .sort((a, b) => a.issue.created - b.issue.created || a.order - b.order)
    .map(({ issue }) => issue);
  const nextNumber = new Map<string, number>();
  all.forEach((issue, rank) => {
    const number = (nextNumber.get(issue.project.key) ?? 0) + 1;
    nextNumber.set(issue.project.key, number);
    issue.key = `${issue.project.key}-${number}`;
    issue.externalId = String(10_000 + client.identity.index * 1_000_000 + rank);
  });
  // Text last: sub-task summaries name their parent's key.
  for (const issue of all) issue.text = writeIssueText(text, issue);
  return all;
}

function writeIssueText(random: SeededRandom, issue: PlannedIssue): IssueText {
  const { template } = issue.project;
  const component = random.pick(template.components);
  switch (issue.kind) {
    case 'Epic': {
      const theme = random.pick(EPIC_THEMES);
      return {
        component,
        summary: `${theme}: ${component}`,
        description: `Umbrella for the ${theme.toLowerCase()} work on the ${component} in ${template.name}.`,
      };
    }
    case 'Story': {
      const feature = random.pick(STORY_FEATURES);
      return {
        component,
        summary: `${random.pick(STORY_VERBS)} ${feature} in the ${component}`,
        description:
          `As a ${random.pick(PERSONAS)}, I want ${feature} in the ${component} so that ` +
          `${random.pick(BENEFITS)}.\n\nAcceptance criteria: behind a feature flag, covered by tests, documented.`,
      };
    }
    case 'Task':
      return {
        component,
        summary: `${random.pick(TASK_VERBS)} the ${component}`,
        description: `Technical work on the ${component}. No behaviour change expected; CI must stay green.`,
      };
    case 'Bug': {
      const symptom = random.pick(BUG_SYMPTOMS);
      return {
        component,
        summary: `Fix ${symptom} in the ${component}`,
        description:
          `Steps to reproduce: open the ${component} with a realistic data set.\n` +
          `Expected: it responds normally.\nActual: ${symptom}.`,
      };
    }
    case 'Sub-task': {
      const parentKey = issue.parent?.key ?? issue.project.key;
      return {
        component,
        summary: `${random.pick(SUBTASK_TEMPLATES)} for ${parentKey}`,
        description: `Part of ${parentKey}.`,
      };
    }
  }
}

interface IssuePeople {
  assignee: SeededUser | null;
  reporter: SeededUser;
}

function assignPeople(
  random: SeededRandom,
  client: SeededClient,
  plans: readonly PlannedIssue[],
): Map<PlannedIssue, IssuePeople> {
  // Admins file and pick up less work than developers do.
  const weighted = client.contributors.map((user) => [user, user.role === 'admin' ? 0.3 : 1] as const);
  const people = new Map<PlannedIssue, IssuePeople>();
  for (const plan of plans) {
    const started = plan.metrics.workStarts > 0 || plan.metrics.resolvedAt !== null;
    people.set(plan, {
      assignee: started || random.chance(0.6) ? random.weighted(weighted) : null,
      reporter: random.weighted(weighted),
    });
  }
  return people;
}

function issueRow(
  ctx: SeedContext,
  random: SeededRandom,
  client: SeededClient,
  setup: JiraSetup,
  plan: PlannedIssue,
  people: IssuePeople,
  idByKey: ReadonlyMap<string, number>,
): SqlRow {
  const { metrics, visits, pullRequest, parent, kind } = plan;
  const current = visits[visits.length - 1];
  const lastActivity = Math.max(current.at, pullRequest?.closedAt ?? pullRequest?.openedAt ?? 0);
  const updated = Math.max(
    current.at,
    Math.min(lastActivity + random.logUniform(0.01, 3) * DAY, REFERENCE_NOW - 30 * MINUTE),
  );
  const isBug = kind === 'Bug';
  const labels = random.sample(
    LABELS,
    random.weighted([
      [0, 3],
      [1, 4],
      [2, 2],
    ] as const),
  );
  if (isBug && !labels.includes('regression') && random.chance(0.3)) labels.push('regression');
  const sprintStart = metrics.firstStartedAt;
  return {
    client_id: client.id,
    integration_id: client.jiraIntegrationId,
    external_id: plan.externalId,
    key: plan.key,
    project_id: plan.project.id,
    team: plan.project.template.team,
    summary: plan.text.summary,
    description: plan.text.description,
    issuetype_id: requireId(setup.issuetypeIds, kind),
    issuetype_name: kind,
    status_id: requireId(setup.statusIds, current.status),
    status_name: current.status,
    resolution: metrics.resolution,
    story_points: storyPoints(random, kind),
    assignee: people.assignee?.displayName ?? null,
    assignee_id: people.assignee?.id ?? null,
    reporter: people.reporter.displayName,
    reporter_id: people.reporter.id,
    labels: labels.length > 0 ? labels.join(',') : null,
    priority: random.weighted(
      isBug
        ? [
            ['Highest', 8],
            ['High', 30],
            ['Medium', 45],
            ['Low', 15],
            ['Lowest', 2],
          ]
        : [
            ['Highest', 3],
            ['High', 17],
            ['Medium', 55],
            ['Low', 20],
            ['Lowest', 5],
          ],
    ),
    created: iso(plan.created),
    updated: iso(updated),
    resolved: metrics.resolvedAt === null ? null : iso(metrics.resolvedAt),
    due_date: random.chance(0.25) ? iso(plan.created + random.logUniform(7, 60) * DAY) : null,
    // The classic "Epic Link" field: set on standard issues under an epic.
    epic_link: parent?.kind === 'Epic' ? parent.key : null,
    parent_key: parent?.key ?? null,
    parent_external_id: parent?.externalId ?? null,
    parent_id: parent ? requireId(idByKey, parent.key) : null,
    level_number: LEVEL_BY_KIND[kind],
    work_started_at: metrics.firstStartedAt === null ? null : iso(metrics.firstStartedAt),
    work_first_committed_at: pullRequest ? iso(pullRequest.firstCommitAt) : null,
    work_first_started_at: metrics.firstStartedAt === null ? null : iso(metrics.firstStartedAt),
    work_last_started_at: metrics.lastStartedAt === null ? null : iso(metrics.lastStartedAt),
    work_first_completed_at: metrics.firstCompletedAt === null ? null : iso(metrics.firstCompletedAt),
    work_last_completed_at: metrics.lastCompletedAt === null ? null : iso(metrics.lastCompletedAt),
    code_changed: pullRequest !== null,
    total_work_starts: metrics.workStarts,
    total_completions: metrics.completions,
    total_backlog_returns: metrics.backlogReturns,
    total_work_time_seconds: metrics.workSeconds,
    total_review_time_seconds: metrics.reviewSeconds,
    total_cycle_time_seconds: metrics.cycleSeconds,
    total_lead_time_seconds: metrics.leadSeconds,
    workflow_complexity_score: metrics.complexityScore,
    rework_indicator: metrics.rework,
    direct_completion: metrics.directCompletion,
    comment_count: Math.floor(random.logUniform(1, 12)) - 1,
    // Custom fields as a Jira admin might map them: sprint, component, customer impact, fix version,
    // environment. The other fifteen stay empty.
    custom_field_01: sprintStart === null ? null : `${plan.project.key} Sprint ${sprintNumber(sprintStart)}`,
    custom_field_02: plan.text.component,
    custom_field_03: isBug
      ? random.weighted([
          ['Low', 3],
          ['Medium', 4],
          ['High', 2],
          ['Critical', 1],
        ])
      : null,
    custom_field_04:
      metrics.resolution === 'Done' && metrics.resolvedAt !== null ? fixVersion(metrics.resolvedAt) : null,
    custom_field_05: isBug
      ? random.weighted([
          ['production', 6],
          ['staging', 3],
          ['development', 1],
        ])
      : null,
    created_at: iso(LAST_SYNC_AT),
    last_updated_at: iso(LAST_SYNC_AT),
    embedding: ctx.embeddings.forRow('issues', plan.project.topic),
  };
}

function storyPoints(random: SeededRandom, kind: IssueKind): number | null {
  switch (kind) {
    case 'Story':
      return random.weighted([
        [1, 2],
        [2, 4],
        [3, 5],
        [5, 4],
        [8, 2],
        [13, 1],
      ]);
    case 'Task':
      return random.chance(0.7) ? random.pick([1, 2, 3, 5]) : null;
    case 'Bug':
      return random.chance(0.5) ? random.pick([1, 2, 3]) : null;
    case 'Sub-task':
      return random.chance(0.3) ? random.pick([1, 2]) : null;
    case 'Epic':
      return null;
  }
}

function sprintNumber(at: number): number {
  return Math.floor((at - SPRINT_EPOCH) / SPRINT_LENGTH) + 1;
}

function fixVersion(at: number): string {
  const date = new Date(at);
  return `${date.getUTCFullYear()}.${Math.floor(date.getUTCMonth() / 3) + 1}`;
}

async function seedChangelogs(
  ctx: SeedContext,
  client: SeededClient,
  setup: JiraSetup,
  plans: readonly PlannedIssue[],
  idByKey: ReadonlyMap<string, number>,
  peopleOf: (plan: PlannedIssue) => IssuePeople,
): Promise<void> {
  const rows: SqlRow[] = [];
  for (const plan of plans) {
    const who = peopleOf(plan);
    for (let i = 1; i < plan.visits.length; i++) {
      const from = plan.visits[i - 1];
      const to = plan.visits[i];
      rows.push({
        client_id: client.id,
        integration_id: client.jiraIntegrationId,
        issue_id: requireId(idByKey, plan.key),
        external_id: String(100_000 + client.identity.index * 10_000_000 + rows.length),
        from_status_id: requireId(setup.statusIds, from.status),
        to_status_id: requireId(setup.statusIds, to.status),
        transition_start_date: iso(from.at),
        transition_change_date: iso(to.at),
        time_in_status_seconds: secondsBetween(from.at, to.at),
        // Triage moves are the reporter's; the rest are the assignee's.
        changed_by: (from.status === 'Backlog' ? who.reporter : (who.assignee ?? who.reporter)).displayName,
        created_at: iso(LAST_SYNC_AT),
        last_updated_at: iso(LAST_SYNC_AT),
        embedding: ctx.embeddings.forRow('issue_changelogs', `transition:${from.status}:${to.status}`),
      });
    }
  }
  await ctx.writer.insert('issue_changelogs', rows);
}
