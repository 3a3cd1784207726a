import { ReferenceKind } from '@mikro-orm/core';
import type { EntityProperty } from '@mikro-orm/core';

import { entityMetadata } from '../db/entity-metadata.js';
import { GATEWAY_ENTITIES } from '../modules/table-modules.js';

/** How a column's value is written to the staging table and checked in a record. */
export type ValueKind = 'string' | 'int' | 'float' | 'boolean' | 'timestamp';

/** A column of the target table that a record sets directly (`summary` -> `summary`). */
export interface RecordColumn {
  field: string;
  column: string;
  kind: ValueKind;
  /** varchar(n): longer strings are rejected before they reach the database. */
  maxLength: number | null;
  /** NOT NULL without a default: a record must give it. */
  required: boolean;
  /** What an absent field means on insert and update: the column's database default (or null). */
  absentValue: string | number | boolean | null;
}

/** A key field of a record that names another row by its natural key. */
export interface ReferenceKeyPart {
  field: string;
  /** Column of the staging table that holds it. */
  stageColumn: string;
  kind: 'string' | 'int';
  maxLength?: number;
}

/**
 * A foreign key the record fills by natural key: the record names the row (`"project": "ACME"`), the
 * import finds its id within the client, and a name that matches nothing rejects the record.
 */
export interface RecordReference {
  /** The foreign key column of the target table. */
  column: string;
  parts: ReferenceKeyPart[];
  /** NOT NULL foreign key: the record must name it (or the default applies). */
  required: boolean;
  /** The value used when the record leaves it out (the integrations, by name). */
  defaultValue?: string;
  /** What the reason of a reject calls it (`unknown project key`). */
  describe: string;
  /**
   * The join that finds the referenced id as `${alias}.id`, `s` being the staging row and `$client` the
   * client id; it must only reach rows of that client.
   */
  join(alias: string): string;
}

export interface RecordType {
  /** The `type` of a record (`issue`), also the name of its JSON Schema. */
  name: string;
  /** GraphQL: `upsert${plural}` and the input type `${graphqlName}UpsertInput`. */
  plural: string;
  graphqlName: string;
  table: string;
  /** Jira or GitHub: which integration a record without `integration` belongs to. */
  source: 'jira' | 'github';
  columns: RecordColumn[];
  references: RecordReference[];
  /**
   * Target columns of the unique key the upsert conflicts on, each taken either from a column
   * (`key`) or from a reference (`issue_id`). `client_id` is always set from the run, never a record.
   */
  conflictColumns: string[];
  /** Record fields that make up the natural key (duplicates within a batch are split on it). */
  keyFields: string[];
  /** Types whose rows this one references: they are loaded first within a run. */
  dependsOn: string[];
  description: string;
  /**
   * False for the join tables: they have no `client_id` (their client is the project's, reached only
   * through the client-scoped reference joins) and no `last_updated_at`.
   */
  tenant: boolean;
  tracked: boolean;
}

/** Columns the import never takes from a record: the row's identity, tenancy and bookkeeping. */
const NOT_FROM_RECORDS = new Set(['id', 'client', 'createdAt', 'lastUpdatedAt', 'embedding']);

function valueKind(prop: EntityProperty): ValueKind | null {
  const type = (prop.columnTypes?.[0] ?? '').toLowerCase();
  if (/^(int|integer|int4|smallint)/.test(type)) return 'int';
  if (/^(double|float|real)/.test(type)) return 'float';
  if (/^(text|varchar|character)/.test(type)) return 'string';
  if (type.startsWith('bool')) return 'boolean';
  if (type.startsWith('timestamp')) return 'timestamp';
  return null;
}

function parseDefault(kind: ValueKind, value: unknown): string | number | boolean | null {
  if (value === undefined || value === null) return null;
  const text = String(value).replace(/^'(.*)'$/, '$1');
  if (kind === 'int' || kind === 'float') return Number(text);
  if (kind === 'boolean') return text === 'true';
  return text;
}

/** The scalar columns of a table, straight from the entity: the record format cannot drift from it. */
function recordColumns(className: string, except: readonly string[] = []): RecordColumn[] {
  const meta = entityMetadata(GATEWAY_ENTITIES).getByClassName(className);
  const columns: RecordColumn[] = [];
  for (const prop of Object.values(meta.properties)) {
    if (prop.kind !== ReferenceKind.SCALAR || NOT_FROM_RECORDS.has(prop.name) || except.includes(prop.name))
      continue;
    const kind = valueKind(prop);
    if (!kind) continue;
    const hasDefault = prop.default !== undefined && prop.default !== null;
    columns.push({
      field: prop.name,
      column: prop.fieldNames[0]!,
      kind,
      maxLength: kind === 'string' && prop.length ? prop.length : null,
      required: !prop.nullable && !hasDefault,
      absentValue: parseDefault(kind, prop.default),
    });
  }
  return columns;
}

