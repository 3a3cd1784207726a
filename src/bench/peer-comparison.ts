import pg from 'pg';

import { databaseUrlFor, withPgClient } from '../db/pg-client.js';
import { waitForReplica } from './dataset.js';
import type { Dataset } from './dataset.js';
import type { GatewayProcess } from './gateway-process.js';
import { requestBody, responseFailure } from './graphql-response.js';
import { measureSequential, measureThroughput } from './load.js';
import type { HttpTarget } from './load.js';
import type { BenchOperation } from './operations.js';
import { countRows, responseDifferences } from './peer-equivalence.js';
import { ensurePeersInstalled, startPeer } from './peer-process.js';
import { COMPARED_OPERATIONS, PEER_SQL_FUNCTIONS, peerCondition } from './peer-queries.js';
import type { ComparedOperation, ComparedValues, PeerName } from './peer-queries.js';
import { cpuBetween, cpuByPid, processUsage } from './process-usage.js';
import { median, ratio, summarizeLatencies } from './stats.js';

export type ServerName = 'gateway' | PeerName;

export interface PeerComparisonOptions {
  peers: PeerName[];
  /** Compared operations by name (COMPARED_OPERATIONS), all when empty. */
  operations: string[];
  rounds: number;
  connections: number;
  throughputSeconds: number;
  warmupSeconds: number;
  latencyMaxSamples: number;
  latencyMaxSeconds: number;
  /** Log in as this role instead of the gateway's (same host, database and password). */
  peerRole: string | null;
  /** Rows of each compared list checked value by value (all are checked by id). */
  valueRows: number;
}

/** One server's figures for one operation in one round. */
export interface RoundFigures {
  rps: number;
  p50: number;
  p99: number;
  /** CPU milliseconds per request, of the server process and of the database backends it used. */
  serverCpuMs: number;
  databaseCpuMs: number;
  rssMiB: number;
  errors: number;
}

export interface ServerSummary {
  server: ServerName;
  rounds: RoundFigures[];
  /** Medians over the rounds. */
  rps: number | null;
  p50: number | null;
  p99: number | null;
  serverCpuMs: number | null;
  databaseCpuMs: number | null;
  /** The largest resident size seen after a throughput run. */
  rssMiB: number | null;
  errors: number;
}

export interface ComparedResult {
  operation: string;
  description: string;
  /** Rows (with an id, nested included) each peer was checked to return like the gateway. */
  checkedRows: number;
  servers: ServerSummary[];
}

export interface Goal {
  text: string;
  /** Measured ratio (gateway / peer; for latency peer / gateway), null when not measured. */
  ratio: number | null;
  target: number;
  met: boolean | null;
}

export interface PeerComparison {
  peers: PeerName[];
  rounds: number;
  /** How the peers were scoped to the tenant: RLS policies, or a clientId condition where RLS is absent. */
  tenancy: 'rls' | 'condition';
  peerRole: string;
  peerDatabase: 'replica' | 'primary';
  results: ComparedResult[];
  goals: Goal[];
}

export interface PeerComparisonInput {
  root: string;
  dataset: Dataset;
  /** The tables' owner on the primary (creates the peers' link functions). */
  ownerUrl: string;
  /** The gateway's runtime role on the bench database (primary): the peers' login when there is no replica. */
  runtimeUrl: string;
  gateway: GatewayProcess;
  token: string;
  /** Parsed schema/operations, by name: the gateway's documents. */
  operations: readonly BenchOperation[];
  values: ComparedValues;
  clientId: number;
  options: PeerComparisonOptions;
  log(message: string): void;
}

/** The operations `--compare` selects, in their table order. */
export function selectComparedOperations(names: readonly string[]): ComparedOperation[] {
  const unknown = names.filter((name) => !COMPARED_OPERATIONS.some((operation) => operation.name === name));
  if (unknown.length > 0) {
    throw new Error(
      `--compare: no compared operation named ${unknown.join(', ')} (there are ` +
        `${COMPARED_OPERATIONS.map((operation) => operation.name).join(', ')})`,
    );
  }
  return COMPARED_OPERATIONS.filter((operation) => names.length === 0 || names.includes(operation.name));
}

