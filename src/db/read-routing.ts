import { AsyncLocalStorage } from 'node:async_hooks';

import type { LogContext, MikroORM } from '@mikro-orm/core';
import type { AbstractSqlConnection } from '@mikro-orm/sql';

import type { ReadPathMetrics } from './read-path-metrics.js';
import { NO_READ_PATH_METRICS } from './read-path-metrics.js';
import { TENANT_SETTING } from './read-session.js';
import { freshEnough, replayedAsOf } from './replica-freshness.js';
import type { ReadTarget, ReadTargetSource } from './read-session.js';
import type { SqlExecutor } from './sql-executor.js';
import { statementTimeoutSetting } from './statement-timeout.js';

/** What the router last learned about one streaming replica. */
export interface ReplicaState {
  name: string;
  reachable: boolean;
  /** Bytes of WAL the primary has and the replica has not replayed yet; null when unknown. */
  lagBytes: number | null;
  /** How long ago the primary first had WAL the replica still has not replayed; null when unknown. */
  lagSeconds: number | null;
  /** Reads may go there: reachable, in recovery, and within both lag thresholds. */
  healthy: boolean;
  checkedAt: Date | null;
  /** Why it is not healthy (no host names or credentials). */
  error?: string;
}

/** Who a session reads for: the read-your-writes key and the tenant of the transaction. */
export interface SessionViewer {
  viewerKey: string | null;
  clientId: number | null;
  /** A WAL position the caller has seen written (`x-pulse-lsn`): a replica must have replayed it. */
  readAfterLsn?: bigint | null;
}

export interface ReadRouter extends ReadTargetSource {
  /** Executor for one request's reads: a healthy, caught-up replica; the primary when none is, or when this viewer wrote recently (read-your-writes). */
  reader(viewerKey?: string | null, readAfterLsn?: bigint | null): SqlExecutor;
  /** The primary. */
  writer(): SqlExecutor;
  /** Called after a committed write by a viewer, so the viewer's following reads see it. */
  noteWrite(viewerKey: string): void;
  /** The primary's WAL position now, as a replica must have replayed it to hold what committed so far. */
  writePosition(): Promise<bigint | null>;
  /** Seed 002's ML/analytics session: fn runs inside one READ ONLY transaction on the reader with SET LOCAL statement_timeout, work_mem and random_page_cost. */
  withMlSession<T>(fn: (executor: SqlExecutor) => Promise<T>, viewer?: SessionViewer): Promise<T>;
  /**
   * Like withMlSession, with other transaction-local settings (health checks use a short
   * statement_timeout). The viewer's client is the transaction's `pulse.client_id`; without a viewer
   * the session sees no tenant rows (global tables only) under row level security.
   */
  withReadOnlySession<T>(
    settings: SessionSettings,
    fn: (executor: SqlExecutor) => Promise<T>,
    viewer?: SessionViewer,
  ): Promise<T>;
  replicas(): ReplicaState[];
  /** Re-check replicas now (health endpoints call it). */
  refresh(): Promise<ReplicaState[]>;
  /**
   * Runs fn in a request scope: ORM reads made inside it (em.find, loaders) see the viewer bound with
   * bindViewer, and a transaction committed inside it counts as that viewer's write. The HTTP server
   * opens one scope per request.
   */
  runInScope<T>(fn: () => T): T;
  /** Names the viewer of the current request scope (no-op outside one). */
  bindViewer(viewerKey: string | null): void;
  /** Runs fn with every ORM read on the primary (migration bookkeeping, anything that must not be stale). */
  runOnPrimary<T>(fn: () => T): T;
  /** Counters for /metrics. */
  stats(): ReadRoutingStats;
  /** Where each routing decision is reported from now on (the server's metrics). */
  reportTo(metrics: ReadPathMetrics): void;
  close(): void;
}

