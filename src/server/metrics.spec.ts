import { ApolloServer } from '@apollo/server';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';

import { afterAll, describe, expect, it } from '@jest/globals';
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';

import { createGatewayMetrics, graphqlMetricsPlugin, registerMetricsRoutes } from './metrics.js';

describe('GatewayMetrics', () => {
  it("exposes Node's default process, event-loop, GC and heap metrics", async () => {
    const text = await createGatewayMetrics(null).render();
    for (const name of [
      'process_cpu_seconds_total',
      'process_resident_memory_bytes',
      'process_start_time_seconds',
      'nodejs_eventloop_lag_seconds',
      'nodejs_heap_size_used_bytes',
      'nodejs_gc_duration_seconds',
    ]) {
      expect(text).toContain(`# TYPE ${name} `);
    }
  });

  it('keeps HTTP labels bounded: unknown routes and methods collapse', async () => {
    const metrics = createGatewayMetrics(null);
    metrics.observeHttpRequest('GET', undefined, 404, 0.001);
    metrics.observeHttpRequest('BREW', '/graphql', 405, 0.001);
    const text = await metrics.render();
    expect(text).toContain('pulse_http_requests_total{method="GET",route="unmatched",status="404"} 1');
    expect(text).toContain('pulse_http_requests_total{method="OTHER",route="/graphql",status="405"} 1');
    expect(text).toContain(
      'pulse_http_request_duration_seconds_bucket{le="0.005",method="GET",route="unmatched",status="404"} 1',
    );
  });

  it('records routing decisions, loader batch sizes and error codes with bounded labels', async () => {
    const metrics = createGatewayMetrics(null);
    metrics.recordRoutingDecision('replica', null);
    metrics.recordRoutingDecision('primary', 'read_your_writes');
    metrics.recordRoutingDecision('primary', 'read_your_writes');
    metrics.recordLoaderBatch('Issue.id', 7);
    metrics.recordLoaderBatch('Issue.changelogs#count', 500);
    metrics.recordLoaderBatch('Issue id in (1, 2)', 2);
    metrics.recordGraphqlError('FORBIDDEN');
    metrics.recordGraphqlError(undefined);
    metrics.recordGraphqlError('free text from somewhere');
    const text = await metrics.render();
    expect(text).toContain('pulse_db_read_routing_total{target="replica",reason="none"} 1');
    expect(text).toContain('pulse_db_read_routing_total{target="primary",reason="read_your_writes"} 2');
    expect(text).toContain('pulse_dataloader_batch_size_bucket{le="10",loader="Issue.id"} 1');
    expect(text).toContain('pulse_dataloader_batch_size_bucket{le="250",loader="Issue.changelogs#count"} 0');
    expect(text).toContain('pulse_dataloader_batch_size_sum{loader="Issue.changelogs#count"} 500');
    expect(text).toContain('pulse_dataloader_batch_size_count{loader="other"} 1');
    expect(text).toContain('pulse_graphql_errors_total{code="FORBIDDEN"} 1');
    expect(text).toContain('pulse_graphql_errors_total{code="INTERNAL_SERVER_ERROR"} 1');
    expect(text).toContain('pulse_graphql_errors_total{code="OTHER"} 1');
  });
});

