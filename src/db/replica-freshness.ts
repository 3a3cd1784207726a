import type { WalSample } from './replica-health.js';

/**
 * Until when a replica is known to hold every commit of the primary: the time of the newest sample of
 * the primary's WAL position that the replica's replay position has reached. A commit acknowledged
 * before a sample was taken lies at or below the sampled position, so the replica shows it; what
 * committed after that sample it may not show yet. Null when the replica is behind every sample kept.
 *
 * A read that starts at `now` on this replica is therefore at most `now - replayedAsOf` stale: that is
 * the lag at the probe plus the time since the probe, measured to within one probe interval (rounded
 * up, never down), and it keeps growing between probes while the replica may be stuck.
 */
export function replayedAsOf(samples: readonly WalSample[], replayLsn: bigint): number | null {
  let asOf: number | null = null;
  for (const sample of samples) {
    if (sample.lsn <= replayLsn && (asOf === null || sample.at > asOf)) asOf = sample.at;
  }
  return asOf;
}

/** Whether a read starting at `now` would be within the staleness bound on a replica replayed as of `asOf`. */
export function freshEnough(asOf: number | null, now: number, maxLagSeconds: number): boolean {
  return asOf !== null && now - asOf <= maxLagSeconds * 1000;
}
