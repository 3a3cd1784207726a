import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { FastifyInstance } from 'fastify';

import { FALLBACK_REASONS } from '../db/read-routing.js';
import type { ReadRouter } from '../db/read-routing.js';

/**
 * Prometheus text exposition (format 0.0.4), hand-rolled: counters, histograms and gauges read at
 * scrape time. Every label set is bounded: routes are Fastify's route patterns (or `unmatched`),
 * methods a fixed list, GraphQL operation names capped (the rest are `other`).
 */

type Labels = Record<string, string>;
interface Sample {
  labels: Labels;
  value: number;
}

interface Metric {
  name: string;
  help: string;
  type: 'counter' | 'gauge' | 'histogram';
  lines(): string[];
}

export const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export class Counter {
  private readonly values = new Map<string, Sample>();
  constructor(private readonly labelNames: readonly string[]) {}

  inc(labels: Labels = {}, by = 1): void {
    const key = labelKey(this.labelNames, labels);
    const sample = this.values.get(key);
    if (sample) sample.value += by;
    else this.values.set(key, { labels: pick(this.labelNames, labels), value: by });
  }

  samples(): Sample[] {
    return [...this.values.values()];
  }
}

export class Histogram {
  private readonly series = new Map<
    string,
    { labels: Labels; counts: number[]; sum: number; count: number }
  >();
  constructor(
    private readonly labelNames: readonly string[],
    readonly buckets: readonly number[] = DURATION_BUCKETS,
  ) {}

  observe(labels: Labels, value: number): void {
    const key = labelKey(this.labelNames, labels);
    let series = this.series.get(key);
    if (!series) {
      series = { labels: pick(this.labelNames, labels), counts: this.buckets.map(() => 0), sum: 0, count: 0 };
      this.series.set(key, series);
    }
    this.buckets.forEach((bound, index) => {
      if (value <= bound) series.counts[index]!++;
    });
    series.sum += value;
    series.count++;
  }

  lines(name: string): string[] {
    const out: string[] = [];
    for (const { labels, counts, sum, count } of this.series.values()) {
      this.buckets.forEach((bound, index) => {
        out.push(`${name}_bucket${formatLabels({ ...labels, le: formatNumber(bound) })} ${counts[index]}`);
      });
      out.push(`${name}_bucket${formatLabels({ ...labels, le: '+Inf' })} ${count}`);
      out.push(`${name}_sum${formatLabels(labels)} ${formatNumber(sum)}`);
      out.push(`${name}_count${formatLabels(labels)} ${count}`);
    }
    return out;
  }
}

export class MetricsRegistry {
  private readonly metrics: Metric[] = [];

  counter(name: string, help: string, labelNames: readonly string[] = []): Counter {
    const counter = new Counter(labelNames);
    this.add(name, help, 'counter', () => sampleLines(name, counter.samples()));
    return counter;
  }

  histogram(
    name: string,
    help: string,
    labelNames: readonly string[] = [],
    buckets: readonly number[] = DURATION_BUCKETS,
  ): Histogram {
    const histogram = new Histogram(labelNames, buckets);
    this.add(name, help, 'histogram', () => histogram.lines(name));
    return histogram;
  }

  /** A value read at scrape time (a gauge, or a counter kept elsewhere). */
  collect(name: string, help: string, type: 'counter' | 'gauge', read: () => Sample[]): void {
    this.add(name, help, type, () => sampleLines(name, read()));
  }

  render(): string {
    const blocks = this.metrics.map((metric) =>
      [`# HELP ${metric.name} ${escapeHelp(metric.help)}`, `# TYPE ${metric.name} ${metric.type}`]
        .concat(metric.lines())
        .join('\n'),
    );
    return `${blocks.join('\n')}\n`;
  }

  private add(name: string, help: string, type: Metric['type'], lines: () => string[]): void {
    if (!/^[a-zA-Z_:][a-zA-Z0-9_:]*$/.test(name)) throw new Error(`invalid metric name: ${name}`);
    if (this.metrics.some((metric) => metric.name === name)) throw new Error(`duplicate metric: ${name}`);
    this.metrics.push({ name, help, type, lines });
  }
}

