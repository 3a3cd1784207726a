import type { MikroORM } from '@mikro-orm/core';
import type { AbstractSqlConnection } from '@mikro-orm/sql';

import { OrmReadWiring } from './orm-read-wiring.js';
import { ML_SESSION_SETTINGS, executorOn, withReadOnlySession } from './read-only-session.js';
import type { ReadOnlySessionTargets, SessionSettings, SessionViewer } from './read-only-session.js';
import type { ReadPathMetrics } from './read-path-metrics.js';
import { DEFAULT_READ_ROUTING, ReadRoutingPolicy } from './read-routing-policy.js';
import type { ReadRoutingOptions, ReadRoutingStats } from './read-routing-policy.js';
import type { ReadTarget, ReadTargetSource } from './read-session.js';
import { ReplicaHealth } from './replica-health.js';
import type { ReplicaState } from './replica-health.js';
import type { SqlExecutor } from './sql-executor.js';
import { statementTimeoutSetting } from './statement-timeout.js';

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
  /** Runs fn with every ORM read on the primary (migration bookkeeping, anything that must not be stale). */
  runOnPrimary<T>(fn: () => T): T;
  /** Counters for /metrics. */
  stats(): ReadRoutingStats;
  /** Where each routing decision is reported from now on (the server's metrics). */
  reportTo(metrics: ReadPathMetrics): void;
  close(): void;
}

/**
 * Puts the three pieces of read routing together on an initialised ORM: replica health
 * (replica-health.ts), the routing policy (read-routing-policy.ts) and the ORM's read connections
 * (orm-read-wiring.ts). Probes the replicas once before returning.
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
  private readonly health: ReplicaHealth;
  private readonly policy: ReadRoutingPolicy;
  private readonly wiring: OrmReadWiring;
  private readonly sessionTargets: ReadOnlySessionTargets;
  private readonly mlStatementTimeoutMs: number;

  constructor(orm: MikroORM, options: ReadRoutingOptions) {
    const driver = orm.em.getDriver();
    this.primary = driver.getConnection('write') as unknown as AbstractSqlConnection;
    const connections = (driver as unknown as { replicas: AbstractSqlConnection[] }).replicas ?? [];
    const configured = (orm.config.get('replicas') ?? []) as { name?: string }[];
    this.health = new ReplicaHealth(
      this.primary,
      connections.map((connection, index) => ({
        name: configured[index]?.name ?? `replica-${index + 1}`,
        connection,
      })),
      options,
      () => this.policy.forgetSettledWrites(),
    );
    this.policy = new ReadRoutingPolicy(this.primary, this.health, options);
    this.wiring = new OrmReadWiring(orm, this.primary, this.health, this.policy);
    this.sessionTargets = { policy: this.policy, primary: this.primary, kind: options.kind };
    this.mlStatementTimeoutMs = options.mlStatementTimeoutMs;
  }

  start(): void {
    this.health.start();
  }

  reader(viewerKey?: string | null, readAfterLsn: bigint | null = null): SqlExecutor {
    const key = () => viewerKey ?? null;
    const peek = () => this.policy.decide(key(), readAfterLsn);
    const route = () => this.policy.route(key(), readAfterLsn);
    const primary = this.primary;
    return {
      get target() {
        return peek().slot?.name ?? 'primary';
      },
      // The replica connection's execute retries on the primary by itself (see OrmReadWiring).
      all: async <Row>(sql: string, params: readonly unknown[] = []) =>
        (route().slot?.connection ?? primary).execute(sql, [...params], 'all') as Promise<Row[]>,
    };
  }

  writer(): SqlExecutor {
    return executorOn(this.primary, 'primary');
  }

  noteWrite(viewerKey: string): void {
    this.policy.noteWrite(viewerKey);
  }

  writePosition(): Promise<bigint | null> {
    return this.policy.writePosition();
  }

  withMlSession<T>(fn: (executor: SqlExecutor) => Promise<T>, viewer?: SessionViewer): Promise<T> {
    const settings = {
      ...ML_SESSION_SETTINGS,
      statement_timeout: statementTimeoutSetting(this.mlStatementTimeoutMs),
    };
    return this.withReadOnlySession(settings, fn, viewer);
  }

  withReadOnlySession<T>(
    settings: SessionSettings,
    fn: (executor: SqlExecutor) => Promise<T>,
    viewer?: SessionViewer,
  ): Promise<T> {
    return withReadOnlySession(
      this.sessionTargets,
      settings,
      fn,
      viewer?.viewerKey ?? null,
      viewer?.clientId ?? null,
      viewer?.readAfterLsn ?? null,
    );
  }

  pickReader(viewerKey: string | null, readAfterLsn: bigint | null = null): ReadTarget {
    return this.policy.pickReader(viewerKey, readAfterLsn);
  }

  primaryTarget(): ReadTarget {
    return this.policy.primaryTarget();
  }

  replicaFailed(name: string, error: unknown): void {
    this.policy.replicaFailed(name, error);
  }

  primaryFailed(error: unknown): void {
    this.policy.primaryFailed(error);
  }

  isRetryableOnPrimary(error: unknown): boolean {
    return this.policy.isRetryableOnPrimary(error);
  }

  replicas(): ReplicaState[] {
    return this.health.replicas();
  }

  refresh(): Promise<ReplicaState[]> {
    return this.health.refresh();
  }

  runOnPrimary<T>(fn: () => T): T {
    return this.wiring.runOnPrimary(fn);
  }

  stats(): ReadRoutingStats {
    return this.policy.stats();
  }

  reportTo(metrics: ReadPathMetrics): void {
    this.policy.reportTo(metrics);
  }

  close(): void {
    this.health.close();
  }
}
