import { DAY, HOUR, MINUTE, REFERENCE_NOW, secondsBetween } from './demo-clock.js';
import { statusDefinition } from './jira-catalogue.js';
import type { IssueKind, StatusName } from './jira-catalogue.js';
import type { SeededRandom } from './seeded-random.js';

/** An issue entered `status` at `at` (epoch ms). The first visit is the status it was created in. */
export interface StatusVisit {
  status: StatusName;
  at: number;
}

type Path = readonly StatusName[];

/**
 * Status paths, each 1 to 4 transitions long (one changelog row per transition). Finished paths end in a
 * Done-category status; open ones stop on the way. The weights give a believable mix: mostly reviewed
 * work, some QA, some rework and returns to the backlog, a few closed without work.
 */
const FINISHED_PATHS: readonly (readonly [Path, number])[] = [
  [['To Do', 'In Progress', 'In Review', 'Done'], 50],
  [['To Do', 'In Progress', 'In Review', 'Testing', 'Done'], 15],
  [['Backlog', 'To Do', 'In Progress', 'In Review', 'Done'], 12],
  [['To Do', 'In Progress', 'Done'], 8],
  [['To Do', 'In Progress', 'In Review', 'In Progress', 'Done'], 7],
  [['To Do', 'In Progress', 'To Do', 'In Progress', 'Done'], 3],
  [['To Do', 'Done'], 2],
  [['Backlog', "Won't Do"], 3],
];

const OPEN_PATHS: readonly (readonly [Path, number])[] = [
  [['Backlog', 'To Do'], 45],
  [['To Do', 'In Progress'], 20],
  [['Backlog', 'To Do', 'In Progress'], 8],
  [['To Do', 'In Progress', 'In Review'], 20],
  [['To Do', 'In Progress', 'In Review', 'In Progress', 'In Review'], 7],
];

const EPIC_PATHS = {
  finished: ['To Do', 'In Progress', 'Done'],
  started: ['To Do', 'In Progress'],
  open: ['Backlog', 'To Do'],
} as const satisfies Record<string, Path>;

/** Share of issues that sit in the backlog whatever their age, as real backlogs do. */
const FORGOTTEN_BACKLOG_SHARE = 0.1;
/** Age (days) by which about 63% of issues are finished; older ones more so. */
const FINISH_TIME_CONSTANT_DAYS = 45;

/** Typical time spent in each status before moving on, in days (log-uniform between the bounds). */
const DWELL_DAYS: Record<StatusName, readonly [number, number]> = {
  Backlog: [0.5, 40],
  'To Do': [0.1, 12],
  'In Progress': [0.1, 8],
  'In Review': [0.05, 3],
  Testing: [0.1, 3],
  Done: [1, 1],
  "Won't Do": [1, 1],
  Closed: [1, 1],
};

/** The order of the statuses along the workflow; moving to a lower rank is rework. */
const WORKFLOW_RANK: Record<StatusName, number> = {
  Backlog: 0,
  'To Do': 1,
  'In Progress': 2,
  'In Review': 3,
  Testing: 4,
  Done: 5,
  "Won't Do": 5,
  Closed: 5,
};

/** Chooses the statuses an issue created `ageDays` ago has gone through. */
export function chooseStatusPath(random: SeededRandom, kind: IssueKind, ageDays: number): Path {
  const finishProbability = 1 - Math.exp(-ageDays / FINISH_TIME_CONSTANT_DAYS);
  if (kind === 'Epic') {
    if (random.chance(finishProbability * 0.8)) return EPIC_PATHS.finished;
    return random.chance(0.6) ? EPIC_PATHS.started : EPIC_PATHS.open;
  }
  if (random.chance(FORGOTTEN_BACKLOG_SHARE)) return OPEN_PATHS[0][0];
  return random.weighted(random.chance(finishProbability) ? FINISHED_PATHS : OPEN_PATHS);
}

