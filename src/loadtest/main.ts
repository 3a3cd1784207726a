import 'reflect-metadata';

import { randomBytes } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';

import { TokenService } from '../auth/tokens.js';
import { startGateway } from '../bench/gateway-process.js';
import type { GatewayProcess } from '../bench/gateway-process.js';
import { describeMachine } from '../bench/machine.js';
import { mintTokenForEmail } from '../cli/demo-tokens.js';
import { seedIfEmpty } from '../cli/seed-command.js';
import { openDatabase } from '../db/database.js';
import { migrateUp } from '../db/migration-runner.js';
import { databaseUrlFor, withPgClient } from '../db/pg-client.js';
import { leastSquaresSlope, summarizeLoad } from './soak-stats.js';
import type { LoadSummary } from './soak-stats.js';
import { GATEWAY_ENTITIES } from '../modules/index.js';

/**
 * `npm run loadtest`: the dashboard operations (schema/operations) against a gateway process on the
 * loopback interface, at 50 connections for 60 s, then two soak rounds (idle 10 s, load 120 s, calm
 * 20 s) with the gateway's resident memory sampled every second. Bounded in time (about seven minutes)
 * and in count (MAX_REQUESTS); it only ever talks to 127.0.0.1.
 */
const CONNECTIONS = 50;
const WARM_LOAD_SECONDS = 60;
const SOAK_ROUNDS = [1, 2].map(() => ({ idleSeconds: 10, loadSeconds: 120, calmSeconds: 20 }));
const MAX_REQUESTS = 2_000_000;
const DATABASE = 'pulse_loadtest';
const SEED = { clients: 2, issuesPerClient: 2_000, embeddingShare: 0.01, randomSeed: 11 };
const TARGET = { successRate: 1, slopeMiB: 3 };

interface Operation {
  name: string;
  body: string;
}

function isLoopback(url: string): boolean {
  const host = new URL(url).hostname;
  return host === '127.0.0.1' || host === 'localhost' || host === '::1' || host === '[::1]';
}

async function prepareDatabase(primaryUrl: string, replicaUrls: string[]): Promise<string> {
  const exists = await withPgClient(databaseUrlFor(primaryUrl, 'postgres'), async (client) => {
    const found = await client.query('select 1 from pg_database where datname = $1', [DATABASE]);
    if (found.rowCount === 0) await client.query(`create database "${DATABASE}"`);
    return (found.rowCount ?? 0) > 0;
  });
  const databaseUrl = databaseUrlFor(primaryUrl, DATABASE);
  const database = await openDatabase(
    {
      databaseUrl,
      replicaUrls: replicaUrls.map((url) => databaseUrlFor(url, DATABASE)),
      embeddedDataDir: 'memory',
      logSql: false,
    },
    { entities: GATEWAY_ENTITIES },
  );
  try {
    await migrateUp(database.orm);
    const seeded = await seedIfEmpty(database.fork(), SEED);
    console.log(exists && !seeded ? `reusing database ${DATABASE}` : `seeded database ${DATABASE}`);
  } finally {
    await database.close();
  }
  return databaseUrl;
}

async function dashboardOperations(databaseUrl: string, adminEmail: string): Promise<Operation[]> {
  const [{ key, repository_id: repositoryId }] = await withPgClient(
    databaseUrl,
    async (client) =>
      (
        await client.query<{ key: string; repository_id: number }>(
          `select i.key, (select r.id from repositories r where r.client_id = u.client_id order by r.id limit 1)
                as repository_id
           from users u join issues i on i.client_id = u.client_id
          where u.email = $1 order by i.id limit 1`,
          [adminEmail],
        )
      ).rows,
  );
  const dir = join(process.cwd(), 'schema', 'operations');
  const files = (await readdir(dir)).filter((file) => file.endsWith('.graphql')).sort();
  return Promise.all(
    files.map(async (file) => ({
      name: file.replace(/\.graphql$/, ''),
      // Page sizes stay at each operation's own default: what the dashboard asks for.
      body: JSON.stringify({
        query: await readFile(join(dir, file), 'utf8'),
        variables: { key, repositoryId },
      }),
    })),
  );
}

