import type { Failure } from './graphql-response.js';
import type { ThroughputResult } from './load.js';
import type { MachineInfo } from './machine.js';
import type { ComparedResult, PeerComparison, ServerName, ServerSummary } from './peer-comparison.js';
import { PEER_LABELS } from './peer-queries.js';
import type { Variables } from './scenarios.js';
import type { LatencySummary } from './stats.js';

export interface StatementSummary {
  /** Fewest and most statements over the counted requests (equal unless something varies). */
  min: number;
  max: number;
  /** Of the last counted request: statements sent to a replica / to the primary. */
  read: number;
  write: number;
  /** The SQL of the last counted request, each cut at 500 characters. */
  sql: string[];
}

export interface EmbeddingSummary {
  /** `embedding` fields in the operation. */
  selections: number;
  /** `embedding` values in the response, and how many were not null. */
  values: number;
  nonNull: number;
  /** Statements of the same request without the `embedding` fields; null when it cannot be stripped. */
  statementsWithout: number | null;
}

export interface CaseResult {
  label: string;
  operation: string;
  file: string;
  pageSize: number | null;
  variables: Variables;
  status: 'ok' | 'failing' | 'skipped';
  failure: Failure | null;
  skipReason: string | null;
  statements: StatementSummary | null;
  embedding: EmbeddingSummary | null;
  latency: LatencySummary | null;
  throughput: ThroughputResult | null;
  /** Failed requests during the measured sequential and concurrent runs. */
  errors: number;
  notes: string[];
}

export interface DatasetSummary {
  database: string;
  clients: number;
  issuesPerClient: number;
  embeddingShare: number;
  randomSeed: number;
  rows: Record<string, number>;
  totalRows: number;
  embeddings: number;
  seededAt: string;
  seedSeconds: number;
  reused: boolean;
  prepareSeconds: number;
  replicas: number;
}

export interface BenchSettings {
  connections: number;
  throughputSeconds: number;
  throughputWarmupSeconds: number;
  latencyWarmupSeconds: number;
  latencyMaxSamples: number;
  latencyMaxSeconds: number;
  countedRequests: number;
}

export interface BenchReport {
  generatedAt: string;
  totalSeconds: number;
  machine: MachineInfo;
  dataset: DatasetSummary;
  settings: BenchSettings;
  benchClient: { clientId: number; clientName: string; userId: number; role: string };
  results: CaseResult[];
  checks: string[];
  /** The side-by-side run with PostGraphile, or null when `--peers none`. */
  peers: PeerComparison | null;
  /** Operation files that could not be used, scenarios without an operation. */
  problems: string[];
}

type Align = 'left' | 'right';

/**
 * A markdown table with padded columns, laid out exactly as prettier formats it (so `prettier --check`
 * passes on the results file), and readable as is in a terminal.
 */
export function renderTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly Align[],
) {
  const escape = (cell: string) => cell.replace(/\|/g, '\\|');
  const cells = [header, ...rows].map((row) => row.map(escape));
  const widths = header.map((_, column) => Math.max(3, ...cells.map((row) => (row[column] ?? '').length)));
  const line = (row: readonly string[]) =>
    `| ${widths
      .map((width, column) => {
        const cell = row[column] ?? '';
        return align[column] === 'right' ? cell.padStart(width) : cell.padEnd(width);
      })
      .join(' | ')} |`;
  const rule = `| ${widths.map((width, column) => (align[column] === 'right' ? `${'-'.repeat(width - 1)}:` : '-'.repeat(width))).join(' | ')} |`;
  return [line(cells[0]!), rule, ...cells.slice(1).map(line)].join('\n');
}

/** Milliseconds: two decimals under 10 ms, one under 100 ms, none above. */
export function formatMs(value: number): string {
  if (value < 10) return value.toFixed(2);
  if (value < 100) return value.toFixed(1);
  return value.toFixed(0);
}