/**
 * Times the visits of `path`, starting at `created`: each status lasts a random, typical time, and the
 * whole path is squeezed when needed so the last transition happens before the reference now.
 */
export function scheduleVisits(random: SeededRandom, path: Path, created: number): StatusVisit[] {
  const dwell = path.slice(0, -1).map((status) => random.logUniform(...DWELL_DAYS[status]) * DAY);
  const total = dwell.reduce((sum, duration) => sum + duration, 0);
  const available = REFERENCE_NOW - HOUR - created;
  const scale = total > available ? Math.max(available, MINUTE) / total : 1;
  const visits: StatusVisit[] = [{ status: path[0], at: created }];
  let at = created;
  for (let i = 1; i < path.length; i++) {
    at += Math.max(dwell[i - 1] * scale, MINUTE);
    visits.push({ status: path[i], at });
  }
  return visits;
}

/** The work_* timestamps and total_* metrics of an issue, derived from its status history. */
export interface WorkMetrics {
  firstStartedAt: number | null;
  lastStartedAt: number | null;
  firstCompletedAt: number | null;
  lastCompletedAt: number | null;
  /** When the issue reached its current Done-category status (Jira's resolution date). */
  resolvedAt: number | null;
  resolution: string | null;
  workStarts: number;
  completions: number;
  backlogReturns: number;
  workSeconds: number;
  reviewSeconds: number;
  cycleSeconds: number;
  leadSeconds: number;
  complexityScore: number;
  rework: boolean;
  directCompletion: boolean;
}

export function workMetrics(visits: readonly StatusVisit[]): WorkMetrics {
  const created = visits[0].at;
  const starts = visits.filter((visit) => visit.status === 'In Progress');
  const completions = visits.filter((visit) => visit.status === 'Done');
  let workSeconds = 0;
  let reviewSeconds = 0;
  let backlogReturns = 0;
  let backwardMoves = 0;
  visits.forEach((visit, i) => {
    // The current status has lasted until now.
    const leftAt = visits[i + 1]?.at ?? REFERENCE_NOW;
    if (visit.status === 'In Progress') workSeconds += secondsBetween(visit.at, leftAt);
    if (visit.status === 'In Review' || visit.status === 'Testing')
      reviewSeconds += secondsBetween(visit.at, leftAt);
    const previous = visits[i - 1];
    if (!previous) return;
    if (WORKFLOW_RANK[visit.status] < WORKFLOW_RANK[previous.status]) backwardMoves++;
    const fromCategory = statusDefinition(previous.status).category;
    if (fromCategory === 'In Progress' && statusDefinition(visit.status).category === 'To Do')
      backlogReturns++;
  });
  const last = visits[visits.length - 1];
  const finished = statusDefinition(last.status).category === 'Done';
  const directCompletion = last.status === 'Done' && starts.length === 0;
  const firstStartedAt = starts[0]?.at ?? null;
  const lastCompletedAt = completions[completions.length - 1]?.at ?? null;
  return {
    firstStartedAt,
    lastStartedAt: starts[starts.length - 1]?.at ?? null,
    firstCompletedAt: completions[0]?.at ?? null,
    lastCompletedAt,
    resolvedAt: finished ? last.at : null,
    resolution: !finished
      ? null
      : last.status === "Won't Do"
        ? "Won't Do"
        : directCompletion
          ? 'Duplicate'
          : 'Done',
    workStarts: starts.length,
    completions: completions.length,
    backlogReturns,
    workSeconds,
    reviewSeconds,
    cycleSeconds:
      firstStartedAt !== null && lastCompletedAt !== null
        ? secondsBetween(firstStartedAt, lastCompletedAt)
        : 0,
    leadSeconds: lastCompletedAt !== null ? secondsBetween(created, lastCompletedAt) : 0,
    complexityScore: visits.length - 1 + 2 * backwardMoves,
    rework: backwardMoves > 0,
    directCompletion,
  };
}
