import { argv } from 'node:process';
import { fileURLToPath } from 'node:url';

/**
 * The usage of `npm run bench`. A file of its own, without imports from the project, so that
 * scripts/bench.sh can print it before anything is built or started (`node src/bench/bench-usage.ts`).
 */
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
  --connections N            concurrent connections for the throughput runs (default 32)
  --duration S               throughput run length in seconds (default 10)
  --samples N                sequential latency samples (default 1000, at most --latency-seconds)
  --latency-seconds S        sequential latency time limit (default 10)
  --warmup S                 warm-up before each latency and throughput run (default 2)
  --operations DIR           folder of the *.graphql operation files (default schema/operations)
  --out-dir DIR              where results.md and results.json go (default bench)
Side by side with PostGraphile (installed in bench/peers on first use: npm ci --prefix bench/peers):
  --peers LIST               v4,v5 (default), v4, v5 or none (no comparison)
  --compare A,B              compared operations: IssueList, IssueFlatList, PullRequestList (default all)
  --rounds N                 interleaved rounds; the tables show medians (default 3)
  --peer-role NAME           the role the peers log in as (default: the gateway's, from DATABASE_URL)
  --peers-only               only the comparison, not the table of every operation
  -h, --help                 this text (starts nothing)`;

if (argv[1] && fileURLToPath(import.meta.url) === argv[1]) console.log(BENCH_USAGE);
