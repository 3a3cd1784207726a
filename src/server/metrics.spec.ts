import { ApolloServer } from '@apollo/server';
import { describe, expect, it } from '@jest/globals';

import { createGatewayMetrics, graphqlMetricsPlugin, MetricsRegistry } from './metrics.js';

describe('MetricsRegistry', () => {
  it('renders counters, histograms and collected gauges in the Prometheus text format', () => {
    const registry = new MetricsRegistry();
    const requests = registry.counter('demo_requests_total', 'Requests.', ['route']);
    const duration = registry.histogram('demo_duration_seconds', 'Duration.', ['route'], [0.1, 1]);
    registry.collect('demo_up', 'Up.', 'gauge', () => [{ labels: { replica: 'replica-1' }, value: 1 }]);
    requests.inc({ route: '/a' });
    requests.inc({ route: '/a' }, 2);
    duration.observe({ route: '/a' }, 0.05);
    duration.observe({ route: '/a' }, 0.5);
    duration.observe({ route: '/a' }, 3);

    expect(registry.render()).toBe(
      [
        '# HELP demo_requests_total Requests.',
        '# TYPE demo_requests_total counter',
        'demo_requests_total{route="/a"} 3',
        '# HELP demo_duration_seconds Duration.',
        '# TYPE demo_duration_seconds histogram',
        'demo_duration_seconds_bucket{route="/a",le="0.1"} 1',
        'demo_duration_seconds_bucket{route="/a",le="1"} 2',
        'demo_duration_seconds_bucket{route="/a",le="+Inf"} 3',
        'demo_duration_seconds_sum{route="/a"} 3.55',
        'demo_duration_seconds_count{route="/a"} 3',
        '# HELP demo_up Up.',
        '# TYPE demo_up gauge',
        'demo_up{replica="replica-1"} 1',
        '',
      ].join('\n'),
    );
  });

  it('escapes label values and help text', () => {
    const registry = new MetricsRegistry();
    registry.counter('demo_total', 'Line one\nback\\slash', ['value']).inc({ value: 'say "hi"\\\n' });
    expect(registry.render()).toContain('# HELP demo_total Line one\\nback\\\\slash');
    expect(registry.render()).toContain('demo_total{value="say \\"hi\\"\\\\\\n"} 1');
  });

  it('refuses invalid and duplicate metric names', () => {
    const registry = new MetricsRegistry();
    registry.counter('demo_total', 'x');
    expect(() => registry.counter('demo_total', 'x')).toThrow(/duplicate/);
    expect(() => registry.counter('demo-total', 'x')).toThrow(/invalid metric name/);
  });
});

describe('GatewayMetrics', () => {
  it('keeps HTTP labels bounded: unknown routes and methods collapse', () => {
    const metrics = createGatewayMetrics(null);
    metrics.observeHttpRequest('GET', undefined, 404, 0.001);
    metrics.observeHttpRequest('BREW', '/graphql', 405, 0.001);
    const text = metrics.render();
    expect(text).toContain('pulse_http_requests_total{method="GET",route="unmatched",status="404"} 1');
    expect(text).toContain('pulse_http_requests_total{method="OTHER",route="/graphql",status="405"} 1');
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

  it('counts operations by name, type and outcome', async () => {
    const text = await run(10, [
      'query Hello { hello }',
      'query Hello { hello }',
      'query Boom { boom }',
      '{ hello }',
      'query Broken { nope }',
      'query {',
    ]);
    expect(text).toContain(
      'pulse_graphql_operations_total{operation="Hello",type="query",outcome="success"} 2',
    );
    expect(text).toContain('pulse_graphql_operations_total{operation="Boom",type="query",outcome="error"} 1');
    expect(text).toContain(
      'pulse_graphql_operations_total{operation="anonymous",type="query",outcome="success"} 1',
    );
    // Did not validate or parse: the name is not trusted, the outcome is `invalid`.
    expect(text).toContain(
      'pulse_graphql_operations_total{operation="unknown",type="unknown",outcome="invalid"} 2',
    );
    expect(text).toContain(
      'pulse_graphql_operation_duration_seconds_count{operation="Hello",type="query"} 2',
    );
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
      'pulse_graphql_operations_total{operation="other",type="query",outcome="success"} 2',
    );
  });
});