/** Round r starts with a different server, so none is always measured first (or last) on a noisy machine. */
export function roundOrder<T>(servers: readonly T[], round: number): T[] {
  const shift = round % servers.length;
  return [...servers.slice(shift), ...servers.slice(0, shift)];
}

export function summarizeServer(server: ServerName, rounds: RoundFigures[]): ServerSummary {
  const pick = (key: keyof RoundFigures) => median(rounds.map((figures) => figures[key]));
  return {
    server,
    rounds,
    rps: pick('rps'),
    p50: pick('p50'),
    p99: pick('p99'),
    serverCpuMs: pick('serverCpuMs'),
    databaseCpuMs: pick('databaseCpuMs'),
    rssMiB: rounds.length > 0 ? Math.max(...rounds.map((figures) => figures.rssMiB)) : null,
    errors: rounds.reduce((sum, figures) => sum + figures.errors, 0),
  };
}

/** The goals for the gateway against the peers, from the medians. */
export function evaluateGoals(results: readonly ComparedResult[]): Goal[] {
  const goals: Goal[] = [];
  const of = (operation: string, server: ServerName) =>
    results.find((result) => result.operation === operation)?.servers.find((s) => s.server === server);
  const throughput = (operation: string, peer: PeerName, target: number) => {
    const gateway = of(operation, 'gateway');
    const other = of(operation, peer);
    if (!gateway || !other) return;
    const measured = ratio(gateway.rps, other.rps);
    goals.push({
      text: `${operation} rps@32: gateway >= ${target.toFixed(1)}x PostGraphile ${peer}`,
      ratio: measured,
      target,
      met: measured === null ? null : measured >= target,
    });
  };
  throughput('IssueList', 'v4', 1.5);
  throughput('IssueList', 'v5', 1.0);
  const gateway = of('IssueList', 'gateway');
  const v5 = of('IssueList', 'v5');
  if (gateway && v5) {
    const measured = ratio(v5.p50, gateway.p50);
    goals.push({
      text: 'IssueList p50 at 1 connection: gateway <= PostGraphile v5 (v5 p50 / gateway p50 >= 1.0)',
      ratio: measured,
      target: 1,
      met: measured === null ? null : measured >= 1,
    });
  }
  throughput('IssueFlatList', 'v5', 1.0);
  throughput('PullRequestList', 'v5', 1.0);
  return goals;
}

/** The login role of a connection string, replaced by `role` when one is given. */
export function withRole(url: string, role: string | null): string {
  if (!role) return url;
  const parsed = new URL(url);
  parsed.username = encodeURIComponent(role);
  return parsed.toString();
}

interface Server {
  name: ServerName;
  process: GatewayProcess;
  target: (operation: ComparedOperation) => HttpTarget;
}

/**
 * The side-by-side run: installs and starts the peers on the gateway's database and role, checks that
 * each returns what the gateway returns, then measures every server on every compared operation in
 * interleaved rounds (latency at one connection, then throughput at N, CPU and memory from /proc).
 */
