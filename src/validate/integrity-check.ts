/** The kinds of integrity check `pulse validate` runs; the names are part of its JSON output. */
export type CheckName =
  'foreign_key' | 'cross_client' | 'duplicate' | 'embedding' | 'enum' | 'sequence' | 'ml_rule';

export type Severity = 'error' | 'warning';

/** A row's key in a sample: the id, or `a/b` for the composite keys of the join tables. */
export type RowKey = number | string;

/**
 * One check on one table: a single set-based statement that answers one row, `count` (offending rows)
 * and `sample` (a JSON array of the first offending keys, lowest first).
 */
export interface IntegrityCheck {
  name: CheckName;
  table: string;
  /** Short, stable identifier of the rule within its name and table (`assignee_id`, `lower(email)`). */
  rule: string;
  severity: Severity;
  /** What a finding means, in words for the operator. */
  description: string;
  sql: string;
}

export interface CheckFinding {
  name: CheckName;
  table: string;
  rule: string;
  severity: Severity;
  description: string;
  count: number;
  sample: RowKey[];
}

/** How many offending keys a finding lists. */
export const SAMPLE_SIZE = 10;

/** Double-quotes an identifier taken from the metadata or the catalog. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * The statement shape every check shares: the offending rows' keys are collected once (materialized,
 * so the table is scanned once), then counted and sampled. `from` names the checked rows `t`.
 */
export function offendingRowsSql(from: string, keyExpression: string, condition: string): string {
  return `with found as materialized (
  select ${keyExpression} as key from ${from} where ${condition}
)
select (select count(*) from found)::int as count,
  coalesce((select jsonb_agg(key order by key) from (select key from found order by key limit ${SAMPLE_SIZE}) first_keys), '[]'::jsonb) as sample`;
}

/** `"table" t`: the checked table under the alias every condition uses. */
export function tableAsT(table: string): string {
  return `${quoteIdent(table)} t`;
}
