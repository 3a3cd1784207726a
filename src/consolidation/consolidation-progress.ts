import { createBulkProgress } from '../common/bulk/bulk-progress.js';
import type { BulkCounts, BulkProgress } from '../common/bulk/bulk-progress.js';

/** How far one table's copy is: rows read, written and skipped, this run and earlier ones together. */
export interface TableProgress {
  update(counts: BulkCounts): void;
  finish(counts: BulkCounts): void;
}

/**
 * Per-table progress of a long copy, drawn by the bulk loaders' display (`src/common/bulk`, shared with
 * the ETL import): rows done of the total, rows per second, time left. A bar per table on a terminal,
 * a plain line about every 5 seconds otherwise (a CI log or a file should not fill with redraws).
 */
export interface ProgressDisplay {
  /** Begins a table of `total` rows of which `done` were copied by an earlier, interrupted run. */
  table(table: string, total: number, done: number): TableProgress;
  /** Ends the current bar, if any (also after a failure). */
  stop(): void;
}

export function createProgressDisplay(
  stream: NodeJS.WriteStream,
  log: (line: string) => void,
): ProgressDisplay {
  // Plain lines go through the command's own output (tests capture it), not straight to the stream.
  const output = stream.isTTY
    ? stream
    : ({ isTTY: false, write: (text: string) => log(text.trimEnd()) } as unknown as NodeJS.WriteStream);
  let current: { progress: BulkProgress; counts: BulkCounts } | null = null;
  const stop = () => {
    current?.progress.finish(current.counts);
    current = null;
  };
  return {
    table(table, total, done) {
      stop();
      const progress = createBulkProgress({
        label: table,
        total,
        stream: output,
        logEveryMs: 5_000,
        alreadyRead: done,
        words: { applied: 'written', rejected: 'skipped' },
      });
      const entry = { progress, counts: { read: done, applied: done, rejected: 0 } };
      current = entry;
      return {
        update(counts) {
          entry.counts = counts;
          progress.update(counts);
        },
        finish(counts) {
          entry.counts = counts;
          if (current === entry) stop();
        },
      };
    },
    stop,
  };
}
