import type { Severity } from './integrity-check.js';

/**
 * A reference held by value, with no foreign key behind it: the source system's identifiers, copied as
 * they arrived, resolved against another table of the same client. The ORM metadata cannot describe
 * these (they are plain columns), so they are listed here, once, for every piece that follows them.
 */
export interface ValueReference {
  table: string;
  /** Source columns, over alias `t`; a row with any of them null refers to nothing. */
  columns: string[];
  /** The table (or join) the values resolve in, aliased so `targetColumns` and `targetClient` apply. */
  targetFrom: string;
  targetColumns: string[];
  targetClient: string;
  /** Dangling is a warning where it is legitimate (the target may simply not have been synced yet). */
  danglingSeverity: Severity;
  description: string;
}

export const VALUE_REFERENCES: readonly ValueReference[] = [
  {
    table: 'issues',
    columns: ['parent_external_id'],
    targetFrom: '"issues" p',
    targetColumns: ['p."external_id"'],
    targetClient: 'p."client_id"',
    // A sub-task can be synced before its parent, or its parent can live in a project not synced.
    danglingSeverity: 'warning',
    description: 'parent_external_id names no issue of the same client',
  },
  {
    table: 'pull_requests',
    columns: ['external_repo_id'],
    targetFrom: '"repositories" r',
    targetColumns: ['r."external_id"'],
    targetClient: 'r."client_id"',
    // repository_id is the real link; a mismatching copy of the repository's external id means the row
    // was attached to the wrong repository.
    danglingSeverity: 'error',
    description: 'external_repo_id names no repository of the same client',
  },
  {
    table: 'jira_pull_request_links',
    columns: ['external_repo_id', 'pull_request_number'],
    targetFrom: '"pull_requests" p join "repositories" r on r."id" = p."repository_id"',
    targetColumns: ['r."external_id"', 'p."number"'],
    targetClient: 'p."client_id"',
    // Jira's development panel links pull requests of repositories that were never synced.
    danglingSeverity: 'warning',
    description: '(external_repo_id, pull_request_number) names no pull request of the same client',
  },
  {
    table: 'issuetypes',
    columns: ['hierarchy_level'],
    targetFrom: '"issuetype_hierarchies" h',
    targetColumns: ['h."level_number"'],
    targetClient: 'h."client_id"',
    danglingSeverity: 'error',
    description: 'hierarchy_level matches no issuetype_hierarchies.level_number of the same client',
  },
];

/** `target matches t` on every column of the reference. */
export function valueMatch(reference: ValueReference): string {
  return reference.columns
    .map((column, index) => `${reference.targetColumns[index]} = t."${column}"`)
    .join(' and ');
}

export function valuePresent(reference: ValueReference): string {
  return reference.columns.map((column) => `t."${column}" is not null`).join(' and ');
}
