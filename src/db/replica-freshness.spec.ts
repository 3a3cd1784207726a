import { describe, expect, it } from '@jest/globals';

import { freshEnough, replayedAsOf } from './replica-freshness.js';

const samples = [
  { lsn: 1000n, at: 10_000 },
  { lsn: 1500n, at: 12_000 },
  { lsn: 1600n, at: 14_000 },
];

describe('replayedAsOf', () => {
  it('is the time of the newest sample at or below the replay position', () => {
    expect(replayedAsOf(samples, 1000n)).toBe(10_000);
    expect(replayedAsOf(samples, 1499n)).toBe(10_000);
    expect(replayedAsOf(samples, 1500n)).toBe(12_000);
    expect(replayedAsOf(samples, 9999n)).toBe(14_000);
  });

  it('is unknown for a replica behind every sample kept', () => {
    expect(replayedAsOf(samples, 999n)).toBeNull();
    expect(replayedAsOf([], 5000n)).toBeNull();
  });
});

describe('freshEnough', () => {
  it('holds while the time since the replayed sample is within the bound, the probe interval included', () => {
    // Caught up at the probe 4.9 s ago: a read now is at most 4.9 s stale.
    expect(freshEnough(14_000, 18_900, 5)).toBe(true);
    expect(freshEnough(14_000, 19_000, 5)).toBe(true);
    // Not probed again since: by now the same replica may be 5.1 s behind.
    expect(freshEnough(14_000, 19_100, 5)).toBe(false);
    expect(freshEnough(null, 14_000, 5)).toBe(false);
  });
});
