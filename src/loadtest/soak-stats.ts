/** Numbers the load test prints: latency percentiles and the trend of the gateway's memory. */

/** Nearest-rank percentile of ascending samples (always one of the samples). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new Error('percentile of no samples');
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/**
 * Least-squares slope of the samples against their index: how much the value grows per sample. A
 * gateway that leaks shows a steady positive slope over the soak; one that only warms up flattens.
 */
export function leastSquaresSlope(samples: readonly number[]): number {
  const n = samples.length;
  if (n < 2) throw new Error('a slope needs at least two samples');
  const meanX = (n - 1) / 2;
  const meanY = samples.reduce((sum, value) => sum + value, 0) / n;
  let covariance = 0;
  let variance = 0;
  for (let x = 0; x < n; x++) {
    covariance += (x - meanX) * (samples[x]! - meanY);
    variance += (x - meanX) ** 2;
  }
  return covariance / variance;
}

export interface LoadSummary {
  requests: number;
  succeeded: number;
  /** Share of requests answered 200 without GraphQL errors, 0 to 1. */
  successRate: number;
  p50: number;
  p95: number;
  p99: number;
  requestsPerSecond: number;
}

export function summarizeLoad(
  latenciesMs: readonly number[],
  succeeded: number,
  seconds: number,
): LoadSummary {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  return {
    requests: sorted.length,
    succeeded,
    successRate: sorted.length === 0 ? 0 : succeeded / sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    requestsPerSecond: sorted.length / seconds,
  };
}
