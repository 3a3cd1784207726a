import { describe, expect, it } from '@jest/globals';

import { createBulkProgress } from './bulk-progress.js';

describe('createBulkProgress (not a terminal)', () => {
  it('writes plain lines at most every logEveryMs, with rows/s and an ETA when the total is known', () => {
    const written: string[] = [];
    let clock = 0;
    const stream = {
      isTTY: false,
      write: (text: string) => written.push(text),
    } as unknown as NodeJS.WriteStream;
    const progress = createBulkProgress({
      label: 'import',
      total: 1000,
      stream,
      logEveryMs: 1000,
      now: () => clock,
    });
    clock = 500;
    progress.update({ read: 100, applied: 90, rejected: 10 });
    expect(written).toEqual([]);
    clock = 2000;
    progress.update({ read: 400, applied: 390, rejected: 10 });
    expect(written).toEqual(['import: 400/1000 read, 390 applied, 10 rejected, 200 rows/s, ETA 3 s\n']);
    clock = 4000;
    const summary = progress.finish({ read: 1000, applied: 980, rejected: 20 });
    expect(written[1]).toBe('import: 1000/1000 read, 980 applied, 20 rejected, 250 rows/s, ETA 0 s\n');
    expect(summary).toEqual({ read: 1000, applied: 980, rejected: 20, seconds: 4, rowsPerSecond: 250 });
  });

  it('leaves out the total and the ETA when the total is unknown', () => {
    const written: string[] = [];
    const stream = {
      isTTY: false,
      write: (text: string) => written.push(text),
    } as unknown as NodeJS.WriteStream;
    let clock = 0;
    const progress = createBulkProgress({ label: 'seed', stream, now: () => clock });
    clock = 1000;
    progress.finish({ read: 50, applied: 50, rejected: 0 });
    expect(written).toEqual(['seed: 50 read, 50 applied, 0 rejected, 50 rows/s\n']);
  });

  it('names the counts as told and leaves the rows of an earlier run out of the rate', () => {
    const written: string[] = [];
    const stream = {
      isTTY: false,
      write: (text: string) => written.push(text),
    } as unknown as NodeJS.WriteStream;
    let clock = 0;
    const progress = createBulkProgress({
      label: 'issues',
      total: 1000,
      stream,
      now: () => clock,
      alreadyRead: 600,
      words: { applied: 'written', rejected: 'skipped' },
    });
    clock = 2000;
    const summary = progress.finish({ read: 800, applied: 790, rejected: 10 });
    // 200 rows in 2 s this run; 200 rows left at 100 rows/s.
    expect(written).toEqual(['issues: 800/1000 read, 790 written, 10 skipped, 100 rows/s, ETA 2 s\n']);
    expect(summary.rowsPerSecond).toBe(100);
  });
});
