import cliProgress from 'cli-progress';

/**
 * Per-table progress of a long copy: rows done of the total, rows per second, time left. A bar per table
 * on a terminal, plain log lines otherwise (a CI log or a file should not fill with redraws).
 */
export interface ProgressDisplay {
  start(table: string, total: number, done: number): void;
  advance(table: string, rows: number): void;
  finish(table: string): void;
  stop(): void;
}

export function createProgressDisplay(
  stream: NodeJS.WriteStream,
  log: (line: string) => void,
): ProgressDisplay {
  return stream.isTTY ? new TerminalProgress(stream) : new LogLineProgress(log);
}

class TerminalProgress implements ProgressDisplay {
  private readonly bars = new cliProgress.MultiBar(
    {
      format: '{table} [{bar}] {value}/{total} rows | {speed} rows/s | ETA {eta_formatted}',
      hideCursor: true,
      clearOnComplete: false,
      etaBuffer: 20,
    },
    cliProgress.Presets.shades_classic,
  );
  private readonly current = new Map<
    string,
    { bar: cliProgress.SingleBar; started: number; done: number; first: number }
  >();

  constructor(stream: NodeJS.WriteStream) {
    void stream;
  }

  start(table: string, total: number, done: number): void {
    const bar = this.bars.create(Math.max(total, done), done, { table: table.padEnd(24), speed: '0' });
    this.current.set(table, { bar, started: Date.now(), done, first: done });
  }

  advance(table: string, rows: number): void {
    const entry = this.current.get(table);
    if (!entry) return;
    entry.done += rows;
    const seconds = Math.max((Date.now() - entry.started) / 1000, 0.001);
    entry.bar.update(entry.done, { speed: Math.round((entry.done - entry.first) / seconds).toString() });
  }

  finish(table: string): void {
    this.current.get(table)?.bar.stop();
  }

  stop(): void {
    this.bars.stop();
  }
}

/** One line when a table starts, about every 5 seconds while it runs, and when it ends. */
class LogLineProgress implements ProgressDisplay {
  private readonly current = new Map<
    string,
    { total: number; done: number; first: number; started: number; logged: number }
  >();

  constructor(private readonly log: (line: string) => void) {}

  start(table: string, total: number, done: number): void {
    const now = Date.now();
    this.current.set(table, { total, done, first: done, started: now, logged: now });
  }

  advance(table: string, rows: number): void {
    const entry = this.current.get(table);
    if (!entry) return;
    entry.done += rows;
    if (Date.now() - entry.logged >= 5_000) {
      entry.logged = Date.now();
      this.log(this.line(table, entry));
    }
  }

  finish(table: string): void {
    const entry = this.current.get(table);
    if (entry) this.log(this.line(table, entry));
  }

  stop(): void {}

  private line(
    table: string,
    entry: { total: number; done: number; first: number; started: number },
  ): string {
    const seconds = Math.max((Date.now() - entry.started) / 1000, 0.001);
    const rate = (entry.done - entry.first) / seconds;
    const left = entry.total - entry.done;
    const eta = rate > 0 && left > 0 ? `, ETA ${Math.ceil(left / rate)} s` : '';
    return `${table}: ${entry.done}/${entry.total} rows, ${Math.round(rate)} rows/s${eta}`;
  }
}
