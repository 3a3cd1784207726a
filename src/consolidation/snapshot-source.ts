import pg from 'pg';

import { quoteIdent } from '../validate/integrity-check.js';
import type { ConsolidationSource, SourceClient, SourceRow } from './consolidation-source.js';
import { SourceUnusableError } from './consolidation-source.js';
import type { TableCopyPlan } from './copy-plan.js';

/** The source's URL without user and password: what reports and the id map call it. */
export function sourceLabel(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
}

/** The SQL condition that picks a table's rows of the copied clients (`$1` is the client id array). */
export function scopeCondition(plan: TableCopyPlan): string {
  switch (plan.scope.kind) {
    case 'own':
      return `t.${quoteIdent(plan.scope.column)} = any($1::int[])`;
    case 'self':
      return `t."id" = any($1::int[])`;
    case 'via':
      return `t.${quoteIdent(plan.scope.column)} in (select "id" from ${quoteIdent(plan.scope.target)} where "client_id" = any($1::int[]))`;
    case 'global':
      return `cardinality($1::int[]) >= 0`;
  }
}

/**
 * A read-only connection to the source holding one repeatable-read snapshot for the whole run. The
 * session is read-only (the server refuses any write), and the rows copied and the rows verified are
 * the same even while the source keeps working.
 */
export async function openSnapshot(url: string): Promise<pg.Client> {
  const client = new pg.Client({
    connectionString: url,
    options: '-c default_transaction_read_only=on -c timezone=UTC',
  });
  try {
    await client.connect();
  } catch (error) {
    throw new SourceUnusableError(`cannot connect to the source: ${(error as Error).message}`);
  }
  try {
    await client.query('begin isolation level repeatable read read only');
  } catch (error) {
    await client.end().catch(() => undefined);
    throw error;
  }
  return client;
}

/**
 * How a source shape presents one table in the unified shape: a relation to select from (the table
 * itself, or a subquery that maps the source's columns), or null when the shape has no such table.
 */
export type UnifiedRelation = (plan: TableCopyPlan) => string | null;

/**
 * The reads every source shape shares once its tables are presented as unified relations: the clients,
 * counts, largest ids and keyset-paginated batches of the copied clients' rows. Each row comes back as
 * one JSON object in the unified column names (`to_jsonb`), which the target turns back into its
 * column types.
 */
export class SnapshotSource implements ConsolidationSource {
  constructor(
    private readonly client: pg.Client,
    readonly kind: ConsolidationSource['kind'],
    readonly label: string,
    private readonly relation: UnifiedRelation,
  ) {}

  async clients(): Promise<SourceClient[]> {
    const result = await this.client.query<{ id: number; name: string }>(
      'select id, name from clients order by id',
    );
    return result.rows.map((row) => ({ legacyId: row.id, name: row.name }));
  }

  async count(plan: TableCopyPlan, clientIds: number[]): Promise<number> {
    const from = this.relation(plan);
    if (from === null) return 0;
    const result = await this.client.query<{ n: string }>(
      `select count(*) as n from ${from} t where ${scopeCondition(plan)}`,
      [clientIds],
    );
    return Number(result.rows[0]!.n);
  }

  async maxId(plan: TableCopyPlan, clientIds: number[]): Promise<number | null> {
    const from = this.relation(plan);
    if (from === null) return null;
    const result = await this.client.query<{ id: number | null }>(
      `select max(t.${quoteIdent(plan.keyColumns[0]!)}) as id from ${from} t where ${scopeCondition(plan)}`,
      [clientIds],
    );
    return result.rows[0]?.id ?? null;
  }

  async batch(
    plan: TableCopyPlan,
    clientIds: number[],
    after: (number | string)[] | null,
    limit: number,
  ): Promise<SourceRow[]> {
    const from = this.relation(plan);
    if (from === null) return [];
    const keys = plan.keyColumns.map((column) => `t.${quoteIdent(column)}`);
    const params: unknown[] = [clientIds];
    let keyset = '';
    if (after) {
      keyset = ` and (${keys.join(', ')}) > (${after.map((value) => {
        params.push(value);
        return `$${params.length}`;
      })})`;
    }
    params.push(limit);
    const result = await this.client.query<{ values: Record<string, unknown> }>(
      `select to_jsonb(t) as values from ${from} t
        where ${scopeCondition(plan)}${keyset} order by ${keys.join(', ')} limit $${params.length}`,
      params,
    );
    return result.rows.map(({ values }) => ({
      key: plan.keyColumns.map((column) => values[column] as number),
      values,
    }));
  }

  async close(): Promise<void> {
    await this.client.query('rollback').catch(() => undefined);
    await this.client.end();
  }
}

/** Refuses a source whose tables lack a column the copy reads or hold one it would silently drop. */
export async function assertColumns(
  client: pg.Client,
  expected: ReadonlyMap<string, readonly string[]>,
  shape: string,
): Promise<void> {
  const result = await client.query<{ table_name: string; columns: string[] }>(
    `select table_name, array_agg(column_name::text order by column_name) as columns
       from information_schema.columns where table_schema = current_schema() and table_name = any($1)
      group by table_name`,
    [[...expected.keys()]],
  );
  const found = new Map(result.rows.map((row) => [row.table_name, row.columns]));
  const problems: string[] = [];
  for (const [table, wanted] of expected) {
    const columns = found.get(table);
    if (!columns) {
      problems.push(`table ${table} is missing`);
      continue;
    }
    const missing = wanted.filter((column) => !columns.includes(column));
    const extra = columns.filter((column) => !wanted.includes(column));
    if (missing.length) problems.push(`${table} lacks ${missing.join(', ')}`);
    if (extra.length) problems.push(`${table} has unknown columns ${extra.join(', ')}`);
  }
  if (problems.length > 0) {
    throw new SourceUnusableError(
      `the source is not ${shape}: ${problems.slice(0, 5).join('; ')}` +
        (problems.length > 5 ? `; and ${problems.length - 5} more` : ''),
    );
  }
}
