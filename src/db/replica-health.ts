import type { LogContext } from '@mikro-orm/core';
import type { AbstractSqlConnection } from '@mikro-orm/sql';

import { describeDatabaseError, withTimeout } from './connection-errors.js';
import { replayedAsOf } from './replica-freshness.js';

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

/** How replicas are judged and how often they are asked. */
export interface ReplicaHealthOptions {
  maxLagSeconds: number;
  maxLagBytes: number;
  /** Background probe period. */
  checkIntervalMs: number;
  /** One probe query may take this long before the replica counts as unreachable. */
  probeTimeoutMs: number;
}

/**
 * Probe statements (WAL positions) are bookkeeping, not the application's SQL: MikroORM's per-query
 * `enabled: false` keeps them out of the SQL log and out of tests that count statements.
 */
export const BOOKKEEPING: LogContext = { enabled: false, label: 'read-router' };

/** How long the primary WAL samples are kept: enough to measure any lag worth reporting. */
const SAMPLE_WINDOW_MS = 120_000;
/** How long a probe keeps asking a replica that is just behind the primary's sampled position. */
const RECHECK_WINDOW_MS = 200;

export type ExecuteFn = AbstractSqlConnection['execute'];

/** One replica as the health checks and the routing policy see it. */
export interface ReplicaSlot {
  name: string;
  connection: AbstractSqlConnection;
  /** The connection's own execute, before the ORM wiring wrapped it with the primary retry. */
  rawExecute: ExecuteFn;
  state: ReplicaState;
  /** The replay position of a standby at the last probe; null when unknown or not a standby. */
  replayLsn: bigint | null;
  /** A probe query still waiting for an answer; no second one is sent to a replica that hangs. */
  pendingProbe: Promise<unknown> | null;
  /** Until when it is known to hold every commit (see replayedAsOf): the staleness bound of its reads. */
  replayedAsOf: number | null;
}

/**
 * The replicas' health: a background probe asks the primary for its WAL position, then each replica for
 * its replay position, and turns the answers into lag in bytes and seconds. The routing policy reads
 * the states; a read that fails on a replica marks it unreachable until the next probe.
 */
export class ReplicaHealth {
  readonly slots: ReplicaSlot[];
  /** The primary's WAL position over time, oldest first, to turn a replay position into seconds. */
  private samples: WalSample[] = [];
  private refreshing: Promise<ReplicaState[]> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  /**
   * Whether the primary answers: set by each probe, cleared by a connection error in between
   * (primaryUnreachable). While it does not, a replica's lag cannot be judged.
   */
  private primaryAnswering = false;

  constructor(
    private readonly primary: AbstractSqlConnection,
    replicas: readonly { name: string; connection: AbstractSqlConnection }[],
    private readonly options: ReplicaHealthOptions,
    /** Called after each probe round (the policy forgets writes every replica has replayed). */
    private readonly afterProbe: () => void = () => undefined,
  ) {
    this.slots = replicas.map(({ name, connection }) => ({
      name,
      connection,
      rawExecute: connection.execute.bind(connection) as ExecuteFn,
      state: {
        name,
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
  }

  /** Whether the primary answers (without it a replica's staleness cannot be judged). */
  get primaryAnswered(): boolean {
    return this.primaryAnswering;
  }

  /** After close a probe would reconnect the pools the ORM just closed. */
  get closed(): boolean {
    return this.stopped;
  }

  start(): void {
    if (this.slots.length === 0 || this.timer) return;
    this.timer = setInterval(() => void this.refresh().catch(() => undefined), this.options.checkIntervalMs);
    this.timer.unref();
  }

  close(): void {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  replicas(): ReplicaState[] {
    return this.slots.map((slot) => ({ ...slot.state }));
  }

  refresh(): Promise<ReplicaState[]> {
    if (this.slots.length === 0 || this.stopped) return Promise.resolve(this.replicas());
    this.refreshing ??= this.probe().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  /**
   * A statement or connection attempt on the primary failed with a connection error: until a probe
   * reaches it again, reads treat it as not answering, so a reachable replica serves them whatever its
   * lag instead of a read waiting for the primary's connect timeout and failing.
   */
  primaryUnreachable(): void {
    this.primaryAnswering = false;
  }

  markUnreachable(slot: ReplicaSlot, error: unknown): void {
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
    slot.replayedAsOf = null;
  }

  private async probe(): Promise<ReplicaState[]> {
    const startedAt = Date.now();
    // The primary first, then the replicas: a replica at or past this position has every commit the
    // primary had acknowledged when the probe began.
    const primaryLsn = await primaryWritePosition(this.primary, this.options.probeTimeoutMs).catch(
      () => null,
    );
    this.primaryAnswering = primaryLsn !== null;
    if (primaryLsn !== null) {
      this.samples.push({ lsn: primaryLsn, at: startedAt });
      this.samples = this.samples.filter((sample) => startedAt - sample.at <= SAMPLE_WINDOW_MS);
    }
    await Promise.all(this.slots.map((slot) => this.probeReplica(slot, primaryLsn)));
    this.afterProbe();
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
    // A server out of recovery has no replay position that means anything to the router.
    const replayLsn = row?.in_recovery ? parseLsn(row.replay_lsn) : null;
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
  limits: Pick<ReplicaHealthOptions, 'maxLagBytes' | 'maxLagSeconds'>,
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

/** `16/B374D848` → a comparable number of bytes. */
export function parseLsn(text: string | null | undefined): bigint | null {
  const match = text ? /^([0-9A-F]+)\/([0-9A-F]+)$/i.exec(text) : null;
  if (!match) return null;
  return (BigInt(`0x${match[1]}`) << 32n) + BigInt(`0x${match[2]}`);
}

/**
 * The primary's WAL position now, as a replica must have replayed it to hold every commit acknowledged
 * so far (see readYourWritesTarget).
 */
export async function primaryWritePosition(
  primary: AbstractSqlConnection,
  timeoutMs: number,
): Promise<bigint | null> {
  const rows = (await withTimeout(
    primary.execute(
      `select pg_current_wal_insert_lsn()::text as inserted, pg_current_wal_flush_lsn()::text as flushed,
              current_setting('wal_block_size')::int as block_size`,
      [],
      'all',
      undefined,
      BOOKKEEPING,
    ),
    timeoutMs,
  )) as { inserted: string; flushed: string; block_size: number }[];
  const inserted = parseLsn(rows[0]?.inserted);
  if (inserted === null) return null;
  return readYourWritesTarget(inserted, parseLsn(rows[0]?.flushed), rows[0]?.block_size ?? 8192);
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
