/**
 * The Jira configuration every demo client shares: statuses, workflow steps, issue types and their
 * hierarchy. The issue lifecycle moves issues through these status names, so both sides read them here.
 */

export type StatusCategory = 'To Do' | 'In Progress' | 'Done';

export type StatusName =
  'Backlog' | 'To Do' | 'In Progress' | 'In Review' | 'Testing' | 'Done' | "Won't Do" | 'Closed';

export type WorkflowStepName = 'Backlog' | 'Ready' | 'In Progress' | 'Review' | 'QA' | 'Done';

export interface WorkflowStepDefinition {
  name: WorkflowStepName;
  category: StatusCategory;
  /** Clients drop some optional steps, so workflows have 4 to 6 steps. */
  optional: boolean;
  /** Where work is considered started; exactly one per client and integration (a partial unique index). */
  commitmentPoint: boolean;
  /** The step a status falls back to when this optional step is dropped. */
  fallback: WorkflowStepName | null;
}

export const WORKFLOW_STEPS: readonly WorkflowStepDefinition[] = [
  { name: 'Backlog', category: 'To Do', optional: false, commitmentPoint: false, fallback: null },
  { name: 'Ready', category: 'To Do', optional: true, commitmentPoint: false, fallback: 'Backlog' },
  { name: 'In Progress', category: 'In Progress', optional: false, commitmentPoint: true, fallback: null },
  { name: 'Review', category: 'In Progress', optional: false, commitmentPoint: false, fallback: null },
  { name: 'QA', category: 'In Progress', optional: true, commitmentPoint: false, fallback: 'Review' },
  { name: 'Done', category: 'Done', optional: false, commitmentPoint: false, fallback: null },
];

export interface StatusDefinition {
  name: StatusName;
  category: StatusCategory;
  step: WorkflowStepName;
  /** Jira's status id, the same in every Jira Cloud site for the built-in statuses. */
  externalId: string;
  description: string;
}

export const STATUSES: readonly StatusDefinition[] = [
  {
    name: 'Backlog',
    category: 'To Do',
    step: 'Backlog',
    externalId: '10000',
    description: 'Not yet planned',
  },
  {
    name: 'To Do',
    category: 'To Do',
    step: 'Ready',
    externalId: '10001',
    description: 'Planned, ready to start',
  },
  {
    name: 'In Progress',
    category: 'In Progress',
    step: 'In Progress',
    externalId: '3',
    description: 'Someone is working on it',
  },
  {
    name: 'In Review',
    category: 'In Progress',
    step: 'Review',
    externalId: '10002',
    description: 'Code review',
  },
  {
    name: 'Testing',
    category: 'In Progress',
    step: 'QA',
    externalId: '10003',
    description: 'Verified by QA',
  },
  { name: 'Done', category: 'Done', step: 'Done', externalId: '10004', description: 'Completed' },
  {
    name: "Won't Do",
    category: 'Done',
    step: 'Done',
    externalId: '10005',
    description: 'Closed without work',
  },
  { name: 'Closed', category: 'Done', step: 'Done', externalId: '6', description: 'Closed by an admin' },
];

/** Names an older Jira workflow used; mapped, though no status of that name exists any more. */
export const LEGACY_STATUS_MAPPINGS: readonly { from: string; step: WorkflowStepName }[] = [
  { from: 'Open', step: 'Ready' },
  { from: 'Code Review', step: 'Review' },
  { from: 'Resolved', step: 'Done' },
];

export type IssueKind = 'Epic' | 'Story' | 'Task' | 'Bug' | 'Sub-task';

/** Level 1 epics, 0 standard issues, -1 sub-tasks: Jira's own numbering. */
export const HIERARCHY_LEVELS: readonly { level: number; name: string; description: string }[] = [
  { level: 1, name: 'Epic', description: 'Large bodies of work spanning several stories' },
  { level: 0, name: 'Story', description: 'Standard issues: stories, tasks and bugs' },
  { level: -1, name: 'Sub-task', description: 'Pieces of a standard issue' },
];

export const ISSUE_TYPES: readonly {
  kind: IssueKind;
  level: number;
  externalId: string;
  description: string;
}[] = [
  {
    kind: 'Epic',
    level: 1,
    externalId: '10000',
    description: 'A big user story that needs to be broken down',
  },
  { kind: 'Story', level: 0, externalId: '10001', description: 'Functionality expressed as a user goal' },
  { kind: 'Task', level: 0, externalId: '10002', description: 'A small, distinct piece of work' },
  { kind: 'Bug', level: 0, externalId: '10003', description: 'A problem that impairs the product' },
  { kind: 'Sub-task', level: -1, externalId: '10004', description: 'A smaller piece of a larger issue' },
];

/** Source-system names that map onto the types above (issuetype_mappings beyond the identity ones). */
export const LEGACY_ISSUE_TYPE_MAPPINGS: readonly { from: string; to: IssueKind }[] = [
  { from: 'Improvement', to: 'Story' },
  { from: 'Defect', to: 'Bug' },
  { from: 'Spike', to: 'Task' },
];

export function statusDefinition(name: StatusName): StatusDefinition {
  const status = STATUSES.find((candidate) => candidate.name === name);
  if (!status) throw new Error(`Unknown demo status ${name}`);
  return status;
}
