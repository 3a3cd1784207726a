import 'reflect-metadata';

import { withCredentialsOf } from '../db/pg-client.js';
import { BENCH_USAGE, parseBenchArgs } from './options.js';
import { runBench } from './run-bench.js';

/** `npm run bench` (scripts/bench.sh): build, start the local primary + replica, then this. */
async function main(): Promise<number> {
  const options = parseBenchArgs(process.argv.slice(2));
  if (options.help) {
    console.log(BENCH_USAGE);
    return 0;
  }
  const runtimeUrl = process.env.DATABASE_URL?.trim();
  if (!runtimeUrl) {
    throw new Error('DATABASE_URL is not set: run `npm run bench` (it starts the local primary + replica)');
  }
  // The data set is created and seeded by the tables' owner. The gateway under measurement uses the same
  // owner connections too (replicas reached with the owner's credentials) until the read path sets the
  // tenant per transaction: the runtime role would see no rows before that.
  const databaseUrl = process.env.DATABASE_OWNER_URL?.trim() || runtimeUrl;
  const replicaUrls = (process.env.DATABASE_REPLICA_URLS ?? '')
    .split(',')
    .map((url) => url.trim())
    .filter(Boolean)
    .map((url) => withCredentialsOf(url, databaseUrl));
  await runBench(options, { databaseUrl, replicaUrls });
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exitCode = 1;
  },
);
