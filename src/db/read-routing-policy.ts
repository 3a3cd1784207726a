import type { AbstractSqlConnection } from '@mikro-orm/sql';

import { isConnectionError, isRetryableOnPrimary } from './connection-errors.js';
import type { ReadPathMetrics } from './read-path-metrics.js';
import { NO_READ_PATH_METRICS } from './read-path-metrics.js';
import type { ReadTarget, ReadTargetSource } from './read-session.js';
import { freshEnough } from './replica-freshness.js';
import { primaryWritePosition } from './replica-health.js';
import type { ReplicaHealth, ReplicaHealthOptions, ReplicaSlot } from './replica-health.js';

/**
 * Thresholds of the router. A replica further behind than either lag limit gets no reads.
 *
 * Defaults: 5 s of staleness is what a user notices as "my change is not there"; 64 MiB of unreplayed
 * WAL is a replica that is clearly not keeping up (a local replica replays that in well under a second,
 * while a single CREATE DATABASE already writes ~8 MiB, so a smaller limit flaps under bursts).
 */
export interface ReadRoutingOptions extends ReplicaHealthOptions {
  /**
   * Upper bound of read-your-writes: after noteWrite the viewer reads from the primary until a replica
   * has replayed past the primary's WAL position at the time of the write, but never longer than this.
   * A replica that has not replayed a write this old is past maxLagSeconds anyway, so it gets no reads.
   */
  readYourWritesMs: number;
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

/** Bound on remembered writers; the oldest are forgotten first (they would expire soon anyway). */
const MAX_REMEMBERED_WRITERS = 100_000;

interface RememberedWrite {
  at: number;
  /** The primary's WAL position right after the write; null until known (reads stay on the primary). */
  lsn: bigint | null;
}

/** Where one read goes: a replica, or the primary (slot null) for the reason given. */
export interface Route {
  slot: ReplicaSlot | null;
  reason: FallbackReason | null;
}

/**
 * Where each read goes: round robin over the healthy replicas that have replayed the viewer's last
 * write (read-your-writes), the primary otherwise; every decision is counted for /metrics.
 */
export class ReadRoutingPolicy implements ReadTargetSource {
  private readonly writes = new Map<string, RememberedWrite>();
  private readonly counters: ReadRoutingStats = {
    reads: { primary: 0, replica: 0 },
    fallbacks: { replica_unhealthy: 0, read_your_writes: 0, replica_error: 0 },
  };
  private roundRobin = 0;
  private metrics: ReadPathMetrics = NO_READ_PATH_METRICS;

  constructor(
    private readonly primary: AbstractSqlConnection,
    private readonly health: ReplicaHealth,
    private readonly options: Pick<
      ReadRoutingOptions,
      'readYourWritesMs' | 'probeTimeoutMs' | 'maxLagSeconds'
    >,
  ) {}

  /** Where a read of this viewer would go now, without counting it. */
  decide(viewerKey: string | null, readAfterLsn: bigint | null = null): Route {
    const slots = this.health.slots;
    if (slots.length === 0) return { slot: null, reason: null };
    const now = Date.now();
    // The staleness bound is judged now, not at the last probe: a replica that was 3 s behind two
    // seconds ago may be 5 s behind by now. While the primary cannot be asked, a reachable standby is
    // the only place a read can go, so it serves whatever it has, even one the last probe found behind.
    const primaryAnswered = this.health.primaryAnswered;
    let candidates = slots.filter((slot) =>
      primaryAnswered
        ? slot.state.healthy && freshEnough(slot.replayedAsOf, now, this.options.maxLagSeconds)
        : slot.state.reachable && slot.replayLsn !== null,
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
  route(viewerKey: string | null, readAfterLsn: bigint | null = null): Route {
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

  /** Called after a committed write by a viewer, so the viewer's following reads see it. */
  noteWrite(viewerKey: string): void {
    if (this.health.slots.length === 0 || this.health.closed) return;
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

  /** A read failed on this replica and runs again on the primary: keep reads off it, count the fallback. */
  fellBackToPrimary(slot: ReplicaSlot, error: unknown): void {
    if (isConnectionError(error)) this.health.markUnreachable(slot, error);
    this.counters.fallbacks.replica_error++;
    this.metrics.recordRoutingDecision('primary', 'replica_error');
  }

  /** Something the primary was asked failed: a connection error keeps reads off it until it answers a probe. */
  primaryFailed(error: unknown): void {
    if (isConnectionError(error)) this.health.primaryUnreachable();
  }

  pickReader(viewerKey: string | null, readAfterLsn: bigint | null = null): ReadTarget {
    const { slot } = this.route(viewerKey, readAfterLsn);
    return slot ? { name: slot.name, connection: slot.connection, replica: true } : this.primaryTarget();
  }

  primaryTarget(): ReadTarget {
    return { name: 'primary', connection: this.primary, replica: false };
  }

  replicaFailed(name: string, error: unknown): void {
    const slot = this.health.slots.find((candidate) => candidate.name === name);
    if (!slot) return;
    if (isConnectionError(error)) this.health.markUnreachable(slot, error);
    this.counters.fallbacks.replica_error++;
  }

  isRetryableOnPrimary(error: unknown): boolean {
    return isRetryableOnPrimary(error);
  }

  stats(): ReadRoutingStats {
    return { reads: { ...this.counters.reads }, fallbacks: { ...this.counters.fallbacks } };
  }

  reportTo(metrics: ReadPathMetrics): void {
    this.metrics = metrics;
  }

  /** Drops read-your-writes entries that expired or that every healthy replica has replayed. */
  forgetSettledWrites(): void {
    const now = Date.now();
    const slots = this.health.slots;
    const healthy = slots.filter((slot) => slot.state.healthy);
    for (const [viewerKey, write] of this.writes) {
      const expired = now - write.at > this.options.readYourWritesMs;
      const replayedEverywhere =
        write.lsn !== null &&
        healthy.length === slots.length &&
        healthy.every((slot) => slot.replayLsn !== null && slot.replayLsn >= write.lsn!);
      if (expired || replayedEverywhere) this.writes.delete(viewerKey);
    }
  }

  /**
   * Read right after a commit: a position at or past its commit record (see readYourWritesTarget). The
   * probes sample it too: every commit acknowledged before the sample lies at or below it, even with
   * synchronous_commit = off, and an idle, caught-up replica is exactly at it.
   */
  writePosition(): Promise<bigint | null> {
    return primaryWritePosition(this.primary, this.options.probeTimeoutMs);
  }
}
