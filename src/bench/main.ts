import 'reflect-metadata';

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
  // The data set (and the peers' link functions) belong to the tables' owner; the gateway and the peers
  // serve as the runtime role (DATABASE_URL's, and the replicas' URLs), so both pay for row level
  // security as production does.
  const ownerUrl = process.env.DATABASE_OWNER_URL?.trim() || runtimeUrl;
  const replicaUrls = (process.env.DATABASE_REPLICA_URLS ?? '')
    .split(',')
    .map((url) => url.trim())
    .filter(Boolean);
  await runBench(options, { runtimeUrl, replicaUrls, ownerUrl });
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