const integration = (source: 'jira' | 'github'): RecordReference => ({
  column: 'integration_id',
  parts: [{ field: 'integration', stageColumn: 'ref_integration', kind: 'string' }],
  required: true,
  defaultValue: source === 'jira' ? 'Jira' : 'GitHub',
  describe: 'unknown integration',
  join: (a) => `left join integrations ${a} on ${a}.client_id = $client and ${a}.name = s.ref_integration`,
});

/** An optional integration (the Jira setup tables allow none); absent means none, not the default. */
const optionalIntegration: RecordReference = {
  ...integration('jira'),
  required: false,
  defaultValue: undefined,
};

const byKey = (
  field: string,
  column: string,
  table: string,
  keyColumn: string,
  describe: string,
  required: boolean,
  kind: 'string' | 'int' = 'string',
): RecordReference => ({
  column,
  parts: [{ field, stageColumn: `ref_${column}`, kind }],
  required,
  describe,
  join: (a) => `left join ${table} ${a} on ${a}.client_id = $client and ${a}.${keyColumn} = s.ref_${column}`,
});

/** A pull request by repository full name and number, the way GitHub names it. */
const pullRequestReference: RecordReference = {
  column: 'pull_request_id',
  parts: [
    { field: 'repository', stageColumn: 'ref_repository', kind: 'string' },
    { field: 'pullRequestNumber', stageColumn: 'ref_pull_request_number', kind: 'int' },
  ],
  required: true,
  describe: 'unknown pull request',
  join: (a) =>
    `left join repositories ${a}_repo on ${a}_repo.client_id = $client and ${a}_repo.full_name = s.ref_repository ` +
    `left join pull_requests ${a} on ${a}.repository_id = ${a}_repo.id and ${a}.number = s.ref_pull_request_number`,
};

const required = (columns: RecordColumn[], ...fields: string[]) =>
  columns.map((column) => (fields.includes(column.field) ? { ...column, required: true } : column));

function define(
  type: Omit<RecordType, 'keyFields' | 'tenant' | 'tracked'> & { keyFields?: string[]; entity: string },
): RecordType {
  const { entity, ...rest } = type;
  const properties = entityMetadata(GATEWAY_ENTITIES).getByClassName(entity).properties as Record<
    string,
    unknown
  >;
  const keyFields =
    type.keyFields ??
    type.conflictColumns.flatMap((column) => {
      const reference = type.references.find((r) => r.column === column);
      if (reference) return reference.parts.map((part) => part.field);
      return [type.columns.find((c) => c.column === column)!.field];
    });
  return { ...rest, keyFields, tenant: 'client' in properties, tracked: 'lastUpdatedAt' in properties };
}

/**
 * Every record type an ETL job loads, in dependency order: a type only references types listed before
 * it, so one run loads a file's records in this order whatever order the file has them in.
 */
