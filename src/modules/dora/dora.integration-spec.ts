import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

import { dataOf, errorsOf, sqlIds } from '../../testing/graphql-expectations.js';
import { createTestApp } from '../../testing/test-app.js';
import type { TestApp, TestRole } from '../../testing/test-app.js';

const ROLES: TestRole[] = ['viewer', 'user', 'admin'];
const GLOBAL_TABLES = [
  ['doraMarketBenchmarks', 'doraMarketBenchmark', 'dora_market_benchmarks'],
  ['doraMetricInsights', 'doraMetricInsight', 'dora_metric_insights'],
] as const;

describe('DORA reference data read API', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await createTestApp('dora_read');
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  it.each(ROLES.flatMap((role) => [0, 1].map((client) => [role, client] as const)))(
    'as %s of client %i: lists every row of the global tables',
    async (role, client) => {
      const data = dataOf(
        await app.graphql(
          `{ doraMarketBenchmarks(first: 1000) { totalCount nodes { id } }
             doraMetricInsights(first: 1000) { totalCount nodes { id } } }`,
          { as: role, client },
        ),
      );
      for (const [field, , table] of GLOBAL_TABLES) {
        const expected = await sqlIds(app, `select id from ${table} order by id`);
        expect(expected.length).toBeGreaterThan(0);
        expect(data[field]).toEqual({ totalCount: expected.length, nodes: expected.map((id) => ({ id })) });
      }
    },
  );

  it('finds the same row by id for both clients', async () => {
    for (const [, byId, table] of GLOBAL_TABLES) {
      const [id] = await sqlIds(app, `select id from ${table} order by id limit 1`);
      for (const client of [0, 1]) {
        const data = dataOf(
          await app.graphql(`{ row: ${byId}(id: ${id}) { id } }`, { as: 'viewer', client }),
        );
        expect(data.row).toEqual({ id });
      }
    }
  });

  it('filters benchmarks by report year and tier as SQL does', async () => {
    const [{ report_year: year, performance_tier: tier }] = await app.testDb.query<{
      report_year: number;
      performance_tier: string;
    }>('select report_year, performance_tier from dora_market_benchmarks order by id limit 1');
    const data = dataOf(
      await app.graphql(
        'query ($year: Int, $tier: String) { doraMarketBenchmarks(filter: { reportYear: { eq: $year }, performanceTier: { eq: $tier } }) { nodes { id } } }',
        { as: 'viewer', variables: { year, tier } },
      ),
    );
    const expected = await sqlIds(
      app,
      'select id from dora_market_benchmarks where report_year = $1 and performance_tier = $2 order by id',
      [year, tier],
    );
    const all = await sqlIds(app, 'select id from dora_market_benchmarks');
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(all.length);
    expect(data.doraMarketBenchmarks.nodes.map((n: { id: number }) => n.id)).toEqual(expected);
  });

  it('answers anonymous callers with UNAUTHENTICATED', async () => {
    for (const [field] of GLOBAL_TABLES) {
      const result = await app.graphql(`{ ${field} { totalCount } }`);
      expect(errorsOf(result)).toEqual([[field, 'UNAUTHENTICATED']]);
      expect(result.data).toBeNull();
    }
  });
});
