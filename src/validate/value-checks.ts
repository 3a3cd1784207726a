import { EMBEDDING_DIMENSIONS } from '../common/embedding.type.js';
import { USER_ROLES } from '../modules/users/user.entity.js';
import { offendingRowsSql, quoteIdent, tableAsT } from './integrity-check.js';
import type { IntegrityCheck, Severity } from './integrity-check.js';
import type { CheckedTable } from './table-catalog.js';

/**
 * Natural keys the schema does not enforce with a constraint: the identifiers the source systems give
 * (the ETL import upserts by them, so two rows with one key make its upsert ambiguous) and the
 * case-insensitive forms of the unique names (PostgreSQL's unique constraint is case-sensitive, the
 * login is not).
 */
const NATURAL_KEYS: readonly { table: string; key: string[]; severity: Severity; why: string }[] = [
  { table: 'users', key: ['lower("email")'], severity: 'error', why: 'email, ignoring case' },
  { table: 'clients', key: ['lower("name")'], severity: 'warning', why: 'name, ignoring case' },
  {
    table: 'issues',
    key: ['"client_id"', '"external_id"'],
    severity: 'error',
    why: 'external id within a client',
  },
  {
    table: 'projects',
    key: ['"client_id"', '"external_id"'],
    severity: 'error',
    why: 'external id within a client',
  },
  {
    table: 'repositories',
    key: ['"client_id"', '"external_id"'],
    severity: 'error',
    why: 'external id within a client',
  },
  {
    table: 'pull_requests',
    key: ['"client_id"', '"external_id"'],
    severity: 'error',
    why: 'external id within a client',
  },
  {
    table: 'statuses',
    key: ['"client_id"', '"integration_id"', '"external_id"'],
    severity: 'error',
    why: 'external id within an integration',
  },
  {
    table: 'issuetypes',
    key: ['"client_id"', '"integration_id"', '"external_id"'],
    severity: 'error',
    why: 'external id within an integration',
  },
  {
    table: 'jira_pull_request_links',
    key: ['"issue_id"', '"external_repo_id"', '"pull_request_number"'],
    severity: 'warning',
    why: 'the same link recorded twice',
  },
];

/**
 * duplicate: rows that repeat the key of a row with a lower id (so the count is the number of rows that
 * would have to go). Unique keys of the metadata are checked too: an adopted database may lack them.
 */
