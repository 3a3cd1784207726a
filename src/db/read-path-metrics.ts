/**
 * What the read path reports to the gateway's metrics. The database layer only knows this interface; the
 * server supplies the Prometheus implementation (server/gateway-metrics.ts), so the arrow keeps running
 * from the server down to the database and a CLI command needs no metrics at all.
 */
export interface ReadPathMetrics {
  /**
   * One routing decision for a read: `replica`, or `primary` with the reason it did not go to a replica
   * (`replica_unhealthy`, `read_your_writes`, `replica_error`; null when no replica is configured).
   */
  recordRoutingDecision(target: 'replica' | 'primary', reason: string | null): void;
  /** One DataLoader batch: the loader's kind (a bounded name, never ids or filters) and its key count. */
  recordLoaderBatch(loader: string, keys: number): void;
}

/** For code paths that run without a server (CLI, tests of the read path alone). */
export const NO_READ_PATH_METRICS: ReadPathMetrics = Object.freeze({
  recordRoutingDecision: () => undefined,
  recordLoaderBatch: () => undefined,
});