export function formatCount(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

export const RESULT_COLUMNS = [
  'operation',
  'statements/request',
  'p50 ms',
  'p99 ms',
  'rps@32',
  'errors',
  'notes',
];

export function resultRow(result: CaseResult): string[] {
  const statements = result.statements
    ? result.statements.min === result.statements.max
      ? String(result.statements.max)
      : `${result.statements.min}-${result.statements.max}`
    : 'n/a';
  const errors =
    result.status === 'failing'
      ? `FAILING: ${result.failure?.code ?? 'ERROR'}`
      : result.status === 'skipped'
        ? 'skipped'
        : String(result.errors);
  const notes = [...result.notes];
  if (result.skipReason) notes.unshift(result.skipReason);
  if (result.failure) notes.unshift(result.failure.message);
  if (result.statements && result.statements.write > 0) {
    notes.push(`${result.statements.write} on the primary`);
  }
  if (result.embedding) notes.push(embeddingNote(result.embedding, result.statements));
  if (result.latency && result.latency.samples < 100)
    notes.push(`p99 of only ${result.latency.samples} samples`);
  return [
    result.label,
    statements,
    result.latency ? formatMs(result.latency.p50) : 'n/a',
    result.latency ? formatMs(result.latency.p99) : 'n/a',
    result.throughput ? formatCount(result.throughput.rps) : 'n/a',
    errors,
    notes.join('; '),
  ];
}

function embeddingNote(embedding: EmbeddingSummary, statements: StatementSummary | null): string {
  const values = `selects embedding (${embedding.values} values, ${embedding.nonNull} non-null)`;
  if (embedding.statementsWithout === null || !statements) return values;
  const extra = statements.max - embedding.statementsWithout;
  return `${values}: ${extra >= 0 ? '+' : ''}${extra} statement(s) for it`;
}

export function renderResultsTable(results: readonly CaseResult[]): string {
  return renderTable(RESULT_COLUMNS, results.map(resultRow), [
    'left',
    'right',
    'right',
    'right',
    'right',
    'right',
    'left',
  ]);
}

/**
 * What the figures show about the two design targets: the statement count does not grow with the page
 * size, and selecting `embedding` costs one statement more, not one per row.
 */
export function deriveChecks(results: readonly CaseResult[]): string[] {
  const checks: string[] = [];
  const byOperation = new Map<string, CaseResult[]>();
  for (const result of results) {
    if (result.pageSize === null || !result.statements || result.status !== 'ok') continue;
    byOperation.set(result.operation, [...(byOperation.get(result.operation) ?? []), result]);
  }
  for (const [operation, variants] of byOperation) {
    if (variants.length < 2) continue;
    const counts = variants.map((v) => `${rangeOf(v.statements!)} at first: ${v.pageSize}`).join(', ');
    const same = new Set(variants.map((v) => rangeOf(v.statements!))).size === 1;
    checks.push(
      same
        ? `${operation}: statements do not depend on the page size (${counts})`
        : `${operation}: WARNING statements grow with the page size (${counts})`,
    );
  }
  for (const result of results) {
    const { embedding, statements } = result;
    if (!embedding || !statements || result.status !== 'ok') continue;
    if (embedding.statementsWithout === null) {
      checks.push(`${result.label}: selects embedding; could not strip it to compare`);
      continue;
    }
    const extra = statements.max - embedding.statementsWithout;
    const verdict =
      extra <= 1 ? 'meets the target (at most one statement more)' : 'WARNING misses the target';
    checks.push(
      `${result.label}: selecting embedding for ${embedding.values} rows costs ${extra} statement(s) ` +
        `(${statements.max} with, ${embedding.statementsWithout} without): ${verdict}`,
    );
  }
  return checks;
}

function rangeOf(statements: StatementSummary): string {
  return statements.min === statements.max ? String(statements.max) : `${statements.min}-${statements.max}`;
}

const HEADLINE_TABLES = [
  'issues',
  'issue_changelogs',
  'pull_requests',
  'pull_request_reviews',
  'pull_request_commits',
  'pull_request_comments',
  'jira_pull_request_links',
];

export function datasetLines(dataset: DatasetSummary): string[] {
  const rows = HEADLINE_TABLES.filter((table) => dataset.rows[table] !== undefined)
    .map((table) => `${formatCount(dataset.rows[table]!)} ${table}`)
    .join(', ');
  return [
    `database \`${dataset.database}\`: ${dataset.clients} clients x ${formatCount(dataset.issuesPerClient)} issues ` +
      `(random seed ${dataset.randomSeed}), embeddings on ${dataset.embeddingShare * 100}% of rows`,
    `rows: ${rows}; ${formatCount(dataset.totalRows)} rows in all, ${formatCount(dataset.embeddings)} embeddings`,
    `seeded ${dataset.seededAt} in ${dataset.seedSeconds.toFixed(0)} s` +
      (dataset.reused ? ', reused by this run' : ', by this run') +
      `; ${dataset.replicas} streaming replica(s), caught up before measuring`,
  ];
}

export function machineLines(machine: MachineInfo): string[] {
  return [
    `CPU: ${machine.cpuModel}, ${machine.cores} cores, ${machine.memoryGiB} GiB RAM, ${machine.os}`,
    `Node ${machine.node}, PostgreSQL ${machine.postgresql}` +
      (machine.loadAverage
        ? `; load average at the end of the run ${machine.loadAverage.join(', ')} (1, 5, 15 min)`
        : ''),
    `The load generator, the gateway and both PostgreSQL servers (primary and replica) share these ` +
      `${machine.cores} cores: compare operations and revisions with these figures, do not read them as capacity.`,
  ];
}

export function methodLines(report: BenchReport): string[] {
  const s = report.settings;
  return [
    `statements/request: SQL statements the ORM logged per request, on a separate in-process gateway with a ` +
      `query logger (after a warm-up request, over ${s.countedRequests} requests; a range when they differ)`,
    `p50/p99: one client, sequential requests on one keep-alive connection, after a ${s.latencyWarmupSeconds} s ` +
      `warm-up; up to ${s.latencyMaxSamples} requests or ${s.latencyMaxSeconds} s`,
    `rps@${s.connections}: autocannon, ${s.connections} keep-alive connections for ${s.throughputSeconds} s after a ` +
      `${s.throughputWarmupSeconds} s warm-up`,
    `gateway: \`node dist/src/main.js\` in a child process (NODE_ENV=production, LOG_LEVEL=warn), reads on the replica`,
    `token: ${report.benchClient.role} of client ${report.benchClient.clientId} "${report.benchClient.clientName}" ` +
      `(user ${report.benchClient.userId}); variables from src/bench/scenarios.ts`,
    `errors: failed requests (non-2xx or GraphQL errors) while measuring; FAILING: the operation answered ` +
      `with errors and was not measured`,
  ];
}

/** Requests per second: one decimal under 100 (a loaded machine gives small rates), none above. */
export function formatRate(value: number): string {
  return value < 100 ? value.toFixed(1) : formatCount(value);
}

/** `1.52x`, or `n/a` when a figure is missing. */
export function formatRatio(value: number | null): string {
  return value === null ? 'n/a' : `${value.toFixed(2)}x`;
}

function figure(summary: ServerSummary | undefined, pick: (summary: ServerSummary) => number | null) {
  const value = summary ? pick(summary) : null;
  return value === null ? 'n/a' : value;
}

function serverOf(result: ComparedResult, server: ServerName): ServerSummary | undefined {
  return result.servers.find((summary) => summary.server === server);
}

/**
 * The side-by-side table: per compared operation, requests per second at N connections and p50/p99 at
 * one connection of the gateway and each peer (medians over the rounds), and the gateway's ratios.
 */
export function renderPeerTable(comparison: PeerComparison, connections: number): string {
  const peers = comparison.peers;
  const header = [
    'query',
    `gateway rps@${connections}`,
    ...peers.map((peer) => `${peer} rps`),
    ...peers.map((peer) => `gateway/${peer}`),
    'gateway p50 ms',
    ...peers.map((peer) => `${peer} p50`),
    'gateway p99 ms',
    ...peers.map((peer) => `${peer} p99`),
  ];
  const ms = (value: number | 'n/a') => (value === 'n/a' ? value : formatMs(value));
  const count = (value: number | 'n/a') => (value === 'n/a' ? value : formatRate(value));
  const rows = comparison.results.map((result) => {
    const gateway = serverOf(result, 'gateway');
    return [
      result.description,
      count(figure(gateway, (s) => s.rps)),
      ...peers.map((peer) => count(figure(serverOf(result, peer), (s) => s.rps))),
      ...peers.map((peer) => formatRatio(ratioOf(gateway?.rps ?? null, serverOf(result, peer)?.rps ?? null))),
      ms(figure(gateway, (s) => s.p50)),
      ...peers.map((peer) => ms(figure(serverOf(result, peer), (s) => s.p50))),
      ms(figure(gateway, (s) => s.p99)),
      ...peers.map((peer) => ms(figure(serverOf(result, peer), (s) => s.p99))),
    ];
  });
  return renderTable(header, rows, ['left', ...header.slice(1).map(() => 'right' as const)]);
}

function ratioOf(numerator: number | null, denominator: number | null): number | null {
  return numerator === null || denominator === null || !(denominator > 0) ? null : numerator / denominator;
}

/** CPU per request (server process, database backends, both) and resident memory, per server. */
export function renderPeerCpuTable(comparison: PeerComparison): string {
  const header = [
    'query',
    'server',
    'server CPU ms/request',
    'database CPU ms/request',
    'total CPU ms/request',
    'RSS MiB',
    'errors',
  ];
  const rows: string[][] = [];
  for (const result of comparison.results) {
    for (const summary of result.servers) {
      const total =
        summary.serverCpuMs === null || summary.databaseCpuMs === null
          ? null
          : summary.serverCpuMs + summary.databaseCpuMs;
      rows.push([
        result.operation,
        serverLabel(summary.server),
        summary.serverCpuMs === null ? 'n/a' : formatMs(summary.serverCpuMs),
        summary.databaseCpuMs === null ? 'n/a' : formatMs(summary.databaseCpuMs),
        total === null ? 'n/a' : formatMs(total),
        summary.rssMiB === null ? 'n/a' : summary.rssMiB.toFixed(0),
        String(summary.errors),
      ]);
    }
  }
  return renderTable(header, rows, ['left', 'left', 'right', 'right', 'right', 'right', 'right']);
}

function serverLabel(server: ServerName): string {
  return server === 'gateway' ? 'gateway' : PEER_LABELS[server];
}

export function goalLines(comparison: PeerComparison): string[] {
  return comparison.goals.map(
    (goal) =>
      `${goal.met === null ? 'NOT MEASURED' : goal.met ? 'MET' : 'NOT MET'}: ${goal.text} ` +
      `(measured ${formatRatio(goal.ratio)}, goal ${goal.target.toFixed(1)}x)`,
  );
}

export function peerMethodLines(comparison: PeerComparison, settings: BenchSettings): string[] {
  return [
    `peers: ${comparison.peers.map((peer) => PEER_LABELS[peer]).join(', ')} (bench/peers: v4 with ` +
      `@graphile-contrib/pg-simplify-inflector, v5 with the amber and simplify-inflection presets), each in its ` +
      `own process, pool of 20 like the gateway, NODE_ENV=production`,
    `same database, same data, same tenant: the peers log in as \`${comparison.peerRole}\` on the ` +
      `${comparison.peerDatabase} (where the gateway reads) with \`pulse.client_id\` set per transaction ` +
      `(pgSettings); tenant rows ` +
      (comparison.tenancy === 'rls'
        ? 'scoped by row level security'
        : 'scoped by a clientId condition in their queries, as the database has no RLS for that role yet'),
    `before timing, each peer's answer was checked against the gateway's: same rows and nested rows (ids, ` +
      `counts, order) everywhere, the first 5 rows value by value (${comparison.results
        .map((result) => `${result.operation}: ${formatCount(result.checkedRows)} rows`)
        .join(', ')})`,
    `${comparison.rounds} interleaved round(s) (each round starts with another server); the tables show ` +
      `medians. Per round and server: p50/p99 of one sequential client (${settings.latencyWarmupSeconds} s ` +
      `warm-up, up to ${settings.latencyMaxSamples} requests or ${settings.latencyMaxSeconds} s), then ` +
      `${settings.connections} connections (autocannon) for ${settings.throughputSeconds} s after a ` +
      `${settings.throughputWarmupSeconds} s warm-up`,
    `CPU per request: utime + stime from /proc/<pid>/stat over the ${settings.connections}-connection run, divided ` +
      `by the requests completed; server = the server's process, database = the PostgreSQL backends connected ` +
      `to the bench database on the primary and the replica (pg_stat_activity) over the same run; RSS: the ` +
      `server's resident memory after the run (largest of the rounds)`,
  ];
}

export function renderMarkdown(report: BenchReport): string {
  const list = (lines: readonly string[]) => lines.map((line) => `- ${line}`).join('\n');
  const sections = [
    '# Benchmark results',
    `Written by \`npm run bench\` on ${report.generatedAt} (${report.totalSeconds.toFixed(0)} s). ` +
      'Re-run it rather than editing this file; the raw figures are in `results.json`.',
    '## Machine',
    list(machineLines(report.machine)),
    '## Data set',
    list(datasetLines(report.dataset)),
    '## Method',
    list(methodLines(report)),
  ];
  if (report.results.length > 0) sections.push('## Results', renderResultsTable(report.results));
  if (report.peers) {
    sections.push(
      '## Side by side with PostGraphile',
      renderPeerTable(report.peers, report.settings.connections),
      renderPeerCpuTable(report.peers),
      '### Goals',
      list(goalLines(report.peers)),
      '### How',
      list(peerMethodLines(report.peers, report.settings)),
    );
  }
  if (report.checks.length > 0) sections.push('## Checks', list(report.checks));
  if (report.problems.length > 0) sections.push('## Problems', list(report.problems));
  return `${sections.join('\n\n')}\n`;
}

/** What goes to stdout: the same content, without the markdown headings' ceremony. */
export function renderConsole(report: BenchReport): string {
  const lines = [
    '',
    `Machine: ${machineLines(report.machine).join('\n         ')}`,
    `Data set: ${datasetLines(report.dataset).join('\n          ')}`,
    '',
    ...(report.results.length > 0 ? [renderResultsTable(report.results), ''] : []),
    ...(report.peers
      ? [
          renderPeerTable(report.peers, report.settings.connections),
          '',
          renderPeerCpuTable(report.peers),
          '',
          ...goalLines(report.peers).map((line) => `goal: ${line}`),
          '',
        ]
      : []),
    ...report.checks.map((check) => `check: ${check}`),
    ...report.problems.map((problem) => `problem: ${problem}`),
  ];
  return `${lines.join('\n')}\n`;
}