/**
 * Thresholds of the router. A replica further behind than either lag limit gets no reads.
 *
 * Defaults: 5 s of staleness is what a user notices as "my change is not there"; 64 MiB of unreplayed
 * WAL is a replica that is clearly not keeping up (a local replica replays that in well under a second,
 * while a single CREATE DATABASE already writes ~8 MiB, so a smaller limit flaps under bursts).
 */
export interface ReadRoutingOptions {
  maxLagSeconds: number;
  maxLagBytes: number;
  /** Background probe period. */
  checkIntervalMs: number;
  /**
   * Upper bound of read-your-writes: after noteWrite the viewer reads from the primary until a replica
   * has replayed past the primary's WAL position at the time of the write, but never longer than this.
   * A replica that has not replayed a write this old is past maxLagSeconds anyway, so it gets no reads.
   */
  readYourWritesMs: number;
  /** One probe query may take this long before the replica counts as unreachable. */
  probeTimeoutMs: number;
  /** PGlite's transaction ignores Kysely's access mode, so the ML session says READ ONLY in SQL there. */
  kind: 'postgresql' | 'embedded';
  /** The ML session's statement timeout (`ML_STATEMENT_TIMEOUT_MS`; seed 002's 300 s by default). */
  mlStatementTimeoutMs: number;
}

export const DEFAULT_READ_ROUTING: ReadRoutingOptions = {
  maxLagSeconds: 5,
  maxLagBytes: 64 * 1024 * 1024,
  checkIntervalMs: 2_000,
  readYourWritesMs: 15_000,
  probeTimeoutMs: 1_500,
  kind: 'postgresql',
  mlStatementTimeoutMs: 300_000,
};

/** Transaction-local settings (`set_config(name, value, true)`, i.e. SET LOCAL). */
export type SessionSettings = Readonly<Record<string, string>>;

/** Seed 002's ML session: long analytical statements, big sorts and hashes, SSD-friendly plans. */
export const ML_SESSION_SETTINGS: SessionSettings = {
  statement_timeout: '300s',
  work_mem: '256MB',
  random_page_cost: '1.1',
};

/** Why a read went to the primary although replicas are configured. */
export type FallbackReason = 'replica_unhealthy' | 'read_your_writes' | 'replica_error';
export const FALLBACK_REASONS: readonly FallbackReason[] = [
  'replica_unhealthy',
  'read_your_writes',
  'replica_error',
];

export interface ReadRoutingStats {
  /** Read statements (and ORM read-connection picks) by where they went. */
  reads: { primary: number; replica: number };
  fallbacks: Record<FallbackReason, number>;
}

/** The key the router remembers writes under: one per user of one client. */
export function viewerKeyOf(viewer: { clientId: number; userId: number }): string {
  return `${viewer.clientId}:${viewer.userId}`;
}

/**
 * Router statements (probes, WAL positions) are bookkeeping, not the application's SQL: MikroORM's
 * per-query `enabled: false` keeps them out of the SQL log and out of tests that count statements.
 */
const BOOKKEEPING: LogContext = { enabled: false, label: 'read-router' };

/** How long the primary WAL samples are kept: enough to measure any lag worth reporting. */
const SAMPLE_WINDOW_MS = 120_000;
/** How long a probe keeps asking a replica that is just behind the primary's sampled position. */
const RECHECK_WINDOW_MS = 200;
/** Bound on remembered writers; the oldest are forgotten first (they would expire soon anyway). */
const MAX_REMEMBERED_WRITERS = 100_000;

type ExecuteFn = AbstractSqlConnection['execute'];

interface ReplicaSlot {
  name: string;
  connection: AbstractSqlConnection;
  /** The connection's own execute, before the router wrapped it with the primary retry. */
  rawExecute: ExecuteFn;
  state: ReplicaState;
  replayLsn: bigint | null;
  /** A probe query still waiting for an answer; no second one is sent to a replica that hangs. */
  pendingProbe: Promise<unknown> | null;
  /** Until when it is known to hold every commit (see replayedAsOf): the staleness bound of its reads. */
  replayedAsOf: number | null;
}

interface RememberedWrite {
  at: number;
  /** The primary's WAL position right after the write; null until known (reads stay on the primary). */
  lsn: bigint | null;
}

