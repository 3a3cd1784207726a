import cliProgress from 'cli-progress';

/** How a long command (seed, import, migrate from ...) reports how far it is. */
export interface Progress {
  /** Begins a run of `total` steps. */
  start(total: number, label: string): void;
  /** One more step done; `label` says what comes next (or what just finished). */
  advance(label: string): void;
  /** Ends the bar; safe to call twice, and after a failure. */
  stop(): void;
}

export interface ProgressOutput {
  /** A terminal gets a redrawn bar; anything else (a pipe, a CI log, a test) gets plain lines. */
  isTerminal: boolean;
  /** Where the bar is drawn: stderr, so stdout stays the command's result. */
  stream: NodeJS.WritableStream;
  /** Writes one plain line (non-terminal mode). */
  line(text: string): void;
}

/**
 * A progress bar (cli-progress) on a terminal; elsewhere one line a step with the count, the share and
 * the elapsed time, so a log shows where a slow command is and a test can assert it.
 */
export function createProgress(title: string, output: ProgressOutput): Progress {
  return output.isTerminal ? new BarProgress(title, output.stream) : new LineProgress(title, output.line);
}

class BarProgress implements Progress {
  private readonly bar: cliProgress.SingleBar;
  private value = 0;
  private running = false;

  constructor(title: string, stream: NodeJS.WritableStream) {
    this.bar = new cliProgress.SingleBar(
      {
        format: `${title} [{bar}] {percentage}% | {value}/{total} | {duration_formatted} | {label}`,
        stream: stream as NodeJS.WriteStream,
        hideCursor: true,
        clearOnComplete: false,
      },
      cliProgress.Presets.shades_classic,
    );
  }

  start(total: number, label: string): void {
    this.running = true;
    this.bar.start(total, 0, { label });
  }

  advance(label: string): void {
    this.value++;
    this.bar.update(this.value, { label });
  }

  stop(): void {
    if (!this.running) return;
    this.running = false;
    this.bar.stop();
  }
}

class LineProgress implements Progress {
  private total = 0;
  private value = 0;
  private started = 0;

  constructor(
    private readonly title: string,
    private readonly line: (text: string) => void,
  ) {}

  start(total: number, label: string): void {
    this.total = total;
    this.value = 0;
    this.started = performance.now();
    this.line(`${this.title}: 0/${total} (0%) ${label}`);
  }

  advance(label: string): void {
    this.value++;
    const share = this.total > 0 ? Math.floor((this.value / this.total) * 100) : 100;
    const seconds = ((performance.now() - this.started) / 1000).toFixed(1);
    this.line(`${this.title}: ${this.value}/${this.total} (${share}%) ${label} [${seconds} s]`);
  }

  stop(): void {
    // Lines need no cleanup; the last one already says where it ended.
  }
}

/** For callers that do not report progress. */
export const NO_PROGRESS: Progress = Object.freeze({
  start: () => undefined,
  advance: () => undefined,
  stop: () => undefined,
});
