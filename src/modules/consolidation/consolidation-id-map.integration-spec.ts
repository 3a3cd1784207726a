import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

import { withPgClient } from '../../db/pg-client.js';
import { dataOf, demoClientIds, errorsOf, replicaCaughtUp } from '../../testing/graphql-expectations.js';
import { createTestApp } from '../../testing/test-app.js';
import type { TestApp } from '../../testing/test-app.js';

interface Entry {
  source: string;
  table: string;
  legacyId: number;
  newId: number;
  runId: number;
}

const FIELDS = 'source table legacyId newId runId';

describe('consolidationIdMap (admins, their own client only)', () => {
  let app: TestApp;
  let clients: { acme: number; globex: number };
  /** What the id map holds for each client, read by SQL as the owner, in the API's order. */
  const expected: Record<'acme' | 'globex', Entry[]> = { acme: [], globex: [] };

  beforeAll(async () => {
    app = await createTestApp('consolidation_id_map');
    clients = await demoClientIds(app);
    // Two consolidation runs from two sources mapped rows into both clients (the ids overlap between
    // the clients and the sources), and one reference row of no client.
    const [first, second] = await app.testDb.query<{ id: number }>(
      `insert into consolidation_runs (source, source_kind, status) values
         ('legacy-a:5432/pulse', 'predecessor', 'completed'), ('other:5432/pulse', 'unified', 'completed') returning id`,
    );
    await app.testDb.query(
      `insert into consolidation_id_map (source, table_name, legacy_id, new_id, client_id, run_id)
       select s.source, t.table_name, n, case when t.table_name = 'clients' then c.client else 1000 + n end, c.client, s.run
         from (values ('legacy-a:5432/pulse', $3::int), ('other:5432/pulse', $4::int)) as s(source, run),
              (values ('issues'), ('users'), ('clients')) as t(table_name),
              (values ($1::int, 0), ($2::int, 100)) as c(client, base),
              generate_series(c.base + 1, c.base + case when t.table_name = 'clients' then 1 else 30 end) as n`,
      [clients.acme, clients.globex, first!.id, second!.id],
    );
    await app.testDb.query(
      `insert into consolidation_id_map (source, table_name, legacy_id, new_id, client_id, run_id)
       values ('other:5432/pulse', 'dora_metric_insights', 1, 1, null, $1)`,
      [second!.id],
    );
    for (const name of ['acme', 'globex'] as const) {
      expected[name] = (
        await app.testDb.query<{
          source: string;
          table_name: string;
          legacy_id: number;
          new_id: number;
          run_id: number;
        }>(
          `select source, table_name, legacy_id, new_id, run_id from consolidation_id_map
            where client_id = $1 order by source, table_name, legacy_id`,
          [clients[name]],
        )
      ).map((row) => ({
        source: row.source,
        table: row.table_name,
        legacyId: row.legacy_id,
        newId: row.new_id,
        runId: row.run_id,
      }));
    }
    await replicaCaughtUp(app);
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  it("pages an admin through exactly their client's entries, in key order", async () => {
    for (const [name, client] of [
      ['acme', 0],
      ['globex', 1],
    ] as const) {
      const seen: Entry[] = [];
      let after: string | null = null;
      let pages = 0;
      for (;;) {
        const data = dataOf(
          await app.graphql(
            `query ($after: String) { consolidationIdMap(first: 25, after: $after) {
               nodes { ${FIELDS} createdAt } pageInfo { hasNextPage endCursor } } }`,
            { as: 'admin', client, variables: { after } },
          ),
        );
        const page = data.consolidationIdMap;
        for (const node of page.nodes as (Entry & { createdAt: string })[]) {
          expect(Number.isNaN(Date.parse(node.createdAt))).toBe(false);
          const { createdAt: _createdAt, ...entry } = node;
          seen.push(entry);
        }
        pages += 1;
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(expected[name]).toHaveLength(122);
      expect(seen).toEqual(expected[name]);
      expect(pages).toBe(5);
    }
  });

  it('filters by source, table and legacy id', async () => {
    const data = dataOf(
      await app.graphql(
        `{ consolidationIdMap(filter: { source: "legacy-a:5432/pulse", table: "issues", legacyId: 7 }) { nodes { ${FIELDS} } } }`,
        { as: 'admin', client: 0 },
      ),
    );
    expect(data.consolidationIdMap.nodes).toEqual(
      expected.acme.filter(
        (entry) => entry.source === 'legacy-a:5432/pulse' && entry.table === 'issues' && entry.legacyId === 7,
      ),
    );
    expect(data.consolidationIdMap.nodes).toHaveLength(1);
  });

  it("never shows another client's entries, even asked for by their ids", async () => {
    const globexIssue = expected.globex.find((entry) => entry.table === 'issues')!;
    const data = dataOf(
      await app.graphql(
        `query ($legacyId: Int) { consolidationIdMap(first: 1000, filter: { legacyId: $legacyId }) { nodes { ${FIELDS} } } }`,
        { as: 'admin', client: 0, variables: { legacyId: globexIssue.legacyId } },
      ),
    );
    expect(data.consolidationIdMap.nodes).toEqual([]);
  });

  it("is kept to the transaction's client by row level security, below the API", async () => {
    const rows = await withPgClient(app.testDb.runtime.databaseUrl, async (client) => {
      await client.query('begin');
      await client.query(`select set_config('pulse.client_id', $1, true)`, [String(clients.acme)]);
      const { rows } = await client.query<{ client_id: number; n: number }>(
        'select client_id, count(*)::int as n from consolidation_id_map group by client_id',
      );
      await client.query('rollback');
      return rows;
    });
    expect(rows).toEqual([{ client_id: clients.acme, n: 122 }]);
  });

  it('refuses viewers and users with FORBIDDEN and anonymous callers with UNAUTHENTICATED', async () => {
    for (const role of ['viewer', 'user'] as const) {
      const result = await app.graphql(`{ consolidationIdMap { nodes { legacyId } } }`, { as: role });
      expect(errorsOf(result)).toEqual([['consolidationIdMap', 'FORBIDDEN']]);
      expect(result.data).toBeNull();
    }
    const anonymous = await app.graphql(`{ consolidationIdMap { nodes { legacyId } } }`);
    expect(errorsOf(anonymous)).toEqual([['consolidationIdMap', 'UNAUTHENTICATED']]);
  });

  it('answers a page size out of range and a malformed cursor with BAD_USER_INPUT', async () => {
    for (const args of ['first: 1001', 'first: -1', 'after: "not-a-cursor"']) {
      const result = await app.graphql(`{ consolidationIdMap(${args}) { nodes { legacyId } } }`, {
        as: 'admin',
      });
      expect(errorsOf(result)).toEqual([['consolidationIdMap', 'BAD_USER_INPUT']]);
    }
  });
});