interface Route {
  slot: ReplicaSlot | null;
  reason: FallbackReason | null;
}

/**
 * Wires read routing into an initialised ORM and probes the replicas once before returning.
 *
 * MikroORM's `getConnection('read')` picks a random replica, up or not. This router replaces that pick
 * (so em.find, loaders and query builders follow it too) with a healthy replica, or the primary when
 * there is none; and wraps each replica connection so a statement that fails there with a connection
 * error marks the replica down and runs once more on the primary. Everything still goes through
 * MikroORM's connections, so its logger sees every statement with the connection type that served it.
 */
export async function createReadRouter(
  orm: MikroORM,
  options: Partial<ReadRoutingOptions> = {},
): Promise<ReadRouter> {
  const router = new ReplicaAwareRouter(orm, { ...DEFAULT_READ_ROUTING, ...options });
  await router.refresh();
  router.start();
  routers.set(orm, router);
  return router;
}

const routers = new WeakMap<MikroORM, ReadRouter>();

/** runOnPrimary for code that only holds the ORM (the migration runner); plain fn() without a router. */
export function runOnPrimary<T>(orm: MikroORM, fn: () => T): T {
  const router = routers.get(orm);
  return router ? router.runOnPrimary(fn) : fn();
}

class ReplicaAwareRouter implements ReadRouter {
  private readonly primary: AbstractSqlConnection;
  private readonly slots: ReplicaSlot[];
  private readonly scope = new AsyncLocalStorage<{ viewerKey: string | null; primaryOnly?: boolean }>();
  private readonly writes = new Map<string, RememberedWrite>();
  /** The primary's WAL position over time, oldest first, to turn a replay position into seconds. */
  private samples: WalSample[] = [];
  private readonly counters: ReadRoutingStats = {
    reads: { primary: 0, replica: 0 },
    fallbacks: { replica_unhealthy: 0, read_your_writes: 0, replica_error: 0 },
  };
  private refreshing: Promise<ReplicaState[]> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private roundRobin = 0;
  private closed = false;
  /** Whether the last probe could read the primary's position; while it cannot, lag cannot be judged. */
  private primaryAnswered = false;
  private metrics: ReadPathMetrics = NO_READ_PATH_METRICS;

  constructor(
    orm: MikroORM,
    private readonly options: ReadRoutingOptions,
  ) {
    const driver = orm.em.getDriver();
    this.primary = driver.getConnection('write') as unknown as AbstractSqlConnection;
    const connections = (driver as unknown as { replicas: AbstractSqlConnection[] }).replicas ?? [];
    const configured = (orm.config.get('replicas') ?? []) as { name?: string }[];
    this.slots = connections.map((connection, index) => ({
      name: configured[index]?.name ?? `replica-${index + 1}`,
      connection,
      rawExecute: connection.execute.bind(connection) as ExecuteFn,
      state: {
        name: configured[index]?.name ?? `replica-${index + 1}`,
        reachable: false,
        lagBytes: null,
        lagSeconds: null,
        healthy: false,
        checkedAt: null,
        error: 'not checked yet',
      },
      replayLsn: null,
      pendingProbe: null,
      replayedAsOf: null,
    }));
    if (this.slots.length === 0) return;

    for (const slot of this.slots) this.retryOnPrimary(slot);
    // The ORM's reads follow the router; 'write' (and everything in a transaction) stays on the primary.
    driver.getConnection = ((type: 'read' | 'write' = 'write') => {
      const store = this.scope.getStore();
      if (type === 'write' || store?.primaryOnly) return this.primary;
      return this.route(store?.viewerKey ?? null).slot?.connection ?? this.primary;
    }) as typeof driver.getConnection;
    // A transaction committed inside a request scope is that viewer's write (flushes commit one too).
    orm.em.getEventManager().registerSubscriber({
      afterTransactionCommit: () => {
        const viewerKey = this.scope.getStore()?.viewerKey;
        if (viewerKey) this.noteWrite(viewerKey);
      },
    });
  }