export const EXPOSITION_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

const HTTP_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,63}$/;

export type GraphqlOutcome = 'success' | 'error' | 'invalid';

/** The gateway's metrics; one per server (tests run several servers in one process). */
export interface GatewayMetrics {
  registry: MetricsRegistry;
  observeHttpRequest(method: string, route: string | undefined, status: number, seconds: number): void;
  observeGraphqlOperation(
    operationName: string | null | undefined,
    operationType: string | null | undefined,
    outcome: GraphqlOutcome,
    seconds: number,
  ): void;
  render(): string;
}

export interface GatewayMetricsOptions {
  /** Distinct GraphQL operation names kept as labels; later new names count as `other`. */
  maxOperationNames: number;
}

export function createGatewayMetrics(
  router: Pick<ReadRouter, 'replicas' | 'stats'> | null,
  options: Partial<GatewayMetricsOptions> = {},
): GatewayMetrics {
  const maxOperationNames = options.maxOperationNames ?? 100;
  const registry = new MetricsRegistry();
  const httpRequests = registry.counter(
    'pulse_http_requests_total',
    'HTTP requests by route pattern and status.',
    ['method', 'route', 'status'],
  );
  const httpDuration = registry.histogram(
    'pulse_http_request_duration_seconds',
    'HTTP request duration, from the request arriving to the response sent.',
    ['method', 'route', 'status'],
  );
  const graphqlOperations = registry.counter(
    'pulse_graphql_operations_total',
    'GraphQL operations by operation name (capped), type and outcome (success, error: some field failed, invalid: did not parse or validate).',
    ['operation', 'type', 'outcome'],
  );
  const graphqlDuration = registry.histogram(
    'pulse_graphql_operation_duration_seconds',
    'GraphQL operation duration by operation name (capped) and type.',
    ['operation', 'type'],
  );
  const operationNames = new Set<string>();

  if (router) {
    registry.collect(
      'pulse_db_reads_total',
      'Read statements (and ORM read-connection picks) by the server that took them.',
      'counter',
      () => {
        const { reads } = router.stats();
        return [
          { labels: { target: 'replica' }, value: reads.replica },
          { labels: { target: 'primary' }, value: reads.primary },
        ];
      },
    );
    registry.collect(
      'pulse_db_read_fallbacks_total',
      'Reads sent to the primary although replicas are configured, by reason.',
      'counter',
      () => {
        const { fallbacks } = router.stats();
        return FALLBACK_REASONS.map((reason) => ({ labels: { reason }, value: fallbacks[reason] }));
      },
    );
    registry.collect('pulse_db_replica_up', 'Whether the replica answered its last probe.', 'gauge', () =>
      router
        .replicas()
        .map((replica) => ({ labels: { replica: replica.name }, value: replica.reachable ? 1 : 0 })),
    );
    registry.collect(
      'pulse_db_replica_healthy',
      'Whether the replica gets reads (reachable, in recovery, within the lag limits).',
      'gauge',
      () =>
        router
          .replicas()
          .map((replica) => ({ labels: { replica: replica.name }, value: replica.healthy ? 1 : 0 })),
    );
    registry.collect(
      'pulse_db_replica_lag_bytes',
      'WAL bytes the replica has not replayed yet (absent when unknown).',
      'gauge',
      () =>
        router
          .replicas()
          .filter((replica) => replica.lagBytes !== null)
          .map((replica) => ({ labels: { replica: replica.name }, value: replica.lagBytes! })),
    );
    registry.collect(
      'pulse_db_replica_lag_seconds',
      'Seconds since the primary first had WAL the replica has not replayed (absent when unknown).',
      'gauge',
      () =>
        router
          .replicas()
          .filter((replica) => replica.lagSeconds !== null)
          .map((replica) => ({ labels: { replica: replica.name }, value: replica.lagSeconds! })),
    );
  }
  registry.collect('process_resident_memory_bytes', 'Resident memory size in bytes.', 'gauge', () => [
    { labels: {}, value: process.memoryUsage.rss() },
  ]);
  registry.collect(
    'process_start_time_seconds',
    'Start time of the process since the Unix epoch.',
    'gauge',
    () => [{ labels: {}, value: Math.round(Date.now() / 1000 - process.uptime()) }],
  );

  const operationLabel = (name: string | null | undefined): string => {
    if (!name) return 'anonymous';
    if (!GRAPHQL_NAME.test(name)) return 'other';
    if (operationNames.has(name)) return name;
    if (operationNames.size >= maxOperationNames) return 'other';
    operationNames.add(name);
    return name;
  };
  const operationTypeLabel = (type: string | null | undefined): string =>
    type === 'query' || type === 'mutation' || type === 'subscription' ? type : 'unknown';

  return {
    registry,
    observeHttpRequest(method, route, status, seconds) {
      const labels = {
        method: HTTP_METHODS.has(method) ? method : 'OTHER',
        route: route ?? 'unmatched',
        status: String(status),
      };
      httpRequests.inc(labels);
      httpDuration.observe(labels, seconds);
    },
    observeGraphqlOperation(operationName, operationType, outcome, seconds) {
      // An operation that did not parse has no trustworthy name: the request's operationName is free text.
      const operation = outcome === 'invalid' && !operationType ? 'unknown' : operationLabel(operationName);
      const type = operationTypeLabel(operationType);
      graphqlOperations.inc({ operation, type, outcome });
      graphqlDuration.observe({ operation, type }, seconds);
    },
    render: () => registry.render(),
  };
}