describe('GET /metrics protection', () => {
  const apps: FastifyInstance[] = [];
  afterAll(async () => {
    await Promise.all(apps.map((app) => app.close()));
  });

  /** Listens on every interface, so the test can also call from a non-loopback address of this machine. */
  async function serve(token: string | null, separatePort = false) {
    const app = Fastify();
    apps.push(app);
    registerMetricsRoutes(app, createGatewayMetrics(null), { token, separatePort });
    await app.listen({ host: '0.0.0.0', port: 0 });
    const { port } = app.server.address() as AddressInfo;
    const get = async (host: string, authorization?: string) => {
      const response = await fetch(`http://${host}:${port}/metrics`, {
        headers: authorization ? { authorization } : {},
      });
      const body = await response.text();
      return { status: response.status, contentType: response.headers.get('content-type') ?? '', body };
    };
    return { get };
  }

  function externalAddress(): string {
    const address = Object.values(networkInterfaces())
      .flat()
      .find((entry) => entry && entry.family === 'IPv4' && !entry.internal);
    if (!address) throw new Error('this test needs a non-loopback IPv4 address on the machine');
    return address.address;
  }

  it('with METRICS_TOKEN, refuses a scrape without the token or with a wrong one', async () => {
    const { get } = await serve('m'.repeat(32));
    const missing = await get('127.0.0.1');
    expect(missing.status).toBe(401);
    expect(JSON.parse(missing.body).error).toContain('METRICS_TOKEN');
    expect(missing.body).not.toContain('process_cpu');
    expect((await get('127.0.0.1', `Bearer ${'x'.repeat(32)}`)).status).toBe(401);
    const right = await get(externalAddress(), `Bearer ${'m'.repeat(32)}`);
    expect(right.status).toBe(200);
    expect(right.contentType).toContain('text/plain');
    expect(right.body).toContain('# TYPE process_cpu_seconds_total counter');
  });

  it('without a token, answers only requests from this machine', async () => {
    const { get } = await serve(null);
    expect((await get('127.0.0.1')).status).toBe(200);
    const remote = await get(externalAddress());
    expect(remote.status).toBe(403);
    expect(JSON.parse(remote.body).error).toMatch(/METRICS_TOKEN or METRICS_PORT/);
  });

  it('with its own port (METRICS_PORT), the API port has no /metrics at all', async () => {
    const { get } = await serve(null, true);
    expect((await get('127.0.0.1')).status).toBe(404);
  });
});

describe('graphqlMetricsPlugin', () => {
  const typeDefs = 'type Query { hello: String, boom: String }';
  const resolvers = {
    Query: {
      hello: () => 'world',
      boom: () => {
        throw new Error('boom');
      },
    },
  };

  async function run(maxOperationNames: number, queries: string[]) {
    const metrics = createGatewayMetrics(null, { maxOperationNames });
    const apollo = new ApolloServer({ typeDefs, resolvers, plugins: [graphqlMetricsPlugin(metrics)] });
    await apollo.start();
    try {
      for (const query of queries) await apollo.executeOperation({ query });
    } finally {
      await apollo.stop();
    }
    return metrics.render();
  }

  it('times operations by name, type and outcome, and counts errors by code', async () => {
    const text = await run(10, [
      'query Hello { hello }',
      'query Hello { hello }',
      'query Boom { boom }',
      '{ hello }',
      'query Broken { nope }',
      'query {',
    ]);
    const count = (labels: string) =>
      Number(
        new RegExp(`^pulse_graphql_operation_duration_seconds_count\\{${labels}\\} (\\d+)$`, 'm').exec(
          text,
        )?.[1],
      );
    expect(count('operation="Hello",type="query",outcome="success"')).toBe(2);
    expect(count('operation="Boom",type="query",outcome="error"')).toBe(1);
    expect(count('operation="anonymous",type="query",outcome="success"')).toBe(1);
    // Did not validate or parse: the name is not trusted, the outcome is `invalid`.
    expect(count('operation="unknown",type="unknown",outcome="invalid"')).toBe(2);
    expect(text).toContain('pulse_graphql_errors_total{code="GRAPHQL_VALIDATION_FAILED"} 1');
    expect(text).toContain('pulse_graphql_errors_total{code="GRAPHQL_PARSE_FAILED"} 1');
    expect(text).toContain('pulse_graphql_errors_total{code="INTERNAL_SERVER_ERROR"} 1');
  });

  it('caps the number of distinct operation names', async () => {
    const text = await run(2, [
      'query A { hello }',
      'query B { hello }',
      'query C { hello }',
      'query D { hello }',
    ]);
    expect(text).toContain('operation="A"');
    expect(text).toContain('operation="B"');
    expect(text).not.toContain('operation="C"');
    expect(text).toContain(
      'pulse_graphql_operation_duration_seconds_count{operation="other",type="query",outcome="success"} 2',
    );
  });
});
