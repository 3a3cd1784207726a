import { jest } from '@jest/globals';

import type { CliRunOptions } from '../cli/cli-run.js';
import { runCli } from '../cli/main.js';
import type { Config } from '../config/config.js';

export interface PulseResult {
  code: number;
  out: string;
  err: string;
}

/** Runs one `pulse` command in-process and returns its exit code and what it printed to each stream. */
export async function runPulse(
  argv: string[],
  config: Config,
  options?: CliRunOptions,
): Promise<PulseResult> {
  const out: string[] = [];
  const err: string[] = [];
  const log = jest.spyOn(console, 'log').mockImplementation((...args) => void out.push(args.join(' ')));
  const error = jest.spyOn(console, 'error').mockImplementation((...args) => void err.push(args.join(' ')));
  try {
    const code = await runCli(argv, config, options);
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}
