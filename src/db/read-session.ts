import type { AbstractSqlConnection } from '@mikro-orm/sql';
import type { Pool, PoolClient, QueryConfig } from 'pg';

import { isConnectionError } from './connection-errors.js';
import { makeRoomForStatement, preparedQuery } from './prepared-statements.js';
import { statementTimeoutSetting } from './statement-timeout.js';
import type { SqlExecutor } from './sql-executor.js';

/** The setting the row level security policies compare `client_id` with. */
export const TENANT_SETTING = 'pulse.client_id';

/** Where a read transaction runs, as the routing policy picked it. */
export interface ReadTarget {
  /** `primary` or the replica's name. */
  name: string;
  connection: AbstractSqlConnection;
  replica: boolean;
}

/** What a read session needs from the routing policy. */
export interface ReadTargetSource {
  /** Picks (and counts) where the next read transaction of this viewer goes. */
  pickReader(viewerKey: string | null, readAfterLsn?: bigint | null): ReadTarget;
  /** The primary, when a replica could not serve. */
  primaryTarget(): ReadTarget;
  /** A replica failed with a connection error (or a recovery conflict): keep reads off it. */
  replicaFailed(name: string, error: unknown): void;
  /** The primary failed: a connection error keeps reads off it until it answers again. */
  primaryFailed(error: unknown): void;
  isRetryableOnPrimary(error: unknown): boolean;
}

/** A request's reads: statements run in one transaction, ended once the response is ready. */
export interface RequestReader extends SqlExecutor {
  /** Commits (or rolls back) the transaction and returns the connection to its pool. Idempotent. */
  end(): Promise<void>;
}

export interface ReadSessionOptions {
  viewerKey: string | null;
  /** The viewer's client: `pulse.client_id` of the transaction. Null: no tenant rows are visible. */
  clientId: number | null;
  /** Always on the primary (reading back a write). */
  primaryOnly?: boolean;
  /** The caller's causal token (`x-pulse-lsn`): only a replica that has replayed it may serve. */
  readAfterLsn?: bigint | null;
  /** `statement_timeout` of the transaction: PostgreSQL cancels a longer statement. Absent: the server's. */
  statementTimeoutMs?: number;
}

interface OpenTransaction {
  target: ReadTarget;
  client: PoolClient;
  /** A statement failed: PostgreSQL ignores the rest until the transaction is rolled back. */
  failed: boolean;
  closed: boolean;
  /** The last statement sent: pg wants one query at a time per client, so statements queue here. */
  tail: Promise<unknown>;
  /** The promise `open()` handed out for it. */
  opening?: Promise<OpenTransaction>;
}

/** Logger label of the statements that frame a transaction (begin + tenant setting, commit, rollback). */
export const TRANSACTION_CONTROL_LABEL = 'read-transaction';

const pools = new WeakMap<AbstractSqlConnection, Promise<Pool>>();

/** The `pg` pool MikroORM created for a connection: same limits, same type parsers (dates as text). */
function poolOf(connection: AbstractSqlConnection): Promise<Pool> {
  let pool = pools.get(connection);
  if (!pool) {
    pool = (connection as unknown as { getNativeClient(): Promise<Pool> }).getNativeClient();
    pools.set(connection, pool);
  }
  return pool;
}

/** SQLSTATE 25P02: a statement sent after an earlier one failed in the same transaction. */
const IN_FAILED_TRANSACTION = '25P02';

function tenantValue(clientId: number | null): string {
  if (clientId === null) return '';
  if (!Number.isSafeInteger(clientId)) throw new Error('client id must be an integer');
  return String(clientId);
}

/**
 * One request's read transaction on the connection the routing policy picked: opened by the first
 * statement with `begin ... read only` and the tenant's `set_config(..., true)` in one round trip
 * (transaction-local, so a pooled connection never carries a tenant to the next request), then every
 * statement as a named prepared statement with bound parameters, all in one snapshot. A replica that
 * fails with a connection error is reported and the statement runs again in a new transaction on the
 * primary; a statement that fails for its own reasons does not poison the statements after it.
 */
export class ReadSession implements RequestReader {
  private transaction: Promise<OpenTransaction> | null = null;
  private onPrimary: boolean;
  private ended = false;

  constructor(
    private readonly targets: ReadTargetSource,
    private readonly options: ReadSessionOptions,
  ) {
    this.onPrimary = options.primaryOnly ?? false;
  }

  private current: OpenTransaction | null = null;

  /** Where the transaction runs (or would, if it has not started yet). */
  get target(): string {
    return this.current?.target.name ?? (this.onPrimary ? 'primary' : 'pending');
  }

  async all<Row = Record<string, unknown>>(sql: string, params: readonly unknown[] = []): Promise<Row[]> {
    if (this.ended) throw new Error('read session already ended');
    const query = preparedQuery(sql, params);
    let transaction = await this.open();
    if (transaction.failed) {
      await this.close(transaction);
      transaction = await this.open();
    }
    try {
      return await this.run<Row>(transaction, query);
    } catch (error) {
      if (transaction.target.replica && this.targets.isRetryableOnPrimary(error)) {
        // Only reads ran, so running this one again on the primary is safe; it runs at most twice.
        this.targets.replicaFailed(transaction.target.name, error);
        await this.close(transaction, error);
        this.onPrimary = true;
      } else if (!transaction.target.replica && !this.onPrimary && isConnectionError(error)) {
        // The primary stopped answering; a reachable replica, however far behind, answers instead.
        const replica = this.replicaAfterPrimaryFailed(error);
        if (!replica) throw error;
        await this.close(transaction, error);
        transaction = await this.open(replica);
        return this.run<Row>(transaction, query);
      } else if ((error as { code?: unknown }).code === IN_FAILED_TRANSACTION) {
        // An earlier statement of this request failed; this one deserves its own chance.
        await this.close(transaction);
      } else {
        transaction.failed = true;
        throw error;
      }
      transaction = await this.open();
      return this.run<Row>(transaction, query);
    }
  }