  start(): void {
    if (this.slots.length === 0 || this.timer) return;
    this.timer = setInterval(() => void this.refresh().catch(() => undefined), this.options.checkIntervalMs);
    this.timer.unref();
  }

  reader(viewerKey?: string | null, readAfterLsn: bigint | null = null): SqlExecutor {
    const key = () => viewerKey ?? this.scope.getStore()?.viewerKey ?? null;
    const peek = () => this.decide(key(), readAfterLsn);
    const route = () => this.route(key(), readAfterLsn);
    const primary = this.primary;
    return {
      get target() {
        return peek().slot?.name ?? 'primary';
      },
      // The replica connection's execute retries on the primary by itself (see retryOnPrimary).
      all: async <Row>(sql: string, params: readonly unknown[] = []) =>
        (route().slot?.connection ?? primary).execute(sql, [...params], 'all') as Promise<Row[]>,
    };
  }

  writer(): SqlExecutor {
    return executorOn(this.primary, 'primary');
  }

  noteWrite(viewerKey: string): void {
    if (this.slots.length === 0 || this.closed) return;
    const write: RememberedWrite = { at: Date.now(), lsn: null };
    this.writes.delete(viewerKey);
    this.writes.set(viewerKey, write);
    if (this.writes.size > MAX_REMEMBERED_WRITERS) {
      this.writes.delete(this.writes.keys().next().value!);
    }
    void this.writePosition()
      .then((lsn) => {
        if (lsn !== null && this.writes.get(viewerKey) === write) write.lsn = lsn;
      })
      .catch(() => undefined);
  }

  withMlSession<T>(fn: (executor: SqlExecutor) => Promise<T>, viewer?: SessionViewer): Promise<T> {
    const settings = {
      ...ML_SESSION_SETTINGS,
      statement_timeout: statementTimeoutSetting(this.options.mlStatementTimeoutMs),
    };
    return this.withReadOnlySession(settings, fn, viewer);
  }

  async withReadOnlySession<T>(
    sessionSettings: SessionSettings,
    fn: (executor: SqlExecutor) => Promise<T>,
    viewer?: SessionViewer,
  ): Promise<T> {
    const clientId = viewer?.clientId ?? null;
    if (clientId !== null && !Number.isSafeInteger(clientId)) throw new Error('client id must be an integer');
    const settings = { ...sessionSettings, [TENANT_SETTING]: clientId === null ? '' : String(clientId) };
    const route = this.route(
      viewer?.viewerKey ?? this.scope.getStore()?.viewerKey ?? null,
      viewer?.readAfterLsn ?? null,
    );
    if (!route.slot) return this.session(this.primary, 'primary', settings, fn);
    try {
      return await this.session(route.slot.connection, route.slot.name, settings, fn);
    } catch (error) {
      if (!retryableOnPrimary(error)) throw error;
      // fn only read, so running it again on the primary is safe; it runs at most twice.
      if (isConnectionError(error)) this.markUnreachable(route.slot, error);
      this.counters.fallbacks.replica_error++;
      this.metrics.recordRoutingDecision('primary', 'replica_error');
      return this.session(this.primary, 'primary', settings, fn);
    }
  }

  pickReader(viewerKey: string | null, readAfterLsn: bigint | null = null): ReadTarget {
    const { slot } = this.route(viewerKey, readAfterLsn);
    return slot ? { name: slot.name, connection: slot.connection, replica: true } : this.primaryTarget();
  }

  primaryTarget(): ReadTarget {
    return { name: 'primary', connection: this.primary, replica: false };
  }

  replicaFailed(name: string, error: unknown): void {
    const slot = this.slots.find((candidate) => candidate.name === name);
    if (!slot) return;
    if (isConnectionError(error)) this.markUnreachable(slot, error);
    this.counters.fallbacks.replica_error++;
  }

  isRetryableOnPrimary(error: unknown): boolean {
    return retryableOnPrimary(error);
  }

