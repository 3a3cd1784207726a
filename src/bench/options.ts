import { parseArgs } from 'node:util';

import type { SeedOptions } from '../cli/seed/demo-data.js';

export interface BenchOptions {
  database: string;
  seed: SeedOptions;
  reseed: boolean;
  /** Only these operations (names), or all when empty. */
  only: string[];
  connections: number;
  throughputSeconds: number;
  throughputWarmupSeconds: number;
  latencyWarmupSeconds: number;
  latencyMaxSamples: number;
  latencyMaxSeconds: number;
  countedRequests: number;
  /** Where results.md and results.json go, relative to the project root. */
  outDir: string;
  /** The operation files' folder, relative to the project root. */
  operationsDir: string;
  help: boolean;
}

export const BENCH_USAGE = `Usage: npm run bench -- [options]

Data set (a database on the local primary, reused while it matches; seeding takes about a minute per
100,000 issues at --embedding-share 0.01):
  --database NAME            bench database (default pulse_bench)
  --clients N                clients (default 4)
  --issues-per-client N      issues per client (default 25000)
  --embedding-share F        share of rows with an embedding, 0..1 (default 0.01)
  --random-seed N            generator seed (default 42)
  --reseed                   drop and reseed even if the database matches
Measurement:
  --only A,B                 only these operations (names from schema/operations/*.graphql)
  --connections N            concurrent connections for the throughput run (default 32)
  --duration S               throughput run length in seconds (default 10)
  --samples N                sequential latency samples (default 1000, at most --latency-seconds)
  --latency-seconds S        sequential latency time limit (default 10)
  --warmup S                 warm-up before each latency and throughput run (default 2)
  --operations DIR           folder of the *.graphql operation files (default schema/operations)
  --out-dir DIR              where results.md and results.json go (default bench)`;

function number(text: string | undefined, flag: string, fallback: number, integer = true): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0 || (integer && !Number.isInteger(value))) {
    throw new Error(`${flag} must be a ${integer ? 'whole ' : ''}number >= 0, got ${text}`);
  }
  return value;
}

export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      database: { type: 'string' },
      clients: { type: 'string' },
      'issues-per-client': { type: 'string' },
      'embedding-share': { type: 'string' },
      'random-seed': { type: 'string' },
      reseed: { type: 'boolean' },
      only: { type: 'string' },
      connections: { type: 'string' },
      duration: { type: 'string' },
      samples: { type: 'string' },
      'latency-seconds': { type: 'string' },
      warmup: { type: 'string' },
      'out-dir': { type: 'string' },
      operations: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const warmup = number(values.warmup, '--warmup', 2, false);
  const options: BenchOptions = {
    database: values.database ?? 'pulse_bench',
    seed: {
      clients: number(values.clients, '--clients', 4),
      issuesPerClient: number(values['issues-per-client'], '--issues-per-client', 25_000),
      embeddingShare: number(values['embedding-share'], '--embedding-share', 0.01, false),
      randomSeed: number(values['random-seed'], '--random-seed', 42),
    },
    reseed: values.reseed ?? false,
    only: (values.only ?? '')
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean),
    connections: number(values.connections, '--connections', 32),
    throughputSeconds: number(values.duration, '--duration', 10),
    throughputWarmupSeconds: warmup,
    latencyWarmupSeconds: warmup,
    latencyMaxSamples: number(values.samples, '--samples', 1000),
    latencyMaxSeconds: number(values['latency-seconds'], '--latency-seconds', 10, false),
    countedRequests: 3,
    outDir: values['out-dir'] ?? 'bench',
    operationsDir: values.operations ?? 'schema/operations',
    help: values.help ?? false,
  };
  if (options.seed.clients < 1) throw new Error('--clients must be at least 1');
  if (options.seed.embeddingShare > 1) throw new Error('--embedding-share must be between 0 and 1');
  if (options.connections < 1) throw new Error('--connections must be at least 1');
  if (options.throughputSeconds < 1) throw new Error('--duration must be at least 1');
  if (options.latencyMaxSamples < 1) throw new Error('--samples must be at least 1');
  return options;
}
