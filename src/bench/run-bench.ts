import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import pg from 'pg';

import { TokenService } from '../auth/tokens.js';
import { databaseUrlFor } from '../db/pg-client.js';
import type { Viewer } from '../auth/tokens.js';
import { demoUsers } from '../cli/seed/demo-data.js';
import { ensureDataset } from './dataset.js';
import { startGateway } from './gateway-process.js';
import type { GatewayProcess } from './gateway-process.js';
import { nullTopLevelFields, requestBody } from './graphql-response.js';
import { measureSequential, measureThroughput } from './load.js';
import type { HttpTarget } from './load.js';
import { describeMachine } from './machine.js';
import { countKeys, loadOperationSources, parseOperationSources, withoutField } from './operations.js';
import type { BenchOptions } from './options.js';
import { runPeerComparison, selectComparedOperations } from './peer-comparison.js';
import type { PeerComparison } from './peer-comparison.js';
import { planCases, unusedScenarios } from './plan.js';
import type { BenchCase } from './plan.js';
import { deriveChecks, formatCount, formatMs, renderConsole, renderMarkdown } from './report.js';
import type { BenchReport, CaseResult, StatementSummary } from './report.js';
import { SCENARIOS, VARIABLE_LOOKUPS } from './scenarios.js';
import type { ScenarioContext } from './scenarios.js';
import { StatementCounter } from './statement-count.js';
import { summarizeLatencies } from './stats.js';

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

/** The project root: dist/src/bench/ -> ../../.. (the folder with package.json). */
export function projectRoot(): string {
  const fromModule = fileURLToPath(new URL('../../../', import.meta.url));
  return existsSync(join(fromModule, 'package.json')) ? fromModule : process.cwd();
}

export interface BenchEnvironment {
  /** The gateway's runtime role (DATABASE_URL): the gateway and the peers serve as this role, under RLS. */
  runtimeUrl: string;
  /** The replicas, as the runtime role (DATABASE_REPLICA_URLS). */
  replicaUrls: string[];
  /**
   * The tables' owner (DATABASE_OWNER_URL, default DATABASE_URL): creates and seeds the bench database,
   * finds the bench client and creates the peers' link functions.
   */
  ownerUrl: string;
}

/**
 * The whole benchmark: data set, operations and their variables, statement counts on an in-process
 * gateway with a query logger, then latency and throughput against the built gateway in a child process.
 */
