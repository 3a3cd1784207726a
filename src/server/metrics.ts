import { timingSafeEqual } from 'node:crypto';

import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

import { poolUsage } from '../db/pool-usage.js';
import type { ReadPathMetrics } from '../db/read-path-metrics.js';
import type { ReadRouter } from '../db/read-router.js';
import type { Orm } from '../db/database.js';

/**
 * The gateway's Prometheus metrics (prom-client): Node's default process, event-loop, GC and heap
 * metrics, HTTP and GraphQL latency, GraphQL errors by code, pool use, replica health and lag, read
 * routing decisions and DataLoader batch sizes. One registry per server, so tests can run several
 * servers in one process. Every label set is bounded: routes are Fastify's route patterns, methods a
 * fixed list, operation names capped (later ones count as `other`), error codes a fixed shape.
 */

export const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** DataLoader batches hold 1 to 1000 keys (maxBatchSize). */
const BATCH_SIZE_BUCKETS = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000];

const HTTP_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,63}$/;
const ERROR_CODE = /^[A-Z][A-Z0-9_]{0,47}$/;
const LOADER_KIND = /^[A-Za-z][\w.#]{0,95}$/;

export type GraphqlOutcome = 'success' | 'error' | 'invalid';

export interface GatewayMetricsOptions {
  /** Distinct GraphQL operation names kept as labels; later new names count as `other`. */
  maxOperationNames: number;
}

/** What the metrics read at scrape time; absent in unit tests of the HTTP and GraphQL metrics. */
export interface MetricsSources {
  router: Pick<ReadRouter, 'replicas'>;
  orm: Orm;
  kind: 'postgresql' | 'embedded';
}

export class GatewayMetrics implements ReadPathMetrics {
  readonly registry = new Registry();
  private readonly operationNames = new Set<string>();
  private readonly maxOperationNames: number;
  private readonly httpRequests: Counter<'method' | 'route' | 'status'>;
  private readonly httpDuration: Histogram<'method' | 'route' | 'status'>;
  private readonly graphqlDuration: Histogram<'operation' | 'type' | 'outcome'>;
  private readonly graphqlErrors: Counter<'code'>;
  private readonly readRouting: Counter<'target' | 'reason'>;
  private readonly loaderBatches: Histogram<'loader'>;

  constructor(sources: MetricsSources | null, options: Partial<GatewayMetricsOptions> = {}) {
    this.maxOperationNames = options.maxOperationNames ?? 100;
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });

    this.httpRequests = new Counter({
      name: 'pulse_http_requests_total',
      help: 'HTTP requests by method, route pattern and status.',
      labelNames: ['method', 'route', 'status'],
      registers,
    });
    this.httpDuration = new Histogram({
      name: 'pulse_http_request_duration_seconds',
      help: 'HTTP request duration, from the request arriving to the response sent, by route pattern.',
      labelNames: ['method', 'route', 'status'],
      buckets: DURATION_BUCKETS,
      registers,
    });
    this.graphqlDuration = new Histogram({
      name: 'pulse_graphql_operation_duration_seconds',
      help: 'GraphQL operation duration by operation name (capped), type and outcome (success; error: some field failed; invalid: did not parse or validate).',
      labelNames: ['operation', 'type', 'outcome'],
      buckets: DURATION_BUCKETS,
      registers,
    });
    this.graphqlErrors = new Counter({
      name: 'pulse_graphql_errors_total',
      help: 'GraphQL errors by extensions.code (INTERNAL_SERVER_ERROR when none).',
      labelNames: ['code'],
      registers,
    });
    this.readRouting = new Counter({
      name: 'pulse_db_read_routing_total',
      help: 'Read routing decisions: target replica or primary, and why not a replica (none: no replica configured).',
      labelNames: ['target', 'reason'],
      registers,
    });
    this.loaderBatches = new Histogram({
      name: 'pulse_dataloader_batch_size',
      help: 'Keys per DataLoader batch (one SQL statement each), by table and relation.',
      labelNames: ['loader'],
      buckets: BATCH_SIZE_BUCKETS,
      registers,
    });
    if (sources) this.registerDatabaseGauges(sources);
  }

  observeHttpRequest(method: string, route: string | undefined, status: number, seconds: number): void {
    const labels = {
      method: HTTP_METHODS.has(method) ? method : 'OTHER',
      route: route ?? 'unmatched',
      status: String(status),
    };
    this.httpRequests.inc(labels);
    this.httpDuration.observe(labels, seconds);
  }

  observeGraphqlOperation(
    operationName: string | null | undefined,
    operationType: string | null | undefined,
    outcome: GraphqlOutcome,
    seconds: number,
  ): void {
    // An operation that did not parse has no trustworthy name: the request's operationName is free text.
    const operation =
      outcome === 'invalid' && !operationType ? 'unknown' : this.operationLabel(operationName);
    const type =
      operationType === 'query' || operationType === 'mutation' || operationType === 'subscription'
        ? operationType
        : 'unknown';
    this.graphqlDuration.observe({ operation, type, outcome }, seconds);
  }

  recordGraphqlError(code: unknown): void {
    const label =
      code === undefined || code === null
        ? 'INTERNAL_SERVER_ERROR'
        : ERROR_CODE.test(String(code))
          ? String(code)
          : 'OTHER';
    this.graphqlErrors.inc({ code: label });
  }

  recordRoutingDecision(target: 'replica' | 'primary', reason: string | null): void {
    this.readRouting.inc({ target, reason: reason ?? 'none' });
  }

  recordLoaderBatch(loader: string, keys: number): void {
    this.loaderBatches.observe({ loader: LOADER_KIND.test(loader) ? loader : 'other' }, keys);
  }

  /** The exposition text. */
  render(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  private operationLabel(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    if (!GRAPHQL_NAME.test(name)) return 'other';
    if (this.operationNames.has(name)) return name;
    if (this.operationNames.size >= this.maxOperationNames) return 'other';
    this.operationNames.add(name);
    return name;
  }

  private registerDatabaseGauges({ router, orm, kind }: MetricsSources): void {
    const registers = [this.registry];
    const replicaGauge = (
      name: string,
      help: string,
      read: (replica: ReturnType<typeof router.replicas>[number]) => number | null,
    ) =>
      new Gauge({
        name,
        help,
        labelNames: ['replica'],
        registers,
        collect() {
          this.reset();
          for (const replica of router.replicas()) {
            const value = read(replica);
            if (value !== null) this.set({ replica: replica.name }, value);
          }
        },
      });
    replicaGauge('pulse_db_replica_up', 'Whether the replica answered its last probe.', (replica) =>
      replica.reachable ? 1 : 0,
    );
    replicaGauge(
      'pulse_db_replica_healthy',
      'Whether the replica gets reads (reachable, in recovery, within the lag limits).',
      (replica) => (replica.healthy ? 1 : 0),
    );
    replicaGauge(
      'pulse_db_replica_lag_bytes',
      'WAL bytes the replica has not replayed yet (absent when unknown).',
      (replica) => replica.lagBytes,
    );
    replicaGauge(
      'pulse_db_replica_lag_seconds',
      'Seconds since the primary first had WAL the replica has not replayed (absent when unknown).',
      (replica) => replica.lagSeconds,
    );
    new Gauge({
      name: 'pulse_db_pool_connections',
      help: 'Connections of each pg pool by state (idle, in_use, waiting: callers queued for one, max: the limit).',
      labelNames: ['pool', 'state'],
      registers,
      async collect() {
        this.reset();
        for (const usage of await poolUsage(orm, kind)) {
          this.set({ pool: usage.pool, state: 'idle' }, usage.idle);
          this.set({ pool: usage.pool, state: 'in_use' }, usage.total - usage.idle);
          this.set({ pool: usage.pool, state: 'waiting' }, usage.waiting);
          this.set({ pool: usage.pool, state: 'max' }, usage.max);
        }
      },
    });
  }
}

