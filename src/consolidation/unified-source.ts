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
 * Another Pulse installation's database: the same schema, read as it is. The connection is read-only
 * at the session level (the server refuses any write), and the whole run reads one repeatable-read
 * snapshot, so the rows copied and the rows verified are the same even while the source keeps working.
 */
export class UnifiedSource implements ConsolidationSource {
  readonly kind = 'unified' as const;

  private constructor(
    private readonly client: pg.Client,
    readonly label: string,
  ) {}

  static async open(url: string, plans: TableCopyPlan[]): Promise<UnifiedSource> {
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
      await assertSameSchema(client, plans);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    return new UnifiedSource(client, sourceLabel(url));
  }

  async clients(): Promise<SourceClient[]> {
    const result = await this.client.query<{ id: number; name: string }>(
      'select id, name from clients order by id',
    );
    return result.rows.map((row) => ({ legacyId: row.id, name: row.name }));
  }

  async count(plan: TableCopyPlan, clientIds: number[]): Promise<number> {
    const result = await this.client.query<{ n: string }>(
      `select count(*) as n from ${quoteIdent(plan.table)} t where ${scopeCondition(plan)}`,
      [clientIds],
    );
    return Number(result.rows[0]!.n);
  }

  async maxId(plan: TableCopyPlan, clientIds: number[]): Promise<number | null> {
    const result = await this.client.query<{ id: number | null }>(
      `select max(t.${quoteIdent(plan.keyColumns[0]!)}) as id from ${quoteIdent(plan.table)} t where ${scopeCondition(plan)}`,
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
      `select to_jsonb(t) as values from ${quoteIdent(plan.table)} t
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

/** Refuses a source whose tables or columns differ from what the target's entities declare. */
async function assertSameSchema(client: pg.Client, plans: TableCopyPlan[]): Promise<void> {
  const result = await client.query<{ table_name: string; columns: string[] }>(
    `select table_name, array_agg(column_name::text order by column_name) as columns
       from information_schema.columns where table_schema = current_schema() and table_name = any($1)
      group by table_name`,
    [plans.map((plan) => plan.table)],
  );
  const found = new Map(result.rows.map((row) => [row.table_name, row.columns]));
  const problems: string[] = [];
  for (const plan of plans) {
    const columns = found.get(plan.table);
    if (!columns) {
      problems.push(`table ${plan.table} is missing`);
      continue;
    }
    const expected = [...plan.columns].sort();
    const missing = expected.filter((column) => !columns.includes(column));
    const extra = columns.filter((column) => !expected.includes(column));
    if (missing.length) problems.push(`${plan.table} lacks ${missing.join(', ')}`);
    if (extra.length) problems.push(`${plan.table} has unknown columns ${extra.join(', ')}`);
  }
  if (problems.length > 0) {
    throw new SourceUnusableError(
      `the source is not a unified Pulse database of this version: ${problems.slice(0, 5).join('; ')}` +
        (problems.length > 5 ? `; and ${problems.length - 5} more` : ''),
    );
  }
}