export const RECORD_TYPES: readonly RecordType[] = [
  define({
    entity: 'Workflow',
    name: 'workflow',
    plural: 'Workflows',
    graphqlName: 'Workflow',
    table: 'workflows',
    source: 'jira',
    columns: recordColumns('Workflow'),
    references: [optionalIntegration],
    conflictColumns: ['step_name'],
    dependsOn: [],
    description: 'A workflow step of the client (key: stepName).',
  }),
  define({
    entity: 'StatusMapping',
    name: 'statusMapping',
    plural: 'StatusMappings',
    graphqlName: 'StatusMapping',
    table: 'status_mappings',
    source: 'jira',
    columns: recordColumns('StatusMapping'),
    references: [
      byKey('workflow', 'workflow_id', 'workflows', 'step_name', 'unknown workflow step', false),
      optionalIntegration,
    ],
    conflictColumns: ['status_from'],
    dependsOn: ['workflow'],
    description: 'Maps a raw Jira status name to a flow step (key: statusFrom; workflow by step name).',
  }),
  define({
    entity: 'IssuetypeHierarchy',
    name: 'issuetypeHierarchy',
    plural: 'IssuetypeHierarchies',
    graphqlName: 'IssuetypeHierarchy',
    table: 'issuetype_hierarchies',
    source: 'jira',
    columns: recordColumns('IssuetypeHierarchy'),
    references: [optionalIntegration],
    conflictColumns: ['level_number'],
    dependsOn: [],
    description: 'A level of the issue type hierarchy (key: levelNumber).',
  }),
  define({
    entity: 'IssuetypeMapping',
    name: 'issuetypeMapping',
    plural: 'IssuetypeMappings',
    graphqlName: 'IssuetypeMapping',
    table: 'issuetype_mappings',
    source: 'jira',
    columns: recordColumns('IssuetypeMapping'),
    references: [
      byKey(
        'hierarchyLevel',
        'issuetype_hierarchy_id',
        'issuetype_hierarchies',
        'level_number',
        'unknown hierarchy level',
        true,
        'int',
      ),
      optionalIntegration,
    ],
    conflictColumns: ['issuetype_from'],
    dependsOn: ['issuetypeHierarchy'],
    description: 'Maps a raw Jira issue type name to a hierarchy level (key: issuetypeFrom).',
  }),
  define({
    entity: 'Status',
    name: 'status',
    plural: 'Statuses',
    graphqlName: 'Status',
    table: 'statuses',
    source: 'jira',
    columns: required(recordColumns('Status'), 'externalId'),
    references: [
      byKey(
        'statusMapping',
        'status_mapping_id',
        'status_mappings',
        'status_from',
        'unknown status mapping',
        false,
      ),
      integration('jira'),
    ],
    conflictColumns: ['external_id'],
    dependsOn: ['statusMapping'],
    description: 'A Jira status (key: externalId; statusMapping by its statusFrom).',
  }),
  define({
    entity: 'Issuetype',
    name: 'issuetype',
    plural: 'Issuetypes',
    graphqlName: 'Issuetype',
    table: 'issuetypes',
    source: 'jira',
    columns: required(recordColumns('Issuetype'), 'externalId'),
    references: [
      byKey(
        'issuetypeMapping',
        'issuetype_mapping_id',
        'issuetype_mappings',
        'issuetype_from',
        'unknown issue type mapping',
        false,
      ),
      integration('jira'),
    ],
    conflictColumns: ['external_id'],
    dependsOn: ['issuetypeMapping'],
    description: 'A Jira issue type (key: externalId; issuetypeMapping by its issuetypeFrom).',
  }),
  define({
    entity: 'Project',
    name: 'project',
    plural: 'Projects',
    graphqlName: 'Project',
    table: 'projects',
    source: 'jira',
    columns: recordColumns('Project'),
    references: [integration('jira')],
    conflictColumns: ['key'],
    dependsOn: [],
    description: 'A Jira project (key: key).',
  }),
  define({
    entity: 'ProjectIssuetype',
    name: 'projectIssuetype',
    plural: 'ProjectIssuetypes',
    graphqlName: 'ProjectIssuetype',
    table: 'projects_issuetypes',
    source: 'jira',
    columns: [],
    references: [
      byKey('project', 'project_id', 'projects', 'key', 'unknown project key', true),
      byKey('issuetype', 'issuetype_id', 'issuetypes', 'external_id', 'unknown issue type external id', true),
    ],
    conflictColumns: ['project_id', 'issuetype_id'],
    dependsOn: ['project', 'issuetype'],
    description: 'An issue type a project uses (key: project key + issuetype external id).',
  }),
  define({
    entity: 'ProjectStatus',
    name: 'projectStatus',
    plural: 'ProjectStatuses',
    graphqlName: 'ProjectStatus',
    table: 'projects_statuses',
    source: 'jira',
    columns: [],
    references: [
      byKey('project', 'project_id', 'projects', 'key', 'unknown project key', true),
      byKey('status', 'status_id', 'statuses', 'external_id', 'unknown status external id', true),
    ],
    conflictColumns: ['project_id', 'status_id'],
    dependsOn: ['project', 'status'],
    description: 'A status a project uses (key: project key + status external id).',
  }),
  define({
    entity: 'Issue',
    name: 'issue',
    plural: 'Issues',
    graphqlName: 'Issue',
    table: 'issues',
    source: 'jira',
    // The parent is linked by `parentKey` once both issues are in (see linkIssueParents).
    columns: recordColumns('Issue'),
    references: [
      byKey('project', 'project_id', 'projects', 'key', 'unknown project key', false),
      byKey(
        'issuetype',
        'issuetype_id',
        'issuetypes',
        'external_id',
        'unknown issue type external id',
        false,
      ),
      byKey('status', 'status_id', 'statuses', 'external_id', 'unknown status external id', false),
      // People by the email of their user row in the client; `assignee` / `reporter` keep the source's text.
      byKey('assigneeEmail', 'assignee_id', 'users', 'email', 'unknown user email', false),
      byKey('reporterEmail', 'reporter_id', 'users', 'email', 'unknown user email', false),
      integration('jira'),
    ],
    conflictColumns: ['key'],
    dependsOn: ['project', 'issuetype', 'status'],
    description:
      'A Jira issue (key: key; project by key, issuetype and status by external id, assignee and reporter users by email; parentKey links the parent).',
  }),
  define({
    entity: 'IssueChangelog',
    name: 'issueChangelog',
    plural: 'IssueChangelogs',
    graphqlName: 'IssueChangelog',
    table: 'issue_changelogs',
    source: 'jira',
    columns: required(recordColumns('IssueChangelog'), 'externalId'),
    references: [
      byKey('issue', 'issue_id', 'issues', 'key', 'unknown issue key', true),
      byKey('fromStatus', 'from_status_id', 'statuses', 'external_id', 'unknown status external id', false),
      byKey('toStatus', 'to_status_id', 'statuses', 'external_id', 'unknown status external id', false),
      integration('jira'),
    ],
    conflictColumns: ['issue_id', 'external_id'],
    dependsOn: ['issue', 'status'],
    description: 'A status transition of an issue (key: issue + externalId).',
  }),
  define({
    entity: 'Repository',
    name: 'repository',
    plural: 'Repositories',
    graphqlName: 'Repository',
    table: 'repositories',
    source: 'github',
    columns: required(recordColumns('Repository'), 'fullName'),
    references: [integration('github')],
    conflictColumns: ['full_name'],
    dependsOn: [],
    description: 'A GitHub repository (key: fullName, `owner/name`).',
  }),
  define({
    entity: 'PullRequest',
    name: 'pullRequest',
    plural: 'PullRequests',
    graphqlName: 'PullRequest',
    table: 'pull_requests',
    source: 'github',
    columns: required(recordColumns('PullRequest'), 'number'),
    references: [
      {
        ...byKey('repository', 'repository_id', 'repositories', 'full_name', 'unknown repository', true),
      },
      byKey('issue', 'issue_id', 'issues', 'key', 'unknown issue key', false),
      integration('github'),
    ],
    conflictColumns: ['repository_id', 'number'],
    dependsOn: ['repository', 'issue'],
    description: 'A GitHub pull request (key: repository + number; issue by key).',
  }),
  define({
    entity: 'PullRequestReview',
    name: 'pullRequestReview',
    plural: 'PullRequestReviews',
    graphqlName: 'PullRequestReview',
    table: 'pull_request_reviews',
    source: 'github',
    columns: required(recordColumns('PullRequestReview'), 'externalId'),
    references: [pullRequestReference, integration('github')],
    conflictColumns: ['pull_request_id', 'external_id'],
    dependsOn: ['pullRequest'],
    description: 'A review of a pull request (key: repository + pullRequestNumber + externalId).',
  }),
  define({
    entity: 'PullRequestCommit',
    name: 'pullRequestCommit',
    plural: 'PullRequestCommits',
    graphqlName: 'PullRequestCommit',
    table: 'pull_request_commits',
    source: 'github',
    columns: required(recordColumns('PullRequestCommit'), 'externalId'),
    references: [pullRequestReference, integration('github')],
    conflictColumns: ['pull_request_id', 'external_id'],
    dependsOn: ['pullRequest'],
    description: 'A commit of a pull request (key: repository + pullRequestNumber + externalId, the SHA).',
  }),
  define({
    entity: 'PullRequestComment',
    name: 'pullRequestComment',
    plural: 'PullRequestComments',
    graphqlName: 'PullRequestComment',
    table: 'pull_request_comments',
    source: 'github',
    columns: required(recordColumns('PullRequestComment'), 'externalId'),
    references: [pullRequestReference, integration('github')],
    conflictColumns: ['pull_request_id', 'external_id'],
    dependsOn: ['pullRequest'],
    description: 'A comment on a pull request (key: repository + pullRequestNumber + externalId).',
  }),
  define({
    entity: 'JiraPullRequestLink',
    name: 'jiraPullRequestLink',
    plural: 'JiraPullRequestLinks',
    graphqlName: 'JiraPullRequestLink',
    table: 'jira_pull_request_links',
    source: 'jira',
    columns: recordColumns('JiraPullRequestLink'),
    references: [byKey('issue', 'issue_id', 'issues', 'key', 'unknown issue key', true), integration('jira')],
    conflictColumns: ['issue_id', 'repo_full_name', 'pull_request_number'],
    dependsOn: ['issue'],
    description:
      'A link from a Jira issue to a pull request (key: issue + repoFullName + pullRequestNumber).',
  }),
];

export const RECORD_TYPES_BY_NAME = new Map(RECORD_TYPES.map((type) => [type.name, type]));
