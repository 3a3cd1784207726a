import type { AbstractSqlConnection } from '@mikro-orm/sql';

import { isRetryableOnPrimary } from './connection-errors.js';
import type { ReadRoutingPolicy } from './read-routing-policy.js';
import { TENANT_SETTING } from './read-session.js';
import type { SqlExecutor } from './sql-executor.js';

/** Transaction-local settings (`set_config(name, value, true)`, i.e. SET LOCAL). */
export type SessionSettings = Readonly<Record<string, string>>;

/** Seed 002's ML session: long analytical statements, big sorts and hashes, SSD-friendly plans. */
export const ML_SESSION_SETTINGS: SessionSettings = {
  statement_timeout: '300s',
  work_mem: '256MB',
  random_page_cost: '1.1',
};

/** Who a session reads for: the read-your-writes key and the tenant of the transaction. */
export interface SessionViewer {
  viewerKey: string | null;
  clientId: number | null;
  /** A WAL position the caller has seen written (`x-pulse-lsn`): a replica must have replayed it. */
  readAfterLsn?: bigint | null;
}

/** What a read-only session needs: where to run, and whether the embedded database must be told READ ONLY in SQL. */
export interface ReadOnlySessionTargets {
  policy: ReadRoutingPolicy;
  primary: AbstractSqlConnection;
  kind: 'postgresql' | 'embedded';
}

/**
 * Runs fn inside one READ ONLY transaction on the reader the policy picks for `viewerKey`, with the
 * given transaction-local settings and the viewer's client as `pulse.client_id` (none: the session
 * sees no tenant rows under row level security). A replica that fails with a connection error (or a
 * recovery conflict) is reported and fn runs once more on the primary.
 */
export async function withReadOnlySession<T>(
  targets: ReadOnlySessionTargets,
  sessionSettings: SessionSettings,
  fn: (executor: SqlExecutor) => Promise<T>,
  viewerKey: string | null,
  clientId: number | null,
  readAfterLsn: bigint | null = null,
): Promise<T> {
  if (clientId !== null && !Number.isSafeInteger(clientId)) throw new Error('client id must be an integer');
  const settings = { ...sessionSettings, [TENANT_SETTING]: clientId === null ? '' : String(clientId) };
  const route = targets.policy.route(viewerKey, readAfterLsn);
  if (!route.slot) return session(targets, targets.primary, 'primary', settings, fn);
  try {
    return await session(targets, route.slot.connection, route.slot.name, settings, fn);
  } catch (error) {
    if (!isRetryableOnPrimary(error)) throw error;
    // fn only read, so running it again on the primary is safe; it runs at most twice.
    targets.policy.fellBackToPrimary(route.slot, error);
    return session(targets, targets.primary, 'primary', settings, fn);
  }
}

async function session<T>(
  targets: ReadOnlySessionTargets,
  connection: AbstractSqlConnection,
  target: string,
  settings: SessionSettings,
  fn: (executor: SqlExecutor) => Promise<T>,
): Promise<T> {
  const entries = Object.entries(settings);
  for (const [name, value] of entries) {
    if (!/^[a-z_][a-z0-9_.]*$/.test(name)) throw new Error(`not a setting name: ${name}`);
    if (typeof value !== 'string') throw new Error(`setting ${name} needs a string value`);
  }
  const trx = await connection.begin({ readOnly: true });
  try {
    if (targets.kind === 'embedded') {
      await connection.execute('set transaction read only', [], 'run', trx);
    }
    if (entries.length > 0) {
      // set_config(name, value, true) is SET LOCAL with bind-safe values, all in one round trip.
      await connection.execute(
        `select ${entries.map(() => 'set_config(?, ?, true)').join(', ')}`,
        entries.flat(),
        'all',
        trx,
      );
    }
    const result = await fn(executorOn(connection, target, trx));
    await connection.commit(trx);
    return result;
  } catch (error) {
    await connection.rollback(trx).catch(() => undefined);
    throw error;
  }
}

/** Statements on one connection (inside `trx` when given), reporting `target` as where they ran. */
export function executorOn(connection: AbstractSqlConnection, target: string, trx?: unknown): SqlExecutor {
  return {
    target,
    all: <Row>(sql: string, params: readonly unknown[] = []) =>
      connection.execute(sql, [...params], 'all', trx as never) as Promise<Row[]>,
  };
}