  replicas(): ReplicaState[] {
    return this.slots.map((slot) => ({ ...slot.state }));
  }

  refresh(): Promise<ReplicaState[]> {
    // After close a probe would reconnect the pools the ORM just closed.
    if (this.slots.length === 0 || this.closed) return Promise.resolve(this.replicas());
    this.refreshing ??= this.probe().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  runInScope<T>(fn: () => T): T {
    return this.scope.run({ viewerKey: null }, fn);
  }

  runOnPrimary<T>(fn: () => T): T {
    return this.scope.run({ viewerKey: null, primaryOnly: true }, fn);
  }

  bindViewer(viewerKey: string | null): void {
    const store = this.scope.getStore();
    if (store) store.viewerKey = viewerKey;
  }

  stats(): ReadRoutingStats {
    return { reads: { ...this.counters.reads }, fallbacks: { ...this.counters.fallbacks } };
  }

  reportTo(metrics: ReadPathMetrics): void {
    this.metrics = metrics;
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Where a read of this viewer would go now, without counting it. */
  private decide(viewerKey: string | null, readAfterLsn: bigint | null = null): Route {
    if (this.slots.length === 0) return { slot: null, reason: null };
    const now = Date.now();
    // The staleness bound is judged now, not at the last probe: a replica that was 3 s behind two
    // seconds ago may be 5 s behind by now. While the primary cannot be asked, a reachable replica is
    // the only place a read can go, so it serves whatever it has.
    let candidates = this.slots.filter(
      (slot) =>
        slot.state.healthy &&
        (!this.primaryAnswered || freshEnough(slot.replayedAsOf, now, this.options.maxLagSeconds)),
    );
    if (candidates.length === 0) return { slot: null, reason: 'replica_unhealthy' };
    if (readAfterLsn !== null) {
      // The caller's causal token: a write it saw (possibly through another gateway instance).
      candidates = candidates.filter((slot) => slot.replayLsn !== null && slot.replayLsn >= readAfterLsn);
      if (candidates.length === 0) return { slot: null, reason: 'read_your_writes' };
    }
    const write = viewerKey ? this.writes.get(viewerKey) : undefined;
    if (write) {
      if (Date.now() - write.at > this.options.readYourWritesMs) {
        this.writes.delete(viewerKey!);
      } else {
        const lsn = write.lsn;
        if (lsn === null) return { slot: null, reason: 'read_your_writes' };
        candidates = candidates.filter((slot) => slot.replayLsn !== null && slot.replayLsn >= lsn);
        if (candidates.length === 0) return { slot: null, reason: 'read_your_writes' };
      }
    }
    return { slot: candidates[this.roundRobin % candidates.length]!, reason: null };
  }

  /** Picks and counts. */
  private route(viewerKey: string | null, readAfterLsn: bigint | null = null): Route {
    const route = this.decide(viewerKey, readAfterLsn);
    if (route.slot) {
      this.roundRobin = (this.roundRobin + 1) % 1_000_000;
      this.counters.reads.replica++;
      this.metrics.recordRoutingDecision('replica', null);
    } else {
      this.counters.reads.primary++;
      if (route.reason) this.counters.fallbacks[route.reason]++;
      this.metrics.recordRoutingDecision('primary', route.reason);
    }
    return route;
  }

  /**
   * A statement outside a transaction that fails on the replica because the replica is gone (or
   * cancelled it for a recovery conflict) runs once more on the primary, so the request does not fail.
   * Inside a transaction there is nothing to retry: the transaction is lost with its connection.
   */
  private retryOnPrimary(slot: ReplicaSlot): void {
    const execute = (async (query, params, method, ctx, loggerContext) => {
      try {
        return await slot.rawExecute(query, params, method, ctx, loggerContext);
      } catch (error) {
        if (ctx || !retryableOnPrimary(error)) throw error;
        if (isConnectionError(error)) this.markUnreachable(slot, error);
        this.counters.fallbacks.replica_error++;
        this.metrics.recordRoutingDecision('primary', 'replica_error');
        return this.primary.execute(query, params, method, undefined, loggerContext);
      }
    }) as ExecuteFn;
    slot.connection.execute = execute;
  }

  private markUnreachable(slot: ReplicaSlot, error: unknown): void {
    slot.state = {
      ...slot.state,
      reachable: false,
      healthy: false,
      lagBytes: null,
      lagSeconds: null,
      checkedAt: new Date(),
      error: describeDatabaseError(error),
    };
    slot.replayLsn = null;
  }

  private async session<T>(
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
      if (this.options.kind === 'embedded') {
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

  /**
   * Read right after a commit: a position at or past its commit record (see readYourWritesTarget). The
   * probes sample it too: every commit acknowledged before the sample lies at or below it, even with
   * synchronous_commit = off, and an idle, caught-up replica is exactly at it.
   */
  async writePosition(): Promise<bigint | null> {
    const rows = (await withTimeout(
      this.primary.execute(
        `select pg_current_wal_insert_lsn()::text as inserted, pg_current_wal_flush_lsn()::text as flushed,
                current_setting('wal_block_size')::int as block_size`,
        [],
        'all',
        undefined,
        BOOKKEEPING,
      ),
      this.options.probeTimeoutMs,
    )) as { inserted: string; flushed: string; block_size: number }[];
    const inserted = parseLsn(rows[0]?.inserted);
    if (inserted === null) return null;
    return readYourWritesTarget(inserted, parseLsn(rows[0]?.flushed), rows[0]?.block_size ?? 8192);
  }

  private async probe(): Promise<ReplicaState[]> {
    const startedAt = Date.now();
    // The primary first, then the replicas: a replica at or past this position has every commit the
    // primary had acknowledged when the probe began.
    const primaryLsn = await this.writePosition().catch(() => null);
    this.primaryAnswered = primaryLsn !== null;
    if (primaryLsn !== null) {
      this.samples.push({ lsn: primaryLsn, at: startedAt });
      this.samples = this.samples.filter((sample) => startedAt - sample.at <= SAMPLE_WINDOW_MS);
    }
    await Promise.all(this.slots.map((slot) => this.probeReplica(slot, primaryLsn)));
    this.forgetSettledWrites();
    return this.replicas();
  }

  private async probeReplica(slot: ReplicaSlot, primaryLsn: bigint | null): Promise<void> {
    if (slot.pendingProbe) {
      // The previous probe has not come back: the replica hangs. Keep it out without piling up queries.
      slot.state = {
        ...slot.state,
        reachable: false,
        healthy: false,
        checkedAt: new Date(),
        error: 'previous probe still unanswered',
      };
      return;
    }
    const ask = async () => {
      const query = slot.rawExecute(
        'select pg_is_in_recovery() as in_recovery, pg_last_wal_replay_lsn()::text as replay_lsn',
        [],
        'all',
        undefined,
        BOOKKEEPING,
      ) as Promise<{ in_recovery: boolean; replay_lsn: string | null }[]>;
      slot.pendingProbe = query
        .then(
          () => undefined,
          () => undefined,
        )
        .finally(() => {
          slot.pendingProbe = null;
        });
      return (await withTimeout(query, this.options.probeTimeoutMs))[0];
    };
    let row: { in_recovery: boolean; replay_lsn: string | null } | undefined;
    try {
      row = await ask();
      // Behind the position sampled a moment ago: usually a write that has not streamed yet. Asked
      // again within a moment, a replica that keeps up is past it, and its staleness is then known to
      // the millisecond instead of only to the sample before (see replayedAsOf). One that is really
      // behind costs this probe RECHECK_WINDOW_MS.
      const asked = Date.now();
      const behind = () => {
        const lsn = parseLsn(row?.replay_lsn);
        return primaryLsn !== null && lsn !== null && lsn < primaryLsn;
      };
      while (behind() && Date.now() - asked < RECHECK_WINDOW_MS) {
        await new Promise((resolve) => setTimeout(resolve, 10));
        row = (await ask()) ?? row;
      }
    } catch (error) {
      this.markUnreachable(slot, error);
      return;
    }
    const replayLsn = parseLsn(row?.replay_lsn);
    slot.replayLsn = replayLsn;
    slot.replayedAsOf = replayLsn === null ? null : replayedAsOf(this.samples, replayLsn);
    slot.state = assessReplica(
      slot.name,
      { inRecovery: Boolean(row?.in_recovery), replayLsn },
      primaryLsn,
      this.samples,
      new Date(),
      this.options,
    );
  }

  /** Drops read-your-writes entries that expired or that every healthy replica has replayed. */
  private forgetSettledWrites(): void {
    const now = Date.now();
    const healthy = this.slots.filter((slot) => slot.state.healthy);
    for (const [viewerKey, write] of this.writes) {
      const expired = now - write.at > this.options.readYourWritesMs;
      const replayedEverywhere =
        write.lsn !== null &&
        healthy.length === this.slots.length &&
        healthy.every((slot) => slot.replayLsn !== null && slot.replayLsn >= write.lsn!);
      if (expired || replayedEverywhere) this.writes.delete(viewerKey);
    }
  }
}

/** Page headers of WAL pages: 24 bytes, 40 on the first page of a segment. */
const MAX_WAL_PAGE_HEADER = 40n;

/**
 * The WAL position a replica must have replayed to hold a write, from positions read after its commit.
 * The insert position is at or past the commit record even with synchronous_commit = off, where the
 * write and flush positions may still be behind it. But when the last record ends exactly on a page
 * boundary, the insert position already points past the next page's header, which no replica replays
 * until something else is written: then nothing but that header lies between the flush and insert
 * positions, every record so far ends at the flushed boundary, and the boundary is the target.
 */
export function readYourWritesTarget(inserted: bigint, flushed: bigint | null, walBlockSize: number): bigint {
  if (
    flushed !== null &&
    flushed < inserted &&
    inserted - flushed <= MAX_WAL_PAGE_HEADER &&
    flushed % BigInt(walBlockSize) === 0n
  ) {
    return flushed;
  }
  return inserted;
}

/** The primary's WAL position at one moment. */
export interface WalSample {
  lsn: bigint;
  at: number;
}

/**
 * What one probe answer means. Lag in bytes is the primary's position (read just before the replica
 * was asked) minus the replica's replay position. Lag in seconds is how long ago the newest sample the
 * replica has replayed was taken (so it may read one probe interval high, never low), not
 * `now() - pg_last_xact_replay_timestamp()`, which keeps growing while the primary is idle although a
 * caught-up replica has nothing to replay. With the primary unknown (down) neither can be measured; a
 * reachable standby is still the best place for reads then, so it stays healthy with unknown lag.
 */
export function assessReplica(
  name: string,
  observation: { inRecovery: boolean; replayLsn: bigint | null },
  primaryLsn: bigint | null,
  samples: readonly WalSample[],
  now: Date,
  limits: Pick<ReadRoutingOptions, 'maxLagBytes' | 'maxLagSeconds'>,
): ReplicaState {
  const base = { name, reachable: true, lagBytes: null, lagSeconds: null, healthy: false, checkedAt: now };
  if (!observation.inRecovery) return { ...base, error: 'not a standby: pg_is_in_recovery() is false' };
  const replayLsn = observation.replayLsn;
  if (replayLsn === null) return { ...base, error: 'has not replayed any WAL yet' };
  if (primaryLsn === null) return { ...base, healthy: true };
  const lagBytes = Number(primaryLsn > replayLsn ? primaryLsn - replayLsn : 0n);
  // Rounded up to the sample before the replay position (see replayedAsOf); behind every sample kept,
  // it is at least as old as the oldest.
  const asOf = lagBytes === 0 ? now.getTime() : (replayedAsOf(samples, replayLsn) ?? samples[0]?.at ?? null);
  const lagSeconds = asOf === null ? 0 : Math.max(0, (now.getTime() - asOf) / 1000);
  const problems: string[] = [];
  if (lagBytes > limits.maxLagBytes) problems.push(`${lagBytes} bytes behind (limit ${limits.maxLagBytes})`);
  if (lagSeconds > limits.maxLagSeconds)
    problems.push(`${lagSeconds.toFixed(1)} s behind (limit ${limits.maxLagSeconds} s)`);
  return {
    ...base,
    lagBytes,
    lagSeconds,
    healthy: problems.length === 0,
    ...(problems.length > 0 ? { error: problems.join('; ') } : {}),
  };
}

function executorOn(connection: AbstractSqlConnection, target: string, trx?: unknown): SqlExecutor {
  return {
    target,
    all: <Row>(sql: string, params: readonly unknown[] = []) =>
      connection.execute(sql, [...params], 'all', trx as never) as Promise<Row[]>,
  };
}

/** `16/B374D848` → a comparable number of bytes. */
export function parseLsn(text: string | null | undefined): bigint | null {
  const match = text ? /^([0-9A-F]+)\/([0-9A-F]+)$/i.exec(text) : null;
  if (!match) return null;
  return (BigInt(`0x${match[1]}`) << 32n) + BigInt(`0x${match[2]}`);
}

/** Rejects with a TimeoutError when the promise has not settled in time (the work itself goes on). */
export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(`timed out after ${ms} ms`)), ms);
    timer.unref();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export class TimeoutError extends Error {}

const NETWORK_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);
/**
 * SQLSTATEs of a lost or refused connection: class 08 (but not 08P01 protocol_violation, which is the
 * statement's fault, such as a NUL byte in a string, on a connection that stays usable), the server
 * shutting down or starting up, and too many connections.
 */
const SERVER_GONE_STATES = new Set([
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '08007',
  '57P01',
  '57P02',
  '57P03',
  '53300',
]);
const CONNECTION_MESSAGES =
  /connection terminated|timeout exceeded when trying to connect|connection ended unexpectedly|client has encountered a connection error|cannot use a pool after calling end/i;

/** Errors of the link to the server rather than of the statement: another server may well answer. */
export function isConnectionError(error: unknown): boolean {
  return someCause(error, (candidate) => {
    if (candidate instanceof TimeoutError) return true;
    const { code, message } = candidate as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (NETWORK_ERROR_CODES.has(code) || SERVER_GONE_STATES.has(code)))
      return true;
    return typeof message === 'string' && CONNECTION_MESSAGES.test(message);
  });
}