export async function runBench(options: BenchOptions, env: BenchEnvironment): Promise<BenchReport> {
  const started = performance.now();
  const root = projectRoot();

  const sources = await loadOperationSources(resolve(root, options.operationsDir), options.operationsDir);
  const parsed = parseOperationSources(sources);
  const problems = [...parsed.problems];
  let operations = parsed.operations;
  if (options.only.length > 0) {
    const unknown = options.only.filter((name) => !operations.some((operation) => operation.name === name));
    if (unknown.length > 0) throw new Error(`--only: no operation named ${unknown.join(', ')}`);
    operations = operations.filter((operation) => options.only.includes(operation.name));
  }
  const unused = unusedScenarios(parsed.operations, SCENARIOS);
  if (unused.length > 0) log(`scenarios without an operation (yet), ignored: ${unused.join(', ')}`);
  if (operations.length === 0) throw new Error(`no named operations in ${options.operationsDir}/*.graphql`);
  log(`${operations.length} operation(s): ${operations.map((operation) => operation.name).join(', ')}`);
  for (const problem of problems) log(`problem: ${problem}`);
  // Unknown names fail here, before a minute of seeding.
  if (options.peers.length > 0) selectComparedOperations(options.compare);

  const dataset = await ensureDataset({
    primaryUrl: env.ownerUrl,
    replicaUrls: env.replicaUrls,
    database: options.database,
    seed: options.seed,
    reseed: options.reseed,
    generatorDir: fileURLToPath(new URL('../cli/seed/', import.meta.url)),
    log,
  });

  // The bench's own look-ups run as the owner: the runtime role sees no tenant row without a tenant.
  const pool = new pg.Pool({ connectionString: dataset.databaseUrl, max: 2 });
  const gatewayUrls = {
    databaseUrl: databaseUrlFor(env.runtimeUrl, dataset.database),
    replicaUrls: dataset.replicaUrls,
  };
  let report: BenchReport;
  try {
    const benchClient = await findBenchClient(pool);
    const ctx: ScenarioContext = {
      clientId: benchClient.clientId,
      userId: benchClient.userId,
      query: async (sql, params = []) => (await pool.query(sql, [...params])).rows,
    };
    const cases = await planCases(operations, SCENARIOS, VARIABLE_LOOKUPS, ctx);

    const jwtSecret = randomBytes(32).toString('hex');
    const tokens = await TokenService.fromConfig(
      { secret: jwtSecret, publicKey: null, issuer: null, audience: null },
      null,
    );
    const viewer: Viewer = { userId: benchClient.userId, clientId: benchClient.clientId, role: 'admin' };
    const token = await tokens.sign(viewer, 24 * 60 * 60);

    const results = options.peersOnly
      ? []
      : await countStatements(cases, gatewayUrls, tokens, token, options.countedRequests);
    const mainScript = join(root, 'dist', 'src', 'main.js');
    log(`starting the gateway: node ${mainScript}`);
    const gateway: GatewayProcess = await startGateway(mainScript, { ...gatewayUrls, jwtSecret });
    const stopOnSignal = () => void gateway.stop().finally(() => process.exit(130));
    process.once('SIGINT', stopOnSignal);
    process.once('SIGTERM', stopOnSignal);
    let peers: PeerComparison | null = null;
    try {
      if (!options.peersOnly) await measureLoad(cases, results, gateway, token, options);
      if (options.peers.length > 0) {
        const repositoryId = await VARIABLE_LOOKUPS.repositoryId!(ctx);
        if (typeof repositoryId !== 'number') throw new Error('the bench client has no repository');
        peers = await runPeerComparison({
          root,
          dataset,
          ownerUrl: env.ownerUrl,
          runtimeUrl: gatewayUrls.databaseUrl,
          gateway,
          token,
          operations: parsed.operations,
          values: { repositoryId },
          clientId: benchClient.clientId,
          options: {
            peers: options.peers,
            operations: options.compare,
            rounds: options.rounds,
            connections: options.connections,
            throughputSeconds: options.throughputSeconds,
            warmupSeconds: options.throughputWarmupSeconds,
            latencyMaxSamples: options.latencyMaxSamples,
            latencyMaxSeconds: options.latencyMaxSeconds,
            peerRole: options.peerRole,
            valueRows: 5,
          },
          log,
        });
      }
    } finally {
      process.off('SIGINT', stopOnSignal);
      process.off('SIGTERM', stopOnSignal);
      await gateway.stop();
    }

    const [{ server_version: postgresql }] = (await pool.query('show server_version')).rows as {
      server_version: string;
    }[];
    const rows = dataset.rows;
    report = {
      generatedAt: new Date().toISOString(),
      totalSeconds: (performance.now() - started) / 1000,
      machine: await describeMachine(postgresql),
      dataset: {
        database: dataset.database,
        ...dataset.options,
        rows,
        totalRows: Object.values(rows).reduce((sum, n) => sum + n, 0),
        embeddings: dataset.embeddings,
        seededAt: dataset.seededAt,
        seedSeconds: dataset.seedSeconds,
        reused: dataset.reused,
        prepareSeconds: dataset.prepareSeconds,
        replicas: dataset.replicaUrls.length,
      },
      settings: {
        connections: options.connections,
        throughputSeconds: options.throughputSeconds,
        throughputWarmupSeconds: options.throughputWarmupSeconds,
        latencyWarmupSeconds: options.latencyWarmupSeconds,
        latencyMaxSamples: options.latencyMaxSamples,
        latencyMaxSeconds: options.latencyMaxSeconds,
        countedRequests: options.countedRequests,
      },
      benchClient: { ...benchClient, role: viewer.role },
      results,
      checks: deriveChecks(results),
      peers,
      problems,
    };
  } finally {
    await pool.end();
  }

  const outDir = resolve(root, options.outDir);
  await mkdir(outDir, { recursive: true });
  const markdownFile = join(outDir, 'results.md');
  const jsonFile = join(outDir, 'results.json');
  await writeFile(markdownFile, await prettierFormat(renderMarkdown(report), markdownFile));
  await writeFile(jsonFile, await prettierFormat(`${JSON.stringify(report, null, 2)}\n`, jsonFile));
  process.stdout.write(renderConsole(report));
  log(`wrote ${markdownFile} and ${jsonFile} (${report.totalSeconds.toFixed(0)} s in all)`);
  return report;
}

/** The admin of the first seeded client ("Acme Corp"): the token every request carries. */
async function findBenchClient(pool: pg.Pool) {
  const email = demoUsers(1)[0]!.email;
  const { rows } = await pool.query<{ user_id: number; client_id: number; client_name: string }>(
    `select u.id as user_id, u.client_id, c.name as client_name
       from users u join clients c on c.id = u.client_id
      where u.email = $1 and u.active and c.active`,
    [email],
  );
  if (!rows[0]) throw new Error(`the bench database has no active user ${email}`);
  return { userId: rows[0].user_id, clientId: rows[0].client_id, clientName: rows[0].client_name };
}

function emptyResult(benchCase: BenchCase): CaseResult {
  return {
    label: benchCase.label,
    operation: benchCase.operation.name,
    file: benchCase.operation.file,
    pageSize: benchCase.pageSize,
    variables: benchCase.variables,
    status: benchCase.skip ? 'skipped' : 'ok',
    failure: null,
    skipReason: benchCase.skip,
    statements: null,
    embedding: null,
    latency: null,
    throughput: null,
    errors: 0,
    notes: [...benchCase.notes],
  };
}

