import type { AbstractSqlConnection } from '@mikro-orm/sql';

import { isConnectionError, isRetryableOnPrimary, withTimeout } from './connection-errors.js';
import type { ReadPathMetrics } from './read-path-metrics.js';
import { NO_READ_PATH_METRICS } from './read-path-metrics.js';
import type { ReadTarget, ReadTargetSource } from './read-session.js';
import { BOOKKEEPING, parseLsn } from './replica-health.js';
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
}

export const DEFAULT_READ_ROUTING: ReadRoutingOptions = {
  maxLagSeconds: 5,
  maxLagBytes: 64 * 1024 * 1024,
  checkIntervalMs: 2_000,
  readYourWritesMs: 15_000,
  probeTimeoutMs: 1_500,
  kind: 'postgresql',
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
    private readonly options: Pick<ReadRoutingOptions, 'readYourWritesMs' | 'probeTimeoutMs'>,
  ) {}

  /** Where a read of this viewer would go now, without counting it. */
  decide(viewerKey: string | null): Route {
    const slots = this.health.slots;
    if (slots.length === 0) return { slot: null, reason: null };
    let candidates = slots.filter((slot) => slot.state.healthy);
    if (candidates.length === 0) return { slot: null, reason: 'replica_unhealthy' };
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
  route(viewerKey: string | null): Route {
    const route = this.decide(viewerKey);
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

  pickReader(viewerKey: string | null): ReadTarget {
    const { slot } = this.route(viewerKey);
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

  /** Read right after a commit: a position at or past its commit record (see readYourWritesTarget). */
  private async writePosition(): Promise<bigint | null> {
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