/** Reads VmRSS of a process from /proc, in MiB. */
async function residentMiB(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kib = Number(/^VmRSS:\s+(\d+)\s+kB$/m.exec(status)?.[1]);
  return kib / 1024;
}

interface LoadResult {
  latenciesMs: number[];
  succeeded: number;
  failures: Map<string, number>;
  seconds: number;
}

/** `connections` loops, each sending the operations in turn on a keep-alive connection, for `seconds`. */
async function runLoad(
  origin: string,
  token: string,
  operations: Operation[],
  connections: number,
  seconds: number,
  budget: { remaining: number },
): Promise<LoadResult> {
  const result: LoadResult = { latenciesMs: [], succeeded: 0, failures: new Map(), seconds };
  const stopAt = performance.now() + seconds * 1000;
  const fail = (reason: string) => result.failures.set(reason, (result.failures.get(reason) ?? 0) + 1);
  const loop = async (offset: number) => {
    for (let i = offset; performance.now() < stopAt && budget.remaining > 0; i++) {
      budget.remaining -= 1;
      const operation = operations[i % operations.length]!;
      const started = performance.now();
      try {
        const response = await fetch(`${origin}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: operation.body,
        });
        const text = await response.text();
        result.latenciesMs.push(performance.now() - started);
        if (response.status !== 200) fail(`${operation.name}: HTTP ${response.status}`);
        else if (text.includes('"errors"'))
          fail(
            `${operation.name}: ${(JSON.parse(text) as { errors: { extensions?: { code?: string } }[] }).errors[0]?.extensions?.code}`,
          );
        else result.succeeded += 1;
      } catch (error) {
        result.latenciesMs.push(performance.now() - started);
        fail(`${operation.name}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, (_, offset) => loop(offset)));
  return result;
}

function formatLoad(label: string, summary: LoadSummary): string {
  return (
    `${label.padEnd(22)} ${String(summary.requests).padStart(8)} req  ` +
    `${(summary.successRate * 100).toFixed(2).padStart(6)} % ok  ` +
    `p50 ${summary.p50.toFixed(1).padStart(7)} ms  p95 ${summary.p95.toFixed(1).padStart(7)} ms  ` +
    `p99 ${summary.p99.toFixed(1).padStart(7)} ms  ${summary.requestsPerSecond.toFixed(0).padStart(5)} req/s`
  );
}

async function main(): Promise<void> {
  // The owner creates, migrates and seeds the database; the gateway connects as the runtime role.
  const runtimeUrl = process.env.DATABASE_URL;
  const primaryUrl = process.env.DATABASE_OWNER_URL ?? runtimeUrl;
  const replicaUrls = (process.env.DATABASE_REPLICA_URLS ?? '').split(',').filter(Boolean);
  if (!primaryUrl || !runtimeUrl) {
    throw new Error('DATABASE_URL is required (npm run loadtest starts the local cluster)');
  }
  if (![primaryUrl, runtimeUrl, ...replicaUrls].every(isLoopback)) {
    throw new Error('the load test only runs against databases on this machine (loopback addresses)');
  }
  const databaseUrl = await prepareDatabase(primaryUrl, replicaUrls);
  const jwtSecret = randomBytes(32).toString('hex');
  const tokens = await TokenService.fromConfig(
    { secret: jwtSecret, publicKey: null, issuer: null, audience: null },
    null,
  );
  const adminEmail = 'admin@acme.example';
  const orm = await openDatabase(
    { databaseUrl, replicaUrls: [], embeddedDataDir: 'memory', logSql: false },
    { entities: GATEWAY_ENTITIES },
  );
  const token = await mintTokenForEmail(orm.fork(), tokens, adminEmail, 3600).finally(() => orm.close());
  const operations = await dashboardOperations(databaseUrl, adminEmail);

  const gateway: GatewayProcess = await startGateway(join(process.cwd(), 'dist', 'src', 'main.js'), {
    databaseUrl: databaseUrlFor(runtimeUrl, DATABASE),
    replicaUrls: replicaUrls.map((url) => databaseUrlFor(url, DATABASE)),
    jwtSecret,
  });
  if (!isLoopback(gateway.origin)) throw new Error('the gateway must listen on the loopback interface');
  const budget = { remaining: MAX_REQUESTS };
  const lines: string[] = [];
  const failures = new Map<string, number>();
  const record = (label: string, result: LoadResult) => {
    const summary = summarizeLoad(result.latenciesMs, result.succeeded, result.seconds);
    for (const [reason, count] of result.failures) failures.set(reason, (failures.get(reason) ?? 0) + count);
    const line = formatLoad(label, summary);
    lines.push(line);
    console.log(line);
    return summary;
  };
  try {
    console.log(
      `operations: ${operations.map((op) => op.name).join(', ')}; ${CONNECTIONS} connections; gateway pid ${gateway.pid}`,
    );
    const warm = record(
      `load ${WARM_LOAD_SECONDS} s`,
      await runLoad(gateway.origin, token, operations, CONNECTIONS, WARM_LOAD_SECONDS, budget),
    );

    const rss: number[] = [];
    const soakSummaries: LoadSummary[] = [];
    for (const [index, round] of SOAK_ROUNDS.entries()) {
      let phase = 'idle';
      const sampler = setInterval(() => {
        void residentMiB(gateway.pid).then((value) => {
          rss.push(value);
          process.stdout.write(`\r  soak ${index + 1} ${phase.padEnd(5)} RSS ${value.toFixed(1)} MiB   `);
        });
      }, 1000);
      await new Promise((resolve) => setTimeout(resolve, round.idleSeconds * 1000));
      phase = 'load';
      const load = await runLoad(gateway.origin, token, operations, CONNECTIONS, round.loadSeconds, budget);
      phase = 'calm';
      await new Promise((resolve) => setTimeout(resolve, round.calmSeconds * 1000));
      clearInterval(sampler);
      process.stdout.write('\n');
      soakSummaries.push(record(`soak ${index + 1} load ${round.loadSeconds} s`, load));
    }
    const slope = leastSquaresSlope(rss);
    const allSucceeded = [warm, ...soakSummaries].every((s) => s.successRate >= TARGET.successRate);
    const machine = await describeMachine(
      await withPgClient(
        databaseUrl,
        async (c) => (await c.query('show server_version')).rows[0].server_version,
      ),
    );
    const summary = [
      `RSS: ${rss.length} samples, first ${rss[0]!.toFixed(1)} MiB, last ${rss.at(-1)!.toFixed(1)} MiB, ` +
        `max ${Math.max(...rss).toFixed(1)} MiB; least-squares slope ${slope.toFixed(3)} MiB per sample ` +
        `(target at most ${TARGET.slopeMiB})`,
      `success: ${allSucceeded ? '100 %' : 'below 100 %'} (target 100 %)`,
      `machine: ${machine.cpuModel}, ${machine.cores} cores, ${machine.memoryGiB} GiB; Node ${machine.node}; ` +
        `PostgreSQL ${machine.postgresql}; client, gateway and databases on the same machine`,
    ];
    for (const line of summary) console.log(line);
    if (failures.size > 0) {
      console.log('failures:');
      for (const [reason, count] of failures) console.log(`  ${count} × ${reason}`);
    }
    process.exitCode = allSucceeded && slope <= TARGET.slopeMiB ? 0 : 1;
  } finally {
    await gateway.stop();
  }
}

main().catch((error) => {
  console.error('loadtest failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
