import { parseArgs } from 'node:util';

import type { SeedOptions } from '../cli/seed/demo-data.js';
import { PEER_NAMES } from './peer-queries.js';
import type { PeerName } from './peer-queries.js';

export { BENCH_USAGE } from './bench-usage.js';

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
  /** PostGraphile peers to compare with (none: no comparison). */
  peers: PeerName[];
  /** Compared operations (names), or all when empty. */
  compare: string[];
  rounds: number;
  /** The role the peers log in as; default the gateway's. */
  peerRole: string | null;
  /** Only the side-by-side comparison, not the per-operation table. */
  peersOnly: boolean;
  help: boolean;
}

function list(text: string | undefined): string[] {
  return (text ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
}

function peerList(text: string | undefined): PeerName[] {
  if (text === undefined) return [...PEER_NAMES];
  if (text.trim() === 'none') return [];
  const names = list(text);
  const unknown = names.filter((name) => !(PEER_NAMES as readonly string[]).includes(name));
  if (unknown.length > 0) throw new Error(`--peers: unknown peer ${unknown.join(', ')} (v4, v5 or none)`);
  return PEER_NAMES.filter((name) => names.includes(name));
}

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
      peers: { type: 'string' },
      compare: { type: 'string' },
      rounds: { type: 'string' },
      'peer-role': { type: 'string' },
      'peers-only': { type: 'boolean' },
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
    only: list(values.only),
    connections: number(values.connections, '--connections', 32),
    throughputSeconds: number(values.duration, '--duration', 10),
    throughputWarmupSeconds: warmup,
    latencyWarmupSeconds: warmup,
    latencyMaxSamples: number(values.samples, '--samples', 1000),
    latencyMaxSeconds: number(values['latency-seconds'], '--latency-seconds', 10, false),
    countedRequests: 3,
    outDir: values['out-dir'] ?? 'bench',
    operationsDir: values.operations ?? 'schema/operations',
    peers: peerList(values.peers),
    compare: list(values.compare),
    rounds: number(values.rounds, '--rounds', 3),
    peerRole: values['peer-role']?.trim() || null,
    peersOnly: values['peers-only'] ?? false,
    help: values.help ?? false,
  };
  if (options.seed.clients < 1) throw new Error('--clients must be at least 1');
  if (options.seed.embeddingShare > 1) throw new Error('--embedding-share must be between 0 and 1');
  if (options.connections < 1) throw new Error('--connections must be at least 1');
  if (options.throughputSeconds < 1) throw new Error('--duration must be at least 1');
  if (options.latencyMaxSamples < 1) throw new Error('--samples must be at least 1');
  if (options.rounds < 1) throw new Error('--rounds must be at least 1');
  if (options.peersOnly && options.peers.length === 0)
    throw new Error('--peers-only needs at least one peer');
  return options;
}
