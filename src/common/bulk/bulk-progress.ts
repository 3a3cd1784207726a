import { SingleBar } from 'cli-progress';

/** Running totals of a bulk load; every field only grows. */
export interface BulkCounts {
  read: number;
  applied: number;
  rejected: number;
}

export interface BulkProgressOptions {
  /** What is being loaded, shown before the figures (`import issues`). */
  label: string;
  /** Records expected, when known: enables the bar's percentage and the ETA. */
  total?: number | null;
  /** Where progress goes; a TTY gets a live bar, anything else a plain line every `logEveryMs`. */
  stream?: NodeJS.WriteStream;
  /** Plain-line mode: writes a line at most this often (default 2 s). */
  logEveryMs?: number;
  /** Injected clock for tests. */
  now?: () => number;
  /** Records an earlier, interrupted run already did: part of the figures, not of the rate. */
  alreadyRead?: number;
  /** What the counts are called where `applied` and `rejected` are not the words (a copy: written, skipped). */
  words?: { applied: string; rejected: string };
}

export interface BulkProgress {
  /** Reports the totals so far (cheap: the display is throttled). */
  update(counts: BulkCounts): void;
  /** Stops the display and returns the final figures. */
  finish(counts: BulkCounts): BulkSummary;
}

export interface BulkSummary extends BulkCounts {
  seconds: number;
  rowsPerSecond: number;
}

/**
 * Progress of a bulk load (imports, consolidation, seeding): a cli-progress bar when the output is a
 * terminal, plain log lines otherwise (CI logs, redirected output), with records read, applied,
 * rejected, rows per second and, when the total is known, the estimated time left.
 */
export function createBulkProgress(options: BulkProgressOptions): BulkProgress {
  const stream = options.stream ?? process.stderr;
  const now = options.now ?? (() => performance.now());
  const started = now();
  const total = options.total ?? null;
  const alreadyRead = options.alreadyRead ?? 0;
  const { applied, rejected } = options.words ?? { applied: 'applied', rejected: 'rejected' };
  const rate = (counts: BulkCounts) => {
    const seconds = (now() - started) / 1000;
    return seconds > 0 ? (counts.read - alreadyRead) / seconds : 0;
  };

  if (stream.isTTY) {
    const bar = new SingleBar({
      format: `${options.label} {bar} {read}${total ? '/{total}' : ''} read, {applied} ${applied}, {rejected} ${rejected}, {rate} rows/s${total ? ', ETA {eta_formatted}' : ''}`,
      stream,
      hideCursor: true,
      clearOnComplete: false,
      etaBuffer: 50,
    });
    bar.start(total ?? 0, alreadyRead, { read: alreadyRead, applied: 0, rejected: 0, rate: 0 });
    const payload = (counts: BulkCounts) => ({ ...counts, rate: Math.round(rate(counts)) });
    return {
      update(counts) {
        if (total) bar.update(counts.read, payload(counts));
        else bar.update(payload(counts));
      },
      finish(counts) {
        if (total) bar.update(counts.read, payload(counts));
        else bar.update(payload(counts));
        bar.stop();
        return summarize(counts);
      },
    };
  }

  const logEveryMs = options.logEveryMs ?? 2000;
  let lastLine = started;
  const line = (counts: BulkCounts) => {
    const perSecond = rate(counts);
    let text = `${options.label}: ${counts.read}${total ? `/${total}` : ''} read, ${counts.applied} ${applied}, ${counts.rejected} ${rejected}, ${Math.round(perSecond)} rows/s`;
    if (total && perSecond > 0)
      text += `, ETA ${Math.max(0, Math.round((total - counts.read) / perSecond))} s`;
    stream.write(`${text}\n`);
  };

  return {
    update(counts) {
      if (now() - lastLine < logEveryMs) return;
      lastLine = now();
      line(counts);
    },
    finish(counts) {
      line(counts);
      return summarize(counts);
    },
  };

  function summarize(counts: BulkCounts): BulkSummary {
    const seconds = (now() - started) / 1000;
    return { ...counts, seconds, rowsPerSecond: seconds > 0 ? (counts.read - alreadyRead) / seconds : 0 };
  }
}
