import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

import {
  dataOf,
  demoClientIds,
  errorsOf,
  onReplica,
  replicaCaughtUp,
  sqlCount,
  sqlIds,
} from '../../testing/graphql-expectations.js';
import { createTestApp } from '../../testing/test-app.js';
import type { TestApp } from '../../testing/test-app.js';

/** The three monitoring queries of seed 002, with the table each reads and a by-id field. */
const MONITORING = [
  {
    field: 'learningMemories',
    byId: 'learningMemory',
    table: 'ai_learning_memory',
    type: 'AiLearningMemory',
  },
  { field: 'predictionLogs', byId: 'predictionLog', table: 'ml_prediction_log', type: 'MlPredictionLog' },
  { field: 'anomalyAlerts', byId: 'anomalyAlert', table: 'ml_anomaly_alerts', type: 'MlAnomalyAlert' },
] as const;

/** Rows extra to the demo data, so one client has more prediction logs than a page holds. */
const EXTRA_PREDICTION_LOGS = 50;

describe('ML monitoring read API', () => {
  let app: TestApp;
  let clients: { acme: number; globex: number };
  const clientIdOf = (client: number) => (client === 0 ? clients.acme : clients.globex);
  /** Ids of a client's rows matching a condition, newest first as seed 002 lists them. */
  const newestFirst = (table: string, clientId: number, condition = 'true', params: unknown[] = []) =>
    sqlIds(
      app,
      `select id from ${table} where client_id = $1 and (${condition}) order by created_at desc, id desc`,
      [clientId, ...params],
    );

  beforeAll(async () => {
    app = await createTestApp('ml_monitoring_read');
    clients = await demoClientIds(app);
    await app.testDb.query(
      `insert into ml_prediction_log (client_id, model_name, prediction_value, is_anomaly, severity, created_at)
       select $1, 'cycle_time_predictor', n, false, 'normal', timestamptz '2024-01-01' + n * interval '1 hour'
         from generate_series(1, $2::int) as n`,
      [clients.acme, EXTRA_PREDICTION_LOGS],
    );
    await replicaCaughtUp(app);
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  describe('access', () => {
    it.each(['user', 'viewer'] as const)(
      'refuses every monitoring query to a %s with FORBIDDEN',
      async (role) => {
        for (const { field, byId, table } of MONITORING) {
          const [id] = await newestFirst(table, clients.acme);
          for (const query of [`{ ${field} { totalCount nodes { id } } }`, `{ ${byId}(id: ${id}) { id } }`]) {
            const result = await app.graphql(query, { as: role });
            expect([query, errorsOf(result)]).toEqual([
              query,
              [[query.slice(2).split(/[( ]/)[0], 'FORBIDDEN']],
            ]);
            expect(Object.values(result.data ?? {})).toEqual(result.data ? [null] : []);
          }
        }
      },
    );

    it.each(['user', 'viewer'] as const)('refuses the monitoring relations to a %s', async (role) => {
      const { clientId, userId } = await app.viewer('admin');
      const relations = [
        ['client', `client(id: ${clientId})`, 'aiLearningMemories'],
        ['client', `client(id: ${clientId})`, 'mlPredictionLogs'],
        ['client', `client(id: ${clientId})`, 'mlAnomalyAlerts'],
        ['user', `user(id: ${userId})`, 'anomalyAlerts'],
      ];
      for (const [parent, lookup, relation] of relations) {
        const result = await app.graphql(`{ ${lookup} { id ${relation} { totalCount nodes { id } } } }`, {
          as: role,
        });
        expect(errorsOf(result)).toEqual([[`${parent}.${relation}`, 'FORBIDDEN']]);
        // The connection is non-null, so the refusal nulls the parent object: nothing of it leaks.
        expect(result.data).toEqual({ [parent!]: null });
      }
      // Without the monitoring relation, the same objects are served.
      const data = dataOf(
        await app.graphql(`{ client(id: ${clientId}) { id } user(id: ${userId}) { id } }`, { as: role }),
      );
      expect(data).toEqual({ client: { id: clientId }, user: { id: userId } });
    });

    it('answers anonymous callers with UNAUTHENTICATED', async () => {
      for (const { field } of MONITORING) {
        const result = await app.graphql(`{ ${field} { totalCount } }`);
        expect(errorsOf(result)).toEqual([[field, 'UNAUTHENTICATED']]);
      }
    });
  });

  describe('for admins', () => {
    it.each(MONITORING.flatMap((m) => [0, 1].map((client) => [m.field, client, m] as const)))(
      "%s lists client %i's rows only, newest first, counted like SQL",
      async (field, client, { table }) => {
        const data = dataOf(
          await app.graphql(`{ ${field} { totalCount nodes { id clientId createdAt } } }`, {
            as: 'admin',
            client,
          }),
        );
        const expected = await newestFirst(table, clientIdOf(client));
        expect(expected.length).toBeGreaterThan(0);
        expect(data[field].totalCount).toBe(expected.length);
        const nodes = data[field].nodes as { id: number; clientId: number; createdAt: string }[];
        expect(nodes.map((n) => n.id)).toEqual(expected.slice(0, 100));
        expect(new Set(nodes.map((n) => n.clientId))).toEqual(new Set([clientIdOf(client)]));
        const times = nodes.map((n) => Date.parse(n.createdAt));
        expect(times).toEqual([...times].sort((a, b) => b - a));
      },
    );

    it('pages 100 rows by default and refuses more than 100', async () => {
      const total = await sqlCount(app, 'select count(*) from ml_prediction_log where client_id = $1', [
        clients.acme,
      ]);
      expect(total).toBeGreaterThan(100);
      const page = dataOf(
        await app.graphql('{ predictionLogs { totalCount nodes { id } pageInfo { hasNextPage } } }', {
          as: 'admin',
        }),
      );
      expect(page.predictionLogs.totalCount).toBe(total);
      expect(page.predictionLogs.nodes).toHaveLength(100);
      expect(page.predictionLogs.pageInfo.hasNextPage).toBe(true);
      expect(
        dataOf(await app.graphql('{ predictionLogs(first: 100) { nodes { id } } }', { as: 'admin' }))
          .predictionLogs.nodes,
      ).toHaveLength(100);
      for (const { field } of MONITORING) {
        const result = await app.graphql(`{ ${field}(first: 101) { nodes { id } } }`, { as: 'admin' });
        expect(errorsOf(result)).toEqual([[field, 'BAD_USER_INPUT']]);
        expect(result.errors![0]!.extensions!.field).toBe('first');
      }
    });

    it('walks every prediction log newest first with cursors', async () => {
      const expected = await newestFirst('ml_prediction_log', clients.acme);
      const seen: number[] = [];
      let after: string | null = null;
      for (let pages = 0; pages < 20; pages++) {
        const data = dataOf(
          await app.graphql(
            'query ($after: String) { predictionLogs(first: 30, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } }',
            { as: 'admin', variables: { after } },
          ),
        );
        seen.push(...data.predictionLogs.nodes.map((n: { id: number }) => n.id));
        if (!data.predictionLogs.pageInfo.hasNextPage) break;
        after = data.predictionLogs.pageInfo.endCursor;
      }
      expect(seen).toEqual(expected);
    });

    describe('filters', () => {
      const cases: [string, string, () => Promise<[Record<string, unknown>, string, unknown[]]>][] = [
        [
          'learningMemories by errorType',
          'learningMemories',
          async () => {
            const [{ error_type: errorType }] = await app.testDb.query<{ error_type: string }>(
              'select error_type from ai_learning_memory where client_id = $1 group by 1 order by count(*) desc, 1 limit 1',
              [clients.acme],
            );
            return [{ errorType: { eq: errorType } }, 'error_type = $2', [errorType]];
          },
        ],
        [
          'predictionLogs by modelName, isAnomaly and severity',
          'predictionLogs',
          async () => {
            const [{ model_name: modelName, severity }] = await app.testDb.query<{
              model_name: string;
              severity: string;
            }>(
              `select model_name, severity from ml_prediction_log where client_id = $1 and is_anomaly
                group by 1, 2 order by count(*) desc, 1, 2 limit 1`,
              [clients.acme],
            );
            return [
              { modelName: { eq: modelName }, isAnomaly: { eq: true }, severity: { eq: severity } },
              'model_name = $2 and is_anomaly and severity = $3',
              [modelName, severity],
            ];
          },
        ],
        [
          'predictionLogs of anomalies only',
          'predictionLogs',
          async () => [{ isAnomaly: { eq: true } }, 'is_anomaly', []],
        ],
        [
          'anomalyAlerts by acknowledged, severity and modelName',
          'anomalyAlerts',
          async () => {
            const [{ model_name: modelName }] = await app.testDb.query<{ model_name: string }>(
              `select model_name from ml_anomaly_alerts where client_id = $1 and not acknowledged
                group by 1 order by count(*) desc, 1 limit 1`,
              [clients.acme],
            );
            return [
              {
                acknowledged: { eq: false },
                severity: { in: ['medium', 'high', 'critical'] },
                modelName: { eq: modelName },
              },
              "not acknowledged and severity in ('medium', 'high', 'critical') and model_name = $2",
              [modelName],
            ];
          },
        ],
        [
          'anomalyAlerts acknowledged',
          'anomalyAlerts',
          async () => [{ acknowledged: { eq: true } }, 'acknowledged', []],
        ],
      ];

      it.each(cases)('%s', async (_case, field, build) => {
        const [filter, condition, params] = await build();
        const table = MONITORING.find((m) => m.field === field)!.table;
        const expected = await newestFirst(table, clients.acme, condition, params);
        const all = await sqlCount(app, `select count(*) from ${table} where client_id = $1`, [clients.acme]);
        expect(expected.length).toBeGreaterThan(0);
        expect(expected.length).toBeLessThan(all);
        const type = MONITORING.find((m) => m.field === field)!.type;
        const data = dataOf(
          await app.graphql(
            `query ($filter: ${type}Filter) { ${field}(filter: $filter) { totalCount nodes { id } } }`,
            {
              as: 'admin',
              variables: { filter },
            },
          ),
        );
        expect(data[field].totalCount).toBe(expected.length);
        expect(data[field].nodes.map((n: { id: number }) => n.id)).toEqual(expected);
      });
    });

    it("answers another client's row by id exactly like a missing one", async () => {
      for (const { byId, table } of MONITORING) {
        const [own] = await newestFirst(table, clients.acme);
        const [foreign] = await newestFirst(table, clients.globex);
        const missing = await sqlCount(app, `select max(id) + 1000 as count from ${table}`);
        const [ownResult, foreignResult, missingResult] = await Promise.all(
          [own, foreign, missing].map((id) =>
            app.graphql(`{ row: ${byId}(id: ${id}) { id clientId } }`, { as: 'admin' }),
          ),
        );
        expect(dataOf(ownResult!).row).toEqual({ id: own, clientId: clients.acme });
        expect(foreignResult).toEqual({ status: 200, data: { row: null } });
        expect(foreignResult).toEqual(missingResult);
      }
    });

    it("shows who acknowledged an alert: a user of the admin's client", async () => {
      const data = dataOf(
        await app.graphql(
          '{ anomalyAlerts(filter: { acknowledged: { eq: true } }) { nodes { id acknowledgedById acknowledgedBy { id clientId } } } }',
          { as: 'admin' },
        ),
      );
      const rows = await app.testDb.query<{ id: number; acknowledged_by: number | null }>(
        'select id, acknowledged_by from ml_anomaly_alerts where client_id = $1 and acknowledged order by created_at desc, id desc',
        [clients.acme],
      );
      expect(rows.some((row) => row.acknowledged_by !== null)).toBe(true);
      expect(data.anomalyAlerts.nodes).toEqual(
        rows.map((row) => ({
          id: row.id,
          acknowledgedById: row.acknowledged_by,
          acknowledgedBy:
            row.acknowledged_by === null ? null : { id: row.acknowledged_by, clientId: clients.acme },
        })),
      );
    });
  });

  describe('the ML session', () => {
    it.each(MONITORING.map((m) => [m.field, m.table] as const))(
      '%s reads inside one read-only, tuned transaction on the replica',
      async (field, table) => {
        await replicaCaughtUp(app);
        const { result, queries } = await app.statementsOf(
          `{ ${field}(first: 5) { totalCount nodes { id } } }`,
          {
            as: 'admin',
          },
        );
        dataOf(result);
        expect(onReplica(queries)).toEqual(queries);
        const sql = queries.map((q) => q.sql);
        expect(sql).toHaveLength(4);
        expect(sql[0]).toBe('start transaction read only');
        expect(sql[1]).toMatch(/^select set_config\('statement_timeout', '300s', true\)/);
        expect(sql[1]).toContain("set_config('work_mem', '256MB', true)");
        expect(sql[1]).toContain("set_config('random_page_cost', '1.1', true)");
        expect(sql[2]).toContain(`from "${table}"`);
        expect(sql[2]).toContain('order by t."created_at" desc, t."id" desc');
        // The page statement counts too (a subquery run once).
        expect(sql[2]).toContain(`(select count(*)::int from "${table}" as c`);
        expect(sql[3]).toBe('commit');
      },
    );

    it('keeps the rest of the API outside that session', async () => {
      await replicaCaughtUp(app);
      const { queries } = await app.statementsOf('{ issues(first: 1) { nodes { id } } }', { as: 'admin' });
      expect(queries.map((q) => q.sql).filter((sql) => /transaction|set_config|commit/.test(sql))).toEqual(
        [],
      );
    });
  });
});
