import type { CheckFinding, IntegrityCheck, RowKey } from './integrity-check.js';
import { checkedTableNames } from './integrity-checks.js';

/** Runs one read-only statement and returns its rows. */
export type ReadQuery = (sql: string) => Promise<Record<string, unknown>[]>;

export interface ValidationReport {
  ok: boolean;
  /** Findings (checks with a count above zero), errors first. */
  checks: CheckFinding[];
  /** How many checks ran (each one statement). */
  checksRun: number;
  durationMs: number;
}

/** The database cannot be validated as it is (schema missing, a role that row level security hides rows from). */
export class ValidationCannotRunError extends Error {}

/**
 * Runs every check, one statement each, and collects the findings. Call it inside one read-only
 * repeatable-read transaction so every check sees the same snapshot of a database that keeps changing.
 */
export async function runValidation(query: ReadQuery, checks: IntegrityCheck[]): Promise<ValidationReport> {
  const started = performance.now();
  await assertCheckable(query, checkedTableNames(checks));
  const findings: CheckFinding[] = [];
  for (const check of checks) {
    const [row] = await query(check.sql);
    const count = Number(row?.count ?? 0);
    if (count === 0) continue;
    findings.push({
      name: check.name,
      table: check.table,
      rule: check.rule,
      severity: check.severity,
      description: check.description,
      count,
      sample: parseSample(row?.sample),
    });
  }
  findings.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  return {
    ok: !findings.some((finding) => finding.severity === 'error'),
    checks: findings,
    checksRun: checks.length,
    durationMs: Math.round(performance.now() - started),
  };
}

function parseSample(value: unknown): RowKey[] {
  const list = typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
  return Array.isArray(list) ? (list as RowKey[]) : [];
}

async function assertCheckable(query: ReadQuery, tables: string[]): Promise<void> {
  const list = tables.map((table) => `'${table.replace(/'/g, "''")}'`).join(', ');
  const missing = await query(
    `select name from unnest(array[${list}]) as name where to_regclass(format('%I', name)) is null order by name`,
  );
  if (missing.length > 0) {
    throw new ValidationCannotRunError(
      `the schema is missing ${missing.map((row) => String(row.name)).join(', ')}: run \`pulse migrate up\` first`,
    );
  }
  // A role subject to row level security sees no tenant rows without a client setting: every check
  // would pass on an empty view of the data. Refuse rather than report a clean database.
  const hidden = await query(
    `select c.relname from pg_class c
      where c.oid = any(array[${tables.map((table) => `to_regclass('"${table}"')`).join(', ')}]::oid[])
        and c.relrowsecurity
        and not exists (select 1 from pg_roles r where r.rolname = current_user and (r.rolsuper or r.rolbypassrls))
        and (c.relforcerowsecurity or not pg_has_role(c.relowner, 'MEMBER'))
      order by 1 limit 3`,
  );
  if (hidden.length > 0) {
    throw new ValidationCannotRunError(
      `row level security hides rows of ${hidden.map((row) => String(row.relname)).join(', ')} from this role: ` +
        "run validate as the tables' owner (DATABASE_OWNER_URL)",
    );
  }
}
