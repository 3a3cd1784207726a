import { MINUTE, REFERENCE_NOW } from './demo-clock.js';
import type { IssueKind } from './jira-catalogue.js';
import type { StatusVisit } from './issue-lifecycle.js';
import type { SeededRandom } from './seeded-random.js';

export type PullRequestStatus = 'open' | 'merged' | 'closed';

/** When an issue's pull request was worked on, fitted into the issue's status history. */
export interface PullRequestTimeline {
  firstCommitAt: number;
  openedAt: number;
  /** Merged or closed; null while open. */
  closedAt: number | null;
  status: PullRequestStatus;
}

/**
 * Chance that finished work went through a pull request, by issue type. With the lifecycle's mix this
 * gives pull requests for roughly 60% of the non-epic issues.
 */
const CODE_CHANGE_SHARE: Record<IssueKind, number> = {
  Epic: 0,
  Story: 0.77,
  Task: 0.67,
  Bug: 0.83,
  'Sub-task': 0.55,
};

/**
 * The pull request of an issue, or null when the issue changed no code. Only started issues have one:
 * it opens when review starts (or part-way through the work when there was no review step), its first
 * commit lands after work started, and it merges shortly before the issue is done.
 */
export function planPullRequestTimeline(
  random: SeededRandom,
  kind: IssueKind,
  visits: readonly StatusVisit[],
): PullRequestTimeline | null {
  const started = visits.find((visit) => visit.status === 'In Progress');
  // Epics change no code themselves: their stories and tasks do.
  if (!started || CODE_CHANGE_SHARE[kind] === 0) return null;
  const current = visits[visits.length - 1].status;
  const share = current === 'In Review' ? 0.95 : current === 'In Progress' ? 0.5 : CODE_CHANGE_SHARE[kind];
  if (!random.chance(share)) return null;
  const reviewStarted = visits.find((visit) => visit.status === 'In Review');
  const done = visits.find((visit) => visit.status === 'Done');
  const end = done?.at ?? REFERENCE_NOW;
  const openedAt = reviewStarted?.at ?? started.at + random.between(0.3, 0.8) * (end - started.at);
  const firstCommitAt = started.at + Math.max(random.between(0.05, 0.5) * (openedAt - started.at), MINUTE);
  if (!done)
    return { firstCommitAt: Math.min(firstCommitAt, openedAt), openedAt, closedAt: null, status: 'open' };
  const closedAt = done.at - random.between(0.02, 0.3) * (done.at - openedAt);
  return {
    firstCommitAt: Math.min(firstCommitAt, openedAt),
    openedAt,
    closedAt,
    status: random.chance(0.95) ? 'merged' : 'closed',
  };
}