/** Counts every HTTP request (by route pattern) and serves `GET /metrics`. */
export function registerMetricsRoutes(app: FastifyInstance, metrics: GatewayMetrics): void {
  app.addHook('onResponse', (request, reply, done) => {
    metrics.observeHttpRequest(
      request.method,
      request.routeOptions.url,
      reply.statusCode,
      reply.elapsedTime / 1000,
    );
    done();
  });
  app.get('/metrics', async (_request, reply) => {
    reply.header('content-type', EXPOSITION_CONTENT_TYPE).header('cache-control', 'no-store');
    return metrics.render();
  });
}

/**
 * Apollo plugin counting GraphQL operations by name, type and outcome. Add it to ApolloServer's
 * `plugins` with the server's metrics: `graphqlMetricsPlugin(metrics)`.
 */
export function graphqlMetricsPlugin<TContext extends BaseContext>(
  metrics: GatewayMetrics,
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      const started = performance.now();
      let operationName: string | null = null;
      let operationType: string | null = null;
      let resolved = false;
      let failed = false;
      return {
        async didResolveOperation(requestContext) {
          resolved = true;
          operationName = requestContext.operationName ?? null;
          operationType = requestContext.operation?.operation ?? null;
        },
        async didEncounterErrors() {
          failed = true;
        },
        async willSendResponse() {
          const outcome: GraphqlOutcome = !resolved ? 'invalid' : failed ? 'error' : 'success';
          metrics.observeGraphqlOperation(
            operationName,
            operationType,
            outcome,
            (performance.now() - started) / 1000,
          );
        },
      };
    },
  };
}

function sampleLines(name: string, samples: Sample[]): string[] {
  return samples.map(({ labels, value }) => `${name}${formatLabels(labels)} ${formatNumber(value)}`);
}

function pick(labelNames: readonly string[], labels: Labels): Labels {
  return Object.fromEntries(labelNames.map((label) => [label, labels[label] ?? '']));
}

function labelKey(labelNames: readonly string[], labels: Labels): string {
  return labelNames.map((label) => labels[label] ?? '').join('\u0000');
}

function formatLabels(labels: Labels): string {
  const entries = Object.entries(labels);
  if (entries.length === 0) return '';
  return `{${entries.map(([key, value]) => `${key}="${escapeLabelValue(value)}"`).join(',')}}`;
}

function escapeLabelValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

function escapeHelp(help: string): string {
  return help.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
}

function formatNumber(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Number.POSITIVE_INFINITY) return '+Inf';
  if (value === Number.NEGATIVE_INFINITY) return '-Inf';
  return String(value);
}