export function duplicateChecks(tables: CheckedTable[]): IntegrityCheck[] {
  const keys = [
    ...tables.flatMap((table) =>
      table.uniqueKeys.map((columns) => ({
        table: table.table,
        key: columns.map(quoteIdent),
        severity: 'error' as Severity,
        why: `unique key (${columns.join(', ')})`,
      })),
    ),
    ...NATURAL_KEYS,
  ];
  return keys.flatMap(({ table, key, severity, why }) => {
    const checked = tables.find((candidate) => candidate.table === table);
    if (!checked) return [];
    const partition = key.join(', ');
    const present = key.map((expression) => `${expression} is not null`).join(' and ');
    const bareKey = checked.keyExpression.replace(/\bt\./g, '');
    return [
      {
        name: 'duplicate' as const,
        table,
        rule: partition.replace(/"/g, ''),
        severity,
        description: `repeats the ${why} of an earlier row`,
        sql: offendingRowsSql(
          `(select ${bareKey} as key, row_number() over (partition by ${partition} order by ${bareKey}) as rank
            from ${quoteIdent(table)} where ${present}) t`,
          't.key',
          't.rank > 1',
        ),
      },
    ];
  });
}

/**
 * embedding: vectors cosine distance cannot use. An all-zero vector has no direction (its cosine
 * distance is NaN and HNSW cannot place it); a wrong dimension count cannot be compared at all (the
 * column type normally forbids it, but an adopted database may have an unsized `vector`).
 */
export function embeddingChecks(tables: CheckedTable[]): IntegrityCheck[] {
  return tables
    .filter((table) => table.embeddingColumn)
    .map((table) => {
      const column = `t.${quoteIdent(table.embeddingColumn!)}`;
      return {
        name: 'embedding' as const,
        table: table.table,
        rule: table.embeddingColumn!,
        severity: 'error' as Severity,
        description: `${table.embeddingColumn} is all zeros or not ${EMBEDDING_DIMENSIONS} dimensions`,
        sql: offendingRowsSql(
          tableAsT(table.table),
          table.keyExpression,
          `${column} is not null and (vector_dims(${column}) <> ${EMBEDDING_DIMENSIONS} or vector_norm(${column}) = 0)`,
        ),
      };
    });
}

/**
 * enum: values outside the allowed set in columns no CHECK constraint guards. Roles decide what a
 * token may do and setting types how a value is parsed, so those are errors; the rest only display.
 */
const ENUM_COLUMNS: readonly {
  table: string;
  column: string;
  allowed: readonly string[];
  severity: Severity;
}[] = [
  { table: 'users', column: 'role', allowed: USER_ROLES, severity: 'error' },
  // The types the settings API accepts (its IsIn validator); a value of another type cannot be parsed.
  {
    table: 'system_settings',
    column: 'setting_type',
    allowed: ['string', 'number', 'boolean', 'json'],
    severity: 'error',
  },
  { table: 'users', column: 'theme_mode', allowed: ['light', 'dark'], severity: 'warning' },
  { table: 'users', column: 'accessibility_level', allowed: ['regular', 'AA', 'AAA'], severity: 'warning' },
  // Jira's three status categories; the flow metrics (work started, completed) are computed from them.
  { table: 'statuses', column: 'category', allowed: ['To Do', 'In Progress', 'Done'], severity: 'error' },
  {
    table: 'status_mappings',
    column: 'status_category',
    allowed: ['To Do', 'In Progress', 'Done'],
    severity: 'error',
  },
  {
    table: 'workflows',
    column: 'step_category',
    allowed: ['To Do', 'In Progress', 'Done'],
    severity: 'error',
  },
  { table: 'pull_requests', column: 'status', allowed: ['open', 'closed', 'merged'], severity: 'warning' },
  {
    table: 'jira_pull_request_links',
    column: 'pr_status',
    allowed: ['open', 'closed', 'merged'],
    severity: 'warning',
  },
  {
    table: 'pull_request_reviews',
    column: 'state',
    allowed: ['APPROVED', 'CHANGES_REQUESTED', 'COMMENTED', 'DISMISSED', 'PENDING'],
    severity: 'warning',
  },
];

export function enumChecks(tables: CheckedTable[]): IntegrityCheck[] {
  return ENUM_COLUMNS.flatMap(({ table, column, allowed, severity }) => {
    const checked = tables.find((candidate) => candidate.table === table);
    if (!checked) return [];
    const list = allowed.map((value) => `'${value.replace(/'/g, "''")}'`).join(', ');
    return [
      {
        name: 'enum' as const,
        table,
        rule: column,
        severity,
        description: `${column} is not one of ${allowed.join(', ')}`,
        sql: offendingRowsSql(
          tableAsT(table),
          checked.keyExpression,
          `t.${quoteIdent(column)} is not null and t.${quoteIdent(column)} not in (${list})`,
        ),
      },
    ];
  });
}

/**
 * sequence: the id sequence would hand out an id that already exists (rows were copied in with explicit
 * ids and the sequence was never moved), so the next insert fails. The sample is the largest id.
 */
export function sequenceChecks(tables: CheckedTable[]): IntegrityCheck[] {
  return tables
    .filter((table) => table.serialColumn)
    .map((table) => {
      const column = quoteIdent(table.serialColumn!);
      const qualified = `'${quoteIdent(table.table)}'`;
      return {
        name: 'sequence' as const,
        table: table.table,
        rule: table.serialColumn!,
        severity: 'error' as Severity,
        description: `the ${table.serialColumn} sequence is missing or behind the largest ${table.serialColumn}`,
        // pg_sequences shows no last value for a sequence set with `setval(..., false)` (a restore or a
        // bulk load leaves it so: the next call returns exactly that value), which would read as a
        // sequence starting over. The sequence's own row says both, so it is read through query_to_xml:
        // its name is only known at run time, and this stays one read-only statement.
        sql: `with largest as (select max(${column}) as id from ${quoteIdent(table.table)}),
  sequence as (select pg_get_serial_sequence(${qualified}, '${table.serialColumn}') as name),
  state as (
    select s.increment_by, query_to_xml(format('select last_value, is_called from %s', sequence.name), false, true, '') as row
    from sequence join pg_sequences s
      on format('%I.%I', s.schemaname, s.sequencename) = sequence.name or format('%I', s.sequencename) = sequence.name
  ),
  next as (
    select (xpath('/row/last_value/text()', row))[1]::text::bigint
             + case when (xpath('/row/is_called/text()', row))[1]::text = 'true' then increment_by else 0 end as id
    from state
  )
select case when largest.id is not null and (next.id is null or next.id <= largest.id) then 1 else 0 end as count,
  case when largest.id is not null and (next.id is null or next.id <= largest.id) then jsonb_build_array(largest.id) else '[]'::jsonb end as sample
from largest left join next on true`,
      };
    });
}

/** The ML monitoring tables' rules that their CHECK constraints do not cover. */
export function mlRuleChecks(tables: CheckedTable[]): IntegrityCheck[] {
  const rules: { table: string; rule: string; severity: Severity; description: string; condition: string }[] =
    [
      {
        table: 'ml_anomaly_alerts',
        rule: 'acknowledged_without_who_or_when',
        severity: 'error',
        description: 'acknowledged, but acknowledged_by or acknowledged_at is empty',
        condition:
          't."acknowledged" is true and (t."acknowledged_by" is null or t."acknowledged_at" is null)',
      },
      {
        table: 'ml_anomaly_alerts',
        rule: 'unacknowledged_with_who_or_when',
        severity: 'warning',
        description: 'not acknowledged, but acknowledged_by or acknowledged_at is set',
        condition:
          't."acknowledged" is not true and (t."acknowledged_by" is not null or t."acknowledged_at" is not null)',
      },
      {
        table: 'ml_anomaly_alerts',
        rule: 'alert_data_object',
        severity: 'error',
        description: 'alert_data is not a JSON object',
        condition: `jsonb_typeof(t."alert_data") <> 'object'`,
      },
      {
        table: 'ml_prediction_log',
        rule: 'finite_values',
        severity: 'error',
        description: 'prediction_value or anomaly_score is NaN or infinite',
        condition: `t."prediction_value" in ('NaN', 'Infinity', '-Infinity') or t."anomaly_score" in ('NaN', 'Infinity', '-Infinity')`,
      },
      {
        table: 'ml_prediction_log',
        rule: 'response_time_ms',
        severity: 'error',
        description: 'response_time_ms is negative',
        condition: 't."response_time_ms" < 0',
      },
      {
        table: 'ml_prediction_log',
        rule: 'anomaly_severity',
        severity: 'warning',
        description: "is_anomaly is true but severity is 'normal'",
        condition: `t."is_anomaly" is true and t."severity" = 'normal'`,
      },
      {
        table: 'ai_learning_memory',
        rule: 'confidence',
        // NaN passes the CHECK (confidence >= 0 and <= 1): numeric NaN sorts above every number.
        severity: 'error',
        description: 'confidence is NaN',
        condition: `t."confidence" = 'NaN'`,
      },
    ];
  return rules.flatMap(({ table, rule, severity, description, condition }) => {
    const checked = tables.find((candidate) => candidate.table === table);
    if (!checked) return [];
    return [
      {
        name: 'ml_rule' as const,
        table,
        rule,
        severity,
        description,
        sql: offendingRowsSql(tableAsT(table), checked.keyExpression, condition),
      },
    ];
  });
}
