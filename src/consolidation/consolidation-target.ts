import pg from 'pg';

import { quoteIdent } from '../validate/integrity-check.js';

export const ID_MAP_TABLE = 'consolidation_id_map';

/**
 * The unified database being written: one owner connection (row level security does not apply to the
 * owner, and the copied rows belong to clients no session is set to), in UTC so values read back as the
 * source wrote them, with the id map's lookups and the per-table checkpoints.
 */
export class ConsolidationTarget {
  private constructor(private readonly client: pg.Client) {}

  static async open(url: string): Promise<ConsolidationTarget> {
    const client = new pg.Client({ connectionString: url, options: '-c timezone=UTC' });
    await client.connect();
    return new ConsolidationTarget(client);
  }

  query<T extends pg.QueryResultRow = Record<string, unknown>>(
    sql: string,
    params: unknown[] = [],
  ): Promise<T[]> {
    return this.client.query<T>(sql, params).then((result) => result.rows);
  }

  async transaction<T>(work: () => Promise<T>): Promise<T> {
    await this.client.query('begin');
    try {
      const result = await work();
      await this.client.query('commit');
      return result;
    } catch (error) {
      await this.client.query('rollback').catch(() => undefined);
      throw error;
    }
  }

  /** legacy id -> new id, for the given legacy ids of one table of one source. */
  async mapped(source: string, table: string, legacyIds: number[]): Promise<Map<number, number>> {
    if (legacyIds.length === 0) return new Map();
    const rows = await this.query<{ legacy_id: number; new_id: number }>(
      `select legacy_id, new_id from ${ID_MAP_TABLE} where source = $1 and table_name = $2 and legacy_id = any($3::int[])`,
      [source, table, legacyIds],
    );
    return new Map(rows.map((row) => [row.legacy_id, row.new_id]));
  }

  async checkpoint(source: string, table: string, phase: string): Promise<(number | string)[] | null> {
    const [row] = await this.query<{ last_key: (number | string)[] }>(
      'select last_key from consolidation_progress where source = $1 and table_name = $2 and phase = $3',
      [source, table, phase],
    );
    return row?.last_key ?? null;
  }

  async saveCheckpoint(
    source: string,
    table: string,
    phase: string,
    key: (number | string)[],
  ): Promise<void> {
    await this.query(
      `insert into consolidation_progress (source, table_name, phase, last_key) values ($1, $2, $3, $4::jsonb)
       on conflict (source, table_name, phase) do update set last_key = excluded.last_key, updated_at = now()`,
      [source, table, phase, JSON.stringify(key)],
    );
  }

  /** Which of these ids the table already uses. */
  async takenIds(table: string, column: string, ids: number[]): Promise<Set<number>> {
    if (ids.length === 0) return new Set();
    const rows = await this.query<{ id: number }>(
      `select ${quoteIdent(column)} as id from ${quoteIdent(table)} where ${quoteIdent(column)} = any($1::int[])`,
      [ids],
    );
    return new Set(rows.map((row) => row.id));
  }

  /**
   * Reserves ids for rows whose own id is taken. The sequence is first moved past every id kept as is,
   * so neither these new ids nor a concurrent insert of the gateway can land on a kept one.
   */
  async reserveIds(table: string, column: string, keptMax: number | null, count: number): Promise<number[]> {
    const sequence = `pg_get_serial_sequence('${quoteIdent(table)}', '${column}')`;
    if (keptMax !== null) {
      await this.query(
        `select setval(${sequence}, greatest($1::bigint, (select coalesce(max(${quoteIdent(column)}), 0) from ${quoteIdent(table)}),
           (select last_value from pg_sequences where format('%I.%I', schemaname, sequencename) = ${sequence})))`,
        [keptMax],
      );
    }
    if (count === 0) return [];
    const rows = await this.query<{ id: string }>(
      `select nextval(${sequence}) as id from generate_series(1, $1::int)`,
      [count],
    );
    return rows.map((row) => Number(row.id));
  }

  async close(): Promise<void> {
    await this.client.end();
  }
}