  async end(): Promise<void> {
    this.ended = true;
    const pending = this.transaction;
    if (!pending) return;
    const transaction = await pending.catch(() => null);
    if (transaction) await this.close(transaction);
  }

  private run<Row>(transaction: OpenTransaction, query: QueryConfig): Promise<Row[]> {
    const next = transaction.tail.then(
      () => this.send<Row>(transaction, query),
      () => this.send<Row>(transaction, query),
    );
    transaction.tail = next.catch(() => undefined);
    return next;
  }

  private async send<Row>(transaction: OpenTransaction, query: QueryConfig): Promise<Row[]> {
    const started = Date.now();
    try {
      await makeRoomForStatement(transaction.client, query);
      const result = await transaction.client.query(query);
      this.log(transaction.target, query.text, Date.now() - started);
      return result.rows as Row[];
    } catch (error) {
      this.log(transaction.target, query.text, Date.now() - started, undefined, 'error');
      throw error;
    }
  }

  /** After the primary failed: the replica the policy now picks, or null when only the primary is left. */
  private replicaAfterPrimaryFailed(error: unknown): ReadTarget | null {
    this.targets.primaryFailed(error);
    const next = this.targets.pickReader(this.options.viewerKey, this.options.readAfterLsn ?? null);
    return next.replica ? next : null;
  }

  private open(target?: ReadTarget): Promise<OpenTransaction> {
    // A statement still in flight when the response was sent (its sibling failed, e.g. at the
    // statement timeout, and the resolver gave up) must not open a transaction nobody would end: its
    // connection would never return to the pool.
    if (this.ended && !this.transaction) return Promise.reject(new Error('read session already ended'));
    if (!this.transaction) {
      const opening: Promise<OpenTransaction> = this.begin(target).then(
        (transaction) => {
          transaction.opening = opening;
          return transaction;
        },
        (error: unknown) => {
          if (this.transaction === opening) this.transaction = null;
          throw error;
        },
      );
      this.transaction = opening;
    }
    return this.transaction;
  }

  private async begin(picked?: ReadTarget): Promise<OpenTransaction> {
    const target =
      picked ??
      (this.onPrimary
        ? this.targets.primaryTarget()
        : this.targets.pickReader(this.options.viewerKey, this.options.readAfterLsn ?? null));
    try {
      return await this.beginOn(target);
    } catch (error) {
      if (!target.replica && !this.onPrimary && isConnectionError(error)) {
        const replica = this.replicaAfterPrimaryFailed(error);
        if (replica) return this.beginOn(replica);
      }
      if (!target.replica || !this.targets.isRetryableOnPrimary(error)) throw error;
      this.targets.replicaFailed(target.name, error);
      this.onPrimary = true;
      return this.beginOn(this.targets.primaryTarget());
    }
  }

  private async beginOn(target: ReadTarget): Promise<OpenTransaction> {
    const pool = await poolOf(target.connection);
    const client = await pool.connect();
    // One simple-protocol message: the transaction, its tenant and its statement timeout arrive
    // together. The values are the verified token's integer client id and a configured integer (both
    // checked), so inlining them cannot inject anything.
    const timeout =
      this.options.statementTimeoutMs === undefined
        ? ''
        : `, set_config('statement_timeout', '${statementTimeoutSetting(this.options.statementTimeoutMs)}', true)`;
    const sql =
      `begin read only; ` +
      `select set_config('${TENANT_SETTING}', '${tenantValue(this.options.clientId)}', true)${timeout}`;
    const started = Date.now();
    try {
      await client.query(sql);
    } catch (error) {
      client.release(error as Error);
      throw error;
    }
    this.log(target, sql, Date.now() - started, TRANSACTION_CONTROL_LABEL);
    const transaction: OpenTransaction = {
      target,
      client,
      failed: false,
      closed: false,
      tail: Promise.resolve(),
    };
    this.current = transaction;
    return transaction;
  }

  /** Ends the transaction and hands the connection back; a connection in doubt is destroyed instead. */
  private async close(transaction: OpenTransaction, brokenBy?: unknown): Promise<void> {
    if (transaction.closed) return;
    transaction.closed = true;
    if (this.current === transaction) this.current = null;
    if (this.transaction === transaction.opening) this.transaction = null;
    if (brokenBy) {
      transaction.client.release(brokenBy as Error);
      return;
    }
    const sql = transaction.failed ? 'rollback' : 'commit';
    await transaction.tail;
    const started = Date.now();
    try {
      await transaction.client.query(sql);
      this.log(transaction.target, sql, Date.now() - started, TRANSACTION_CONTROL_LABEL);
      transaction.client.release();
    } catch (error) {
      transaction.client.release(error as Error);
    }
  }

  /** Through MikroORM's connection logger: `LOG_SQL`, the slow-query log and the tests' SQL capture see it. */
  private log(target: ReadTarget, query: string, took: number, label?: string, level?: 'error'): void {
    const connection = target.connection as unknown as {
      logQuery(query: string, context: Record<string, unknown>): void;
    };
    connection.logQuery(query, { took, ...(label ? { label } : {}), ...(level ? { level } : {}) });
  }
}
