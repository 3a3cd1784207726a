import { describe, expect, it } from '@jest/globals';

import { DAY, REFERENCE_NOW } from './demo-clock.js';
import { chooseStatusPath, scheduleVisits, workMetrics } from './issue-lifecycle.js';
import type { IssueKind } from './jira-catalogue.js';
import { planPullRequestTimeline } from './pull-request-timeline.js';
import { SeededRandom } from './seeded-random.js';

const KINDS: IssueKind[] = ['Epic', 'Story', 'Task', 'Bug', 'Sub-task'];

/** A few thousand generated issues, the way the issue seeder draws them. */
function sampleIssues(seed: number) {
  const random = new SeededRandom(seed);
  return Array.from({ length: 3000 }, (_, i) => {
    const kind = KINDS[i % KINDS.length];
    const created = REFERENCE_NOW - random.between(0.2, 540) * DAY;
    const visits = scheduleVisits(
      random,
      chooseStatusPath(random, kind, (REFERENCE_NOW - created) / DAY),
      created,
    );
    return {
      kind,
      created,
      visits,
      metrics: workMetrics(visits),
      pr: planPullRequestTimeline(random, kind, visits),
    };
  });
}

describe('issue lifecycle', () => {
  const issues = sampleIssues(42);

  it('gives every issue 1 to 4 transitions, in time order, before the reference now', () => {
    for (const { visits, created } of issues) {
      expect(visits.length - 1).toBeGreaterThanOrEqual(1);
      expect(visits.length - 1).toBeLessThanOrEqual(4);
      expect(visits[0].at).toBe(created);
      for (let i = 1; i < visits.length; i++) expect(visits[i].at).toBeGreaterThan(visits[i - 1].at);
      expect(visits[visits.length - 1].at).toBeLessThanOrEqual(REFERENCE_NOW);
    }
  });

  it('derives metrics that agree with the history', () => {
    for (const { visits, metrics } of issues) {
      const last = visits[visits.length - 1].status;
      expect(metrics.resolvedAt !== null).toBe(['Done', "Won't Do"].includes(last));
      if (metrics.firstStartedAt !== null && metrics.lastCompletedAt !== null) {
        expect(metrics.cycleSeconds).toBeGreaterThan(0);
        expect(metrics.leadSeconds).toBeGreaterThanOrEqual(metrics.cycleSeconds);
      }
      expect(metrics.workStarts).toBe(visits.filter((visit) => visit.status === 'In Progress').length);
      if (metrics.backlogReturns > 0) expect(metrics.rework).toBe(true);
    }
  });

  it('fits pull requests inside the work: first commit, then opened, then merged or closed', () => {
    const withPr = issues.filter((issue) => issue.pr !== null);
    expect(issues.filter((issue) => issue.kind === 'Epic' && issue.pr)).toHaveLength(0);
    for (const { pr, metrics } of withPr) {
      expect(pr!.firstCommitAt).toBeGreaterThanOrEqual(metrics.firstStartedAt!);
      expect(pr!.openedAt).toBeGreaterThanOrEqual(pr!.firstCommitAt);
      if (pr!.closedAt !== null) expect(pr!.closedAt).toBeGreaterThanOrEqual(pr!.openedAt);
      expect(pr!.status === 'open').toBe(pr!.closedAt === null);
    }
    // Roughly 60% of the non-epic issues changed code.
    const share = withPr.length / issues.filter((issue) => issue.kind !== 'Epic').length;
    expect(share).toBeGreaterThan(0.5);
    expect(share).toBeLessThan(0.7);
  });

  it('is reproducible from the seed alone', () => {
    expect(sampleIssues(42)).toEqual(issues);
    expect(sampleIssues(43)).not.toEqual(issues);
  });
});
