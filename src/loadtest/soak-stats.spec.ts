import { describe, expect, it } from '@jest/globals';

import { leastSquaresSlope, percentile, summarizeLoad } from './soak-stats.js';

describe('load test statistics', () => {
  it('fits the slope of a line and of noise around a flat level', () => {
    expect(leastSquaresSlope([10, 12, 14, 16, 18])).toBeCloseTo(2, 10);
    expect(leastSquaresSlope([100, 101, 99, 100, 101, 99])).toBeCloseTo(-2 / 17.5, 10);
    expect(() => leastSquaresSlope([1])).toThrow('at least two samples');
  });

  it('takes nearest-rank percentiles and the success rate', () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(
      percentile(
        [...samples].sort((a, b) => a - b),
        95,
      ),
    ).toBe(95);
    expect(summarizeLoad(samples, 99, 10)).toEqual({
      requests: 100,
      succeeded: 99,
      successRate: 0.99,
      p50: 50,
      p95: 95,
      p99: 99,
      requestsPerSecond: 10,
    });
  });
});