/** Connection errors, and a standby cancelling a read because it conflicts with replay. */
function retryableOnPrimary(error: unknown): boolean {
  if (isConnectionError(error)) return true;
  return someCause(error, (candidate) => {
    const { code, message } = candidate as { code?: unknown; message?: unknown };
    return code === '40001' && typeof message === 'string' && /conflict with recovery/i.test(message);
  });
}

function someCause(error: unknown, test: (candidate: object) => boolean, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 4) return false;
  if (test(error)) return true;
  const { cause, errors } = error as { cause?: unknown; errors?: unknown };
  if (someCause(cause, test, depth + 1)) return true;
  return Array.isArray(errors) && errors.some((inner) => someCause(inner, test, depth + 1));
}

/**
 * A short reason for health reports and replica states: the error code and PostgreSQL's message, but
 * not the socket address Node puts into network errors (`connect ECONNREFUSED 10.0.0.5:5432`).
 */
export function describeDatabaseError(error: unknown): string {
  if (error instanceof TimeoutError) return error.message;
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && NETWORK_ERROR_CODES.has(code)) return `network error ${code}`;
  if (error instanceof AggregateError) {
    const inner = error.errors.find((candidate) => (candidate as { code?: unknown })?.code);
    if (inner) return describeDatabaseError(inner);
  }
  const text = typeof message === 'string' ? message.slice(0, 200) : String(error).slice(0, 200);
  if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return `SQLSTATE ${code}: ${text}`;
  return text.replace(/\b\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?\b/g, '<address>');
}
