import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

import { statementTimeoutSetting } from '../db/statement-timeout.js';
import type { RecordType } from './record-types.js';
import { upsertStatements } from './upsert-sql.js';
import type { UpsertStatements } from './upsert-sql.js';

export type RowStatus = 'inserted' | 'updated' | 'unchanged' | 'rejected';

export interface RowOutcome {
  status: RowStatus;
  /** Why a row was rejected (unknown reference, constraint); absent otherwise. */
  reason?: string;
}

/** One batch of staged rows of one type, as COPY text (`ord` first, 0 to count - 1). */
export interface StagedBatch {
  count: number;
  /** No natural key may appear twice in one batch (`BatchBuilder` sees to it). */
  copyText: Readable | Iterable<string>;
}

/** SQLSTATE classes of errors one row can cause: data exceptions (22) and integrity violations (23). */
const ROW_ERROR_CLASSES = ['22', '23'];

interface PgError {
  code?: string;
  constraint?: string;
  message: string;
}

function rowErrorReason(error: unknown): string | null {
  const pgError = error as PgError;
  if (typeof pgError?.code !== 'string' || !ROW_ERROR_CLASSES.includes(pgError.code.slice(0, 2))) return null;
  if (pgError.constraint) return `constraint: violates ${pgError.constraint}`;
  return `constraint: ${pgError.message}`;
}

/**
 * Bulk upserts by natural key for one client, on one connection. Each batch is staged with COPY in a
 * temporary table, its references are resolved with joins within the client, and one
 * `insert ... on conflict ... do update ... where (...) is distinct from (...)` writes it: new rows are
 * inserted, changed rows updated, unchanged rows left alone (their `last_updated_at` stays).
 *
 * The caller owns the transaction (`begin`/`commit`/`rollback`), so the CLI can commit per batch and a
 * dry run can roll everything back at the end; each batch runs under a savepoint, so a failure never
 * leaves half a batch behind.
 */
export class IngestSession {
  private readonly statements = new Map<string, UpsertStatements>();
  /** Types whose staging table exists on this connection (created once, truncated per batch). */
  private readonly staged = new Set<string>();

  constructor(
    private readonly connection: pg.ClientBase,
    readonly clientId: number,
  ) {}

  /** `statementTimeoutMs`: a GraphQL call's statement timeout (the CLI's long imports run without one). */
  async begin(options: { statementTimeoutMs?: number } = {}): Promise<void> {
    await this.connection.query('begin');
    // Row level security: the runtime role sees and writes only the client named here.
    await this.connection.query(`select set_config('pulse.client_id', $1, true)`, [String(this.clientId)]);
    if (options.statementTimeoutMs !== undefined) {
      await this.connection.query(`select set_config('statement_timeout', $1, true)`, [
        statementTimeoutSetting(options.statementTimeoutMs),
      ]);
    }
  }

  async commit(): Promise<void> {
    await this.connection.query('commit');
  }

  async rollback(): Promise<void> {
    await this.connection.query('rollback');
    // Staging tables created in the rolled back transaction are gone.
    this.staged.clear();
  }

  private sql(type: RecordType): UpsertStatements {
    let statements = this.statements.get(type.name);
    if (!statements) this.statements.set(type.name, (statements = upsertStatements(type, this.clientId)));
    return statements;
  }

  /**
   * Upserts one staged batch of one type; returns one outcome per row, by `ord`. The rows are COPY text
   * already (see `ValidRecord`), so a batch spooled to a file goes to the server as it is.
   */
  async upsert(type: RecordType, batch: StagedBatch): Promise<RowOutcome[]> {
    const outcomes: (RowOutcome | null)[] = new Array<RowOutcome | null>(batch.count).fill(null);
    if (batch.count === 0) return [];
    const sql = this.sql(type);
    await this.connection.query('savepoint ingest_batch');
    try {
      // A pooled connection may still hold the table, and its rows, from an earlier session.
      if (!this.staged.has(type.name)) await this.connection.query(sql.createStage);
      this.staged.add(type.name);
      await this.connection.query(sql.truncateStage);
      await pipeline(
        batch.copyText instanceof Readable ? batch.copyText : Readable.from(batch.copyText),
        this.connection.query(copyFrom(sql.copyStage)),
      );
      // Temporary tables are never auto-analyzed; without statistics the planner guesses their size
      // and may scan the whole target table per batch instead of probing its unique index. Only the
      // join columns are sampled: the other fifty-odd would cost time and guide nothing.
      await this.connection.query(sql.analyzeStage);
      const unresolved = await this.connection.query<{ ord: number; reason: string }>(sql.unresolved);
      for (const row of unresolved.rows) outcomes[row.ord] = { status: 'rejected', reason: row.reason };
      await this.upsertRange(sql, 0, batch.count, outcomes);
      await this.connection.query('release savepoint ingest_batch');
    } catch (error) {
      await this.connection.query('rollback to savepoint ingest_batch');
      // A rolled back transaction takes a temporary table created in it along.
      this.staged.delete(type.name);
      throw error;
    }
    return outcomes.map((outcome) => outcome ?? { status: 'unchanged' });
  }

  /**
   * One statement for the range; when a row in it breaks a constraint, the range is halved until the
   * row is alone, and only that row is rejected.
   */
  private async upsertRange(
    sql: UpsertStatements,
    lo: number,
    hi: number,
    outcomes: (RowOutcome | null)[],
  ): Promise<void> {
    if (lo >= hi) return;
    await this.connection.query('savepoint ingest_range');
    try {
      const result = await this.connection.query<{ ord: number; inserted: boolean }>(sql.upsert, [lo, hi]);
      await this.connection.query('release savepoint ingest_range');
      for (const row of result.rows) outcomes[row.ord] = { status: row.inserted ? 'inserted' : 'updated' };
    } catch (error) {
      await this.connection.query('rollback to savepoint ingest_range');
      const reason = rowErrorReason(error);
      if (!reason) throw error;
      if (hi - lo === 1) {
        outcomes[lo] = { status: 'rejected', reason };
        return;
      }
      const middle = lo + Math.floor((hi - lo) / 2);
      await this.upsertRange(sql, lo, middle, outcomes);
      await this.upsertRange(sql, middle, hi, outcomes);
    }
  }

  /**
   * Links issues to their parent by `parent_key` once both are in: a child may arrive before its
   * parent, in a later batch or call. One hash join over the client's issues; only rows whose link
   * changes are written.
   */
  async linkIssueParents(): Promise<number> {
    const client = this.clientId;
    const result = await this.connection.query(
      `update issues child set parent_id = parent.id, last_updated_at = now()
       from issues parent
       where child.client_id = ${client} and parent.client_id = ${client}
         and parent.key = child.parent_key and child.parent_id is distinct from parent.id`,
    );
    return result.rowCount ?? 0;
  }
}
