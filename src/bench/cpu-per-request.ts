import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';

import autocannon from 'autocannon';
import pg from 'pg';

import { TokenService } from '../auth/tokens.js';
import { startGateway } from './gateway-process.js';

/**
 * CPU time per request of the gateway process and of the database backends serving it, read from
 * /proc around a fixed number of requests: unlike requests per second, it barely moves when other work
 * shares the machine. Usage (after `npm run build`, against a bench database):
 *
 *   BENCH_OWNER_URL=... node dist/src/bench/cpu-per-request.js DATABASE_URL REPLICA_URL OPERATION_FILE [VARIABLES_JSON] [REQUESTS]
 */
const TICKS_PER_SECOND = 100;

async function cpuTicks(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
  if (!stat) return 0;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

async function rssMiB(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

async function backendPids(url: string, database: string): Promise<number[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>(
      'select pid from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
      [database],
    );
    return rows.map((row) => row.pid);
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const [databaseUrl, replicaUrl, operationFile, variablesJson = '{}', requestsArg = '2000'] =
    process.argv.slice(2);
  if (!databaseUrl || !replicaUrl || !operationFile) throw new Error('usage: see the file header');
  const requests = Number(requestsArg);
  const database = new URL(databaseUrl).pathname.slice(1);
  const query = await readFile(operationFile, 'utf8');
  // The runtime role sees no user without a tenant setting: the admin is looked up as the owner.
  const admin = new pg.Client({ connectionString: process.env.BENCH_OWNER_URL ?? databaseUrl });
  await admin.connect();
  const { rows } = await admin.query<{ id: number; client_id: number }>(
    `select id, client_id from users where role = 'admin' and active order by client_id, id limit 1`,
  );
  await admin.end();
  const secret = randomBytes(32).toString('hex');
  const tokens = await TokenService.fromConfig(
    { secret, publicKey: null, issuer: null, audience: null },
    null,
  );
  const token = await tokens.sign({ userId: rows[0]!.id, clientId: rows[0]!.client_id, role: 'admin' }, 3600);
  const gateway = await startGateway('dist/src/main.js', {
    databaseUrl,
    replicaUrls: [replicaUrl],
    jwtSecret: secret,
  });
  const fire = (amount: number) =>
    autocannon({
      url: `${gateway.origin}/graphql`,
      method: 'POST',
      connections: 32,
      amount,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables: JSON.parse(variablesJson) as unknown }),
    });
  try {
    await fire(300);
    const backends = [
      ...(await backendPids(databaseUrl, database)),
      ...(await backendPids(replicaUrl, database)),
    ];
    const before = [await cpuTicks(gateway.pid), ...(await Promise.all(backends.map(cpuTicks)))];
    const result = await fire(requests);
    const after = [await cpuTicks(gateway.pid), ...(await Promise.all(backends.map(cpuTicks)))];
    const ms = (ticks: number) => ((ticks / TICKS_PER_SECOND) * 1000) / requests;
    const backendTicks = after.slice(1).reduce((sum, t, i) => sum + t - before[i + 1]!, 0);
    console.log(
      JSON.stringify({
        requests,
        non2xx: result.non2xx,
        errors: result.errors,
        rps: Math.round(result.requests.average),
        p50ms: result.latency.p50,
        gatewayCpuMsPerRequest: Number(ms(after[0]! - before[0]!).toFixed(2)),
        backendCpuMsPerRequest: Number(ms(backendTicks).toFixed(2)),
        backends: backends.length,
        gatewayRssMiB: Math.round(await rssMiB(gateway.pid)),
      }),
    );
  } finally {
    await gateway.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