/** Statement counts (and the first check for GraphQL errors) on an in-process gateway that logs SQL. */
async function countStatements(
  cases: readonly BenchCase[],
  urls: { databaseUrl: string; replicaUrls: string[] },
  tokens: TokenService,
  token: string,
  counted: number,
): Promise<CaseResult[]> {
  const counter = await StatementCounter.open(urls, tokens, token);
  const results: CaseResult[] = [];
  try {
    for (const benchCase of cases) {
      const result = emptyResult(benchCase);
      results.push(result);
      if (benchCase.skip) {
        log(`${benchCase.label}: skipped (${benchCase.skip})`);
        continue;
      }
      const { document, name } = benchCase.operation;
      const warm = await counter.request(document, name, benchCase.variables);
      if (warm.failure) {
        result.status = 'failing';
        result.failure = warm.failure;
        log(`${benchCase.label}: FAILING ${warm.failure.code}: ${warm.failure.message}`);
        continue;
      }
      const counts: number[] = [];
      let last = warm;
      for (let i = 0; i < counted; i++) {
        last = await counter.request(document, name, benchCase.variables);
        if (last.failure) {
          result.status = 'failing';
          result.failure = last.failure;
          break;
        }
        counts.push(last.statements.length);
      }
      if (result.status === 'failing') continue;
      result.statements = summarizeStatements(counts, last.statements);
      const nullFields = nullTopLevelFields(last.body);
      if (nullFields.length > 0) {
        result.notes.push(`${nullFields.join(', ')} returned null: check its variables`);
      }

      if (benchCase.operation.embeddingSelections > 0) {
        const values = countKeys(JSON.parse(last.body), 'embedding');
        const stripped = withoutField(document, 'embedding');
        let statementsWithout: number | null = null;
        if (stripped) {
          await counter.request(stripped, name, benchCase.variables);
          const without = await counter.request(stripped, name, benchCase.variables);
          if (without.failure) result.notes.push(`without embedding it fails: ${without.failure.code}`);
          else statementsWithout = without.statements.length;
        }
        result.embedding = {
          selections: benchCase.operation.embeddingSelections,
          values: values.total,
          nonNull: values.nonNull,
          statementsWithout,
        };
      }
      log(`${benchCase.label}: ${counts.join(', ')} statement(s) per request`);
    }
  } finally {
    await counter.close();
  }
  return results;
}

function summarizeStatements(
  counts: readonly number[],
  statements: readonly { sql: string; connection: string }[],
): StatementSummary {
  return {
    min: Math.min(...counts),
    max: Math.max(...counts),
    read: statements.filter((statement) => statement.connection === 'read').length,
    write: statements.filter((statement) => statement.connection !== 'read').length,
    sql: statements.map((statement) =>
      statement.sql.length > 500 ? `${statement.sql.slice(0, 500)}...` : statement.sql,
    ),
  };
}

/** Latency (one client) and throughput (N connections) of every case against the gateway's process. */
async function measureLoad(
  cases: readonly BenchCase[],
  results: CaseResult[],
  gateway: GatewayProcess,
  token: string,
  options: BenchOptions,
): Promise<void> {
  const measurable = cases.map((benchCase, index) => ({ benchCase, result: results[index]! }));
  if (!measurable.some(({ result }) => result.status === 'ok')) return;
  for (const { benchCase, result } of measurable) {
    if (result.status !== 'ok') continue;
    const target: HttpTarget = {
      url: `${gateway.origin}/graphql`,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: requestBody(benchCase.operation.document, benchCase.operation.name, benchCase.variables),
    };
    const sequential = await measureSequential(target, {
      warmupSeconds: options.latencyWarmupSeconds,
      maxSamples: options.latencyMaxSamples,
      maxSeconds: options.latencyMaxSeconds,
    });
    if (sequential.latencies.length === 0) {
      result.status = 'failing';
      result.failure = sequential.firstFailure ?? { code: 'ERROR', message: 'no successful request' };
      log(`${benchCase.label}: FAILING on the gateway ${result.failure.code}: ${result.failure.message}`);
      continue;
    }
    result.latency = summarizeLatencies(sequential.latencies);
    const throughput = await measureThroughput(target, {
      connections: options.connections,
      seconds: options.throughputSeconds,
      warmupSeconds: options.throughputWarmupSeconds,
    });
    result.throughput = throughput;
    result.errors = sequential.errors + throughput.errors;
    if (sequential.firstFailure) result.notes.push(`first error: ${sequential.firstFailure.code}`);
    log(
      `${benchCase.label}: p50 ${formatMs(result.latency.p50)} ms, p99 ${formatMs(result.latency.p99)} ms ` +
        `(${result.latency.samples} samples), ${formatCount(throughput.rps)} rps at ${throughput.connections}, ` +
        `${result.errors} error(s)`,
    );
  }
}

/** Formats a results file as `npm run check:format` expects, when prettier (a dev dependency) is there. */
async function prettierFormat(text: string, file: string): Promise<string> {
  try {
    const prettier = await import('prettier');
    const config = (await prettier.resolveConfig(file)) ?? {};
    return await prettier.format(text, { ...config, filepath: file });
  } catch {
    return text;
  }
}