export async function runPeerComparison(input: PeerComparisonInput): Promise<PeerComparison> {
  const { root, dataset, options, log } = input;
  const compared = selectComparedOperations(options.operations);
  await ensurePeersInstalled(root, log);

  const ownerUrl = databaseUrlFor(input.ownerUrl, dataset.database);
  await withPgClient(ownerUrl, async (client) => {
    for (const sql of PEER_SQL_FUNCTIONS) await client.query(sql);
  });
  for (const replicaUrl of dataset.replicaUrls) await waitForReplica(dataset.databaseUrl, replicaUrl, log);

  // The gateway reads on the replica; the peers read there too, as the same role.
  const peerDatabase = dataset.replicaUrls.length > 0 ? 'replica' : 'primary';
  const peerUrl = withRole(dataset.replicaUrls[0] ?? input.runtimeUrl, options.peerRole);
  const { role, rlsEnforced } = await withPgClient(peerUrl, async (client) => {
    const { rows } = await client.query<{ role: string; rls_enforced: boolean }>(
      `select current_user as role,
              c.relrowsecurity and not r.rolsuper and not r.rolbypassrls
                and not pg_has_role(current_user, c.relowner, 'MEMBER') as rls_enforced
         from pg_class c, pg_roles r
        where c.oid = 'public.issues'::regclass and r.rolname = current_user`,
    );
    return { role: rows[0]!.role, rlsEnforced: rows[0]!.rls_enforced };
  });
  const tenant = rlsEnforced ? null : { clientId: input.clientId };
  log(
    `peers: ${options.peers.join(', ')} as ${role} on the ${peerDatabase}; tenant by ` +
      (rlsEnforced ? 'row level security (pulse.client_id)' : 'a clientId condition (no RLS for this role)') +
      ', pulse.client_id set per transaction',
  );

  const gatewayTarget = (operation: ComparedOperation): HttpTarget => {
    const source =
      'operation' in operation.gateway
        ? input.operations.find(
            (candidate) => candidate.name === (operation.gateway as { operation: string }).operation,
          )
        : null;
    if ('operation' in operation.gateway && !source) {
      throw new Error(`${operation.name}: schema/operations has no operation ${operation.gateway.operation}`);
    }
    const [document, operationName] = source
      ? [source.document, source.name]
      : [
          (operation.gateway as { document: string }).document,
          (operation.gateway as { operationName: string }).operationName,
        ];
    return {
      url: `${input.gateway.origin}/graphql`,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${input.token}` },
      body: requestBody(document, operationName, operation.gatewayVariables(input.values)),
    };
  };

  const servers: Server[] = [{ name: 'gateway', process: input.gateway, target: gatewayTarget }];
  try {
    for (const peer of options.peers) {
      log(`starting PostGraphile ${peer}`);
      const started = await startPeer(root, peer, {
        databaseUrl: peerUrl,
        clientId: input.clientId,
        poolSize: 20,
      });
      servers.push({
        name: peer,
        process: started,
        target: (operation) => ({
          url: `${started.origin}/graphql`,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            query: operation.peers[peer],
            variables: {
              ...operation.peerVariables(input.values),
              condition: peerCondition(operation, input.values, tenant),
            },
          }),
        }),
      });
    }

    const checkedRows = new Map<string, number>();
    for (const operation of compared) {
      checkedRows.set(operation.name, await checkEquivalence(operation, servers, options.valueRows, log));
    }

    const backends = await BackendPids.open(dataset);
    const figures = new Map<string, RoundFigures[]>();
    try {
      for (let round = 0; round < options.rounds; round++) {
        for (const operation of compared) {
          for (const server of roundOrder(servers, round)) {
            const measured = await measureServer(server, operation, backends, options);
            const key = `${operation.name}/${server.name}`;
            figures.set(key, [...(figures.get(key) ?? []), measured]);
            log(
              `round ${round + 1}/${options.rounds} ${operation.name} ${server.name}: ${measured.rps.toFixed(1)} rps, ` +
                `p50 ${measured.p50.toFixed(2)} ms, CPU ${measured.serverCpuMs.toFixed(2)} + ` +
                `${measured.databaseCpuMs.toFixed(2)} ms/request, ${measured.errors} error(s)`,
            );
          }
        }
      }
    } finally {
      await backends.close();
    }

    const results: ComparedResult[] = compared.map((operation) => ({
      operation: operation.name,
      description: operation.description,
      checkedRows: checkedRows.get(operation.name) ?? 0,
      servers: servers.map((server) =>
        summarizeServer(server.name, figures.get(`${operation.name}/${server.name}`) ?? []),
      ),
    }));
    return {
      peers: options.peers,
      rounds: options.rounds,
      tenancy: rlsEnforced ? 'rls' : 'condition',
      peerRole: role,
      peerDatabase,
      results,
      goals: evaluateGoals(results),
    };
  } finally {
    for (const server of servers.slice(1)) await server.process.stop();
  }
}

async function post(target: HttpTarget): Promise<{ status: number; body: string }> {
  const response = await fetch(target.url, { method: 'POST', headers: target.headers, body: target.body });
  return { status: response.status, body: await response.text() };
}

/** Fails the run (loudly) unless every peer returns the gateway's rows; returns how many rows were checked. */
async function checkEquivalence(
  operation: ComparedOperation,
  servers: readonly Server[],
  valueRows: number,
  log: (message: string) => void,
): Promise<number> {
  const answers = await Promise.all(
    servers.map(async (server) => ({ server, ...(await post(server.target(operation))) })),
  );
  for (const answer of answers) {
    const failure = responseFailure(answer.status, answer.body);
    if (failure) {
      throw new Error(
        `${operation.name}: ${answer.server.name} answered ${failure.code}: ${failure.message}`,
      );
    }
  }
  const expected = (JSON.parse(answers[0]!.body) as { data: unknown }).data;
  const rows = countRows(expected);
  if (rows === 0) throw new Error(`${operation.name}: the gateway returned no rows, nothing to compare`);
  for (const answer of answers.slice(1)) {
    const actual = (JSON.parse(answer.body) as { data: unknown }).data;
    const differences = responseDifferences(expected, actual, { rowsPath: operation.rowsPath, valueRows });
    if (differences.length > 0) {
      throw new Error(
        `${operation.name}: PostGraphile ${answer.server.name} does not return the gateway's data:\n  ` +
          differences.join('\n  '),
      );
    }
  }
  log(
    `${operation.name}: ${servers
      .slice(1)
      .map((s) => s.name)
      .join(' and ')} return the gateway's ${rows} rows`,
  );
  return rows;
}

