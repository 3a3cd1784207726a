/**
 * Runs one SQL statement with knex-style `?` placeholders and returns its rows. The caller builds it on
 * MikroORM's connection (`em.getConnection().execute(sql, params, 'all', trx)`), so it works the same on
 * PostgreSQL and on PGlite.
 */
export interface SqlExecutor {
  execute(sql: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
}

/** A statement-level `WITH name AS (...)` that a {@link SqlExpression} needs. */
export interface CommonTableExpression {
  name: string;
  sql: string;
  params: readonly unknown[];
}

/**
 * SQL text placed in a VALUES row where a parameter would go, for values computed by the server (the
 * embeddings). It may lean on one common table expression, added once to each statement that uses it.
 */
export class SqlExpression {
  constructor(
    readonly sql: string,
    readonly requires: CommonTableExpression | null = null,
  ) {
    assertNoPlaceholder(sql);
  }
}

export type SqlValue = string | number | boolean | null | SqlExpression;
export type SqlRow = Record<string, SqlValue>;

export interface InsertOptions {
  /** Columns to return, one result row per inserted row. */
  returning?: readonly string[];
  /** Conflict target of `on conflict (...) do nothing`; only the rows actually inserted are counted. */
  onConflictDoNothing?: readonly string[];
}

/**
 * Parameters per statement. PostgreSQL's wire protocol caps bind parameters at 65535; MikroORM inlines
 * them into the text today, but staying under the cap keeps the statements valid for any executor, and
 * a few hundred rows per statement is already past the point where bigger batches stop paying off.
 */
const MAX_PARAMETERS_PER_STATEMENT = 30_000;

/**
 * Multi-row INSERT batches that keep a per-table count of the rows written. Rows are objects keyed by
 * column name; every row of one call must have the same columns.
 */
export class SeedWriter {
  private readonly counts = new Map<string, number>();

  constructor(private readonly db: SqlExecutor) {}

  /** Rows inserted so far, per table, in the order the tables were first written. */
  rowCounts(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }

  async insert(
    table: string,
    rows: readonly SqlRow[],
    options: InsertOptions = {},
  ): Promise<Record<string, unknown>[]> {
    if (rows.length === 0) return [];
    const columns = Object.keys(rows[0]);
    const rowsPerStatement = Math.max(1, Math.floor(MAX_PARAMETERS_PER_STATEMENT / columns.length));
    const returned: Record<string, unknown>[] = [];
    let inserted = 0;
    for (let start = 0; start < rows.length; start += rowsPerStatement) {
      const chunk = rows.slice(start, start + rowsPerStatement);
      const { sql, params } = buildInsert(table, columns, chunk, options);
      const result = await this.db.execute(sql, params);
      if (options.returning) returned.push(...result);
      inserted += options.onConflictDoNothing ? result.length : chunk.length;
    }
    this.counts.set(table, (this.counts.get(table) ?? 0) + inserted);
    return returned;
  }
}

function buildInsert(
  table: string,
  columns: readonly string[],
  rows: readonly SqlRow[],
  options: InsertOptions,
): { sql: string; params: unknown[] } {
  const ctes = new Set<CommonTableExpression>();
  const rowParams: unknown[] = [];
  const tuples: string[] = [];
  for (const row of rows) {
    if (Object.keys(row).length !== columns.length) {
      throw new Error(`Demo rows for ${table} do not all have the columns ${columns.join(', ')}`);
    }
    const slots: string[] = [];
    for (const column of columns) {
      const value = row[column];
      if (value === undefined) throw new Error(`Demo row for ${table} has no value for ${column}`);
      if (value instanceof SqlExpression) {
        slots.push(value.sql);
        if (value.requires) ctes.add(value.requires);
      } else {
        slots.push('?');
        rowParams.push(value);
      }
    }
    tuples.push(`(${slots.join(', ')})`);
  }
  const withClause = ctes.size
    ? `with ${[...ctes].map((cte) => `${quoteIdentifier(cte.name)} as materialized (${cte.sql})`).join(', ')} `
    : '';
  const conflict = options.onConflictDoNothing
    ? ` on conflict (${options.onConflictDoNothing.map(quoteIdentifier).join(', ')}) do nothing`
    : '';
  const returning = options.returning
    ? ` returning ${options.returning.map(quoteIdentifier).join(', ')}`
    : '';
  const sql =
    `${withClause}insert into ${quoteIdentifier(table)} (${columns.map(quoteIdentifier).join(', ')}) ` +
    `values ${tuples.join(', ')}${conflict}${returning}`;
  // CTE placeholders come first in the text, so their parameters do too.
  return { sql, params: [...[...ctes].flatMap((cte) => cte.params), ...rowParams] };
}

function quoteIdentifier(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Unexpected identifier in demo data: ${name}`);
  return `"${name}"`;
}

/** A literal `?` would be taken for a placeholder (`??` for an identifier) by the knex-style formatter. */
function assertNoPlaceholder(sql: string): void {
  if (sql.includes('?')) throw new Error(`SQL fragments must not contain "?": ${sql}`);
}