export function createGatewayMetrics(
  sources: MetricsSources | null,
  options: Partial<GatewayMetricsOptions> = {},
): GatewayMetrics {
  return new GatewayMetrics(sources, options);
}

/** Who may read `/metrics` on the API port. */
export interface MetricsAccess {
  /** A bearer token Prometheus sends (`authorization: Bearer <METRICS_TOKEN>`). */
  token: string | null;
  /**
   * `/metrics` is served on its own listen address (METRICS_PORT) and not on the API port at all.
   */
  separatePort: boolean;
}

/** Counts every HTTP request (by route pattern) and, unless it has its own port, serves `GET /metrics`. */
export function registerMetricsRoutes(
  app: FastifyInstance,
  metrics: GatewayMetrics,
  access: MetricsAccess = { token: null, separatePort: false },
): void {
  app.addHook('onResponse', (request, reply, done) => {
    metrics.observeHttpRequest(
      request.method,
      request.routeOptions.url,
      reply.statusCode,
      reply.elapsedTime / 1000,
    );
    done();
  });
  if (access.separatePort) return;
  app.get('/metrics', async (request, reply) => {
    const refusal = metricsRefusal(request, access.token);
    if (refusal) {
      return reply
        .code(refusal.status)
        .header('cache-control', 'no-store')
        .header('www-authenticate', 'Bearer realm="metrics"')
        .send({ error: refusal.message });
    }
    return sendMetrics(reply, metrics);
  });
}

/** `GET /metrics` alone, for the separate listen address (METRICS_PORT): no token needed there. */
export function registerMetricsOnlyRoutes(app: FastifyInstance, metrics: GatewayMetrics): void {
  app.get('/metrics', async (_request, reply) => sendMetrics(reply, metrics));
}

async function sendMetrics(reply: FastifyReply, metrics: GatewayMetrics) {
  const text = await metrics.render();
  return reply.header('content-type', metrics.contentType).header('cache-control', 'no-store').send(text);
}

/**
 * With METRICS_TOKEN set, the scrape must carry it. Without one, only the machine itself may scrape
 * (a sidecar or `curl localhost`): process and routing figures are not for the internet.
 */
function metricsRefusal(
  request: FastifyRequest,
  token: string | null,
): { status: number; message: string } | null {
  if (token) {
    const presented = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '')?.[1]?.trim() ?? '';
    return sameSecret(presented, token)
      ? null
      : { status: 401, message: '/metrics needs `authorization: Bearer <METRICS_TOKEN>`' };
  }
  if (isLoopback(request.socket.remoteAddress)) return null;
  return {
    status: 403,
    message: '/metrics answers only local requests; set METRICS_TOKEN or METRICS_PORT to scrape it remotely',
  };
}

function sameSecret(presented: string, expected: string): boolean {
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function isLoopback(address: string | undefined): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

/**
 * Apollo plugin timing GraphQL operations by name, type and outcome, and counting errors by code. Add it
 * to ApolloServer's `plugins` with the server's metrics: `graphqlMetricsPlugin(metrics)`.
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
        async didEncounterErrors(requestContext) {
          failed = true;
          for (const error of requestContext.errors) metrics.recordGraphqlError(error.extensions?.code);
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