/** The backends (primary and replicas) connected to the bench database, to read their CPU from /proc. */
class BackendPids {
  private constructor(
    private readonly pools: pg.Pool[],
    private readonly database: string,
  ) {}

  static async open(dataset: Dataset): Promise<BackendPids> {
    const urls = [dataset.databaseUrl, ...dataset.replicaUrls].map((url) => databaseUrlFor(url, 'postgres'));
    return new BackendPids(
      urls.map((connectionString) => new pg.Pool({ connectionString, max: 1 })),
      dataset.database,
    );
  }

  async list(): Promise<number[]> {
    const lists = await Promise.all(
      this.pools.map(async (pool) => {
        const { rows } = await pool.query<{ pid: number }>(
          'select pid from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
          [this.database],
        );
        return rows.map((row) => row.pid);
      }),
    );
    return lists.flat();
  }

  async close(): Promise<void> {
    await Promise.all(this.pools.map((pool) => pool.end()));
  }
}

async function measureServer(
  server: Server,
  operation: ComparedOperation,
  backends: BackendPids,
  options: PeerComparisonOptions,
): Promise<RoundFigures> {
  const target = server.target(operation);
  const sequential = await measureSequential(target, {
    warmupSeconds: options.warmupSeconds,
    maxSamples: options.latencyMaxSamples,
    maxSeconds: options.latencyMaxSeconds,
  });
  if (sequential.latencies.length === 0) {
    const failure = sequential.firstFailure;
    throw new Error(
      `${operation.name} on ${server.name}: no successful request (${failure?.code}: ${failure?.message})`,
    );
  }
  const latency = summarizeLatencies(sequential.latencies);
  // A warm-up at the same load first, so the pools are full and every backend is counted from the start.
  await measureThroughput(target, {
    connections: options.connections,
    seconds: options.warmupSeconds,
    warmupSeconds: 0,
  });
  const pidsBefore = await backends.list();
  const [serverBefore, databaseBefore] = await Promise.all([
    processUsage(server.process.pid),
    cpuByPid(pidsBefore),
  ]);
  const throughput = await measureThroughput(target, {
    connections: options.connections,
    seconds: options.throughputSeconds,
    warmupSeconds: 0,
  });
  const pidsAfter = await backends.list();
  const [serverAfter, databaseAfter] = await Promise.all([
    processUsage(server.process.pid),
    cpuByPid([...new Set([...pidsBefore, ...pidsAfter])]),
  ]);
  if (!serverBefore || !serverAfter) throw new Error(`${server.name} exited during the measurement`);
  const completed = Math.max(1, throughput.completed);
  return {
    rps: throughput.rps,
    p50: latency.p50,
    p99: latency.p99,
    serverCpuMs: (serverAfter.cpuMs - serverBefore.cpuMs) / completed,
    databaseCpuMs: cpuBetween(databaseBefore, databaseAfter) / completed,
    rssMiB: serverAfter.rssBytes / 1024 ** 2,
    errors: sequential.errors + throughput.errors,
  };
}
