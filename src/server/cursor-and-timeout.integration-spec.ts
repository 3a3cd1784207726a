import 'reflect-metadata';

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';

import { openDatabase } from '../db/database.js';
import { poolUsage } from '../db/pool-usage.js';
import type { Database } from '../db/database.js';
import { buildGatewaySchema } from '../graphql/build-schema.js';
import { QUERY_TIMEOUT_MESSAGE } from '../graphql/format-error.js';
import { captureSql } from '../testing/sql-capture.js';
import type { CapturedQuery } from '../testing/sql-capture.js';
import { createTestApp } from '../testing/test-app.js';
import type { GraphQLResult, RequestOptions, TestApp } from '../testing/test-app.js';
import { createServer } from './create-server.js';
import type { GatewayServer } from './create-server.js';
import { GATEWAY_ENTITIES, GATEWAY_MODULES } from '../modules/index.js';

/** No SQL, SQL state or stack in what a client reads. */
const leaks = (result: unknown) =>
  JSON.stringify(result).match(/select |from "|where |57014|canceling|stack|\.ts:|node_modules/i);

const FOREIGN = /issued for another field, parent row, orderBy or user, or was altered/;

describe('cursors bound to where they came from, and statement timeouts', () => {
  let app: TestApp;

  /** The statements a request sent, after one warm-up request so the credential check is cached. */
  const statementsOf = async (query: string, options: RequestOptions) => {
    await app.graphql('{ viewer { role } }', options);
    return app.statementsOf(query, options);
  };

  const endCursor = async (query: string, options: RequestOptions, path: string[]): Promise<string> => {
    const result = await app.graphql(query, options);
    expect(result.errors).toBeUndefined();
    let value: unknown = result.data;
    for (const key of path) value = (value as Record<string, unknown>)[key];
    return (value as { pageInfo: { endCursor: string } }).pageInfo.endCursor;
  };

  const expectRefusedCursor = (result: GraphQLResult, path: (string | number)[], message: RegExp) => {
    expect(result.errors).toEqual([
      {
        message: expect.stringMatching(message),
        locations: expect.any(Array),
        path,
        extensions: { code: 'BAD_USER_INPUT', field: 'after', requestId: expect.any(String) },
      },
    ]);
    expect(leaks(result)).toBeNull();
  };

  beforeAll(async () => {
    app = await createTestApp('cursor-and-timeout');
  });

  afterAll(async () => {
    await app?.close();
  });

  describe('cursors', () => {
    const ISSUES =
      'query ($after: String) { issues(first: 3, after: $after) { nodes { id } pageInfo { endCursor } } }';

    it('are short and page onwards for the viewer that got them', async () => {
      const cursor = await endCursor(ISSUES, { as: 'user' }, ['issues']);
      // MAC (22 characters) and the row's order values: the default order is one id.
      expect(cursor.length).toBeLessThanOrEqual(32);
      expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
      const next = await app.graphql(ISSUES, { as: 'user', variables: { after: cursor } });
      expect(next.errors).toBeUndefined();
      const [{ id: firstAfter }] = next.data.issues.nodes;
      const [{ id: expected }] = await app.testDb.query<{ id: number }>(
        `select id from issues where client_id = (select client_id from users where email = 'user@acme.example')
          order by id offset 3 limit 1`,
      );
      expect(firstAfter).toBe(expected);
    });

    it.each([
      // The forgeries the hardening issue found reaching PostgreSQL as INTERNAL_SERVER_ERROR.
      [
        'text where an int is expected',
        Buffer.from('id:asc|["abc"]').toString('base64url'),
        /not a cursor|another field/,
      ],
      ['an object of raw keys', Buffer.from('{"id":1}').toString('base64url'), /not a cursor|another field/],
      ['raw JSON', '{"id": 5}', /not a cursor this API issued/],
      ['an empty string', '', /not a cursor this API issued/],
      ['text that is not base64url', 'not a cursor!', /not a cursor this API issued/],
      ['a 5,000-character string', 'A'.repeat(5000), /not a cursor this API issued/],
    ])('refuses %s as BAD_USER_INPUT, running no SQL', async (_case, after, message) => {
      const { result, queries } = await statementsOf(ISSUES, { as: 'user', variables: { after } });
      expect(result.data).toBeNull();
      expectRefusedCursor(result, ['issues'], message);
      expect(queries).toEqual([]);
    });

    it('refuses a cursor whose values were altered (another id behind the same MAC), running no SQL', async () => {
      const cursor = await endCursor(ISSUES, { as: 'user' }, ['issues']);
      const mac = cursor.slice(0, 22);
      const values = JSON.parse(Buffer.from(cursor.slice(22), 'base64url').toString('utf8')) as number[];
      const forged = mac + Buffer.from(JSON.stringify([values[0]! + 1])).toString('base64url');
      const { result, queries } = await statementsOf(ISSUES, { as: 'user', variables: { after: forged } });
      expectRefusedCursor(result, ['issues'], FOREIGN);
      expect(queries).toEqual([]);
    });

    it('refuses a cursor of another connection with the same order (issues → projects), running no SQL', async () => {
      const cursor = await endCursor(ISSUES, { as: 'user' }, ['issues']);
      const { result, queries } = await statementsOf(
        'query ($after: String) { projects(first: 3, after: $after) { nodes { id } } }',
        { as: 'user', variables: { after: cursor } },
      );
      expectRefusedCursor(result, ['projects'], FOREIGN);
      expect(queries).toEqual([]);
    });

    it('refuses a cursor of another order, running no SQL', async () => {
      const cursor = await endCursor(ISSUES, { as: 'user' }, ['issues']);
      const { result, queries } = await statementsOf(
        'query ($after: String) { issues(first: 3, after: $after, orderBy: [{ field: ID, direction: DESC }]) { nodes { id } } }',
        { as: 'user', variables: { after: cursor } },
      );
      expectRefusedCursor(result, ['issues'], FOREIGN);
      expect(queries).toEqual([]);
    });

    it('refuses a cursor of another user of the same client, and of another client, running no SQL', async () => {
      const cursor = await endCursor(ISSUES, { as: 'user' }, ['issues']);
      for (const other of [{ as: 'admin' as const }, { as: 'user' as const, client: 1 }]) {
        const { result, queries } = await statementsOf(ISSUES, { ...other, variables: { after: cursor } });
        expectRefusedCursor(result, ['issues'], FOREIGN);
        expect(queries).toEqual([]);
      }
    });

    it("binds a nested connection's cursor to its parent row: accepted there, refused on another parent", async () => {
      const projects = await app.testDb.query<{ id: number }>(
        `select p.id from projects p join users u on u.client_id = p.client_id
          where u.email = 'user@acme.example'
            and (select count(*) from issues i where i.project_id = p.id) > 2
          order by p.id limit 2`,
      );
      expect(projects).toHaveLength(2);
      const [own, other] = projects.map((p) => p.id);
      const NESTED = `query ($id: Int!, $after: String) {
        project(id: $id) { issues(first: 2, after: $after) { nodes { id } pageInfo { endCursor } } } }`;
      const cursor = await endCursor(NESTED, { as: 'user', variables: { id: own } }, ['project', 'issues']);
      const accepted = await app.graphql(NESTED, { as: 'user', variables: { id: own, after: cursor } });
      expect(accepted.errors).toBeUndefined();
      expect(accepted.data.project.issues.nodes.length).toBeGreaterThan(0);

      const { result, queries } = await statementsOf(NESTED, {
        as: 'user',
        variables: { id: other, after: cursor },
      });
      expectRefusedCursor(result, ['project', 'issues'], FOREIGN);
      // The project was looked up; no statement read its issues.
      expect(queries).toHaveLength(1);
      expect(queries[0]!.sql).not.toMatch(/from "issues"/);
    });

    it('refuses a cursor signed by a gateway with another key, and accepts one signed with the same CURSOR_SECRET', async () => {
      const secret = 'a-shared-cursor-secret-for-two-instances';
      const servers: GatewayServer[] = [];
      const serve = async (cursorSecret: string | null) => {
        const server = await createServer({
          config: { logLevel: 'silent', cursorSecret },
          database: app.database,
          tokens: app.tokens,
          schema: (await buildGatewaySchema(GATEWAY_MODULES)).schema,
        });
        servers.push(server);
        return server.app.listen({ host: '127.0.0.1', port: 0 });
      };
      try {
        const [one, two, keyless] = [await serve(secret), await serve(secret), await serve(null)];
        const token = await app.token('user');
        const ask = async (url: string, after: string | null) => {
          const response = await fetch(`${url}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify({ query: ISSUES, variables: { after } }),
          });
          return (await response.json()) as GraphQLResult;
        };
        const cursor = ((await ask(one, null)).data as { issues: { pageInfo: { endCursor: string } } }).issues
          .pageInfo.endCursor;
        const onTwo = await ask(two, cursor);
        expect(onTwo.errors).toBeUndefined();
        expect(onTwo.data.issues.nodes).toHaveLength(3);
        expectRefusedCursor(await ask(keyless, cursor), ['issues'], FOREIGN);
        // The test app's own gateway has a key of its own as well.
        expectRefusedCursor(
          await app.graphql(ISSUES, { as: 'user', variables: { after: cursor } }),
          ['issues'],
          FOREIGN,
        );
      } finally {
        for (const server of servers) await server.app.close();
      }
    });
  });

  describe('filter size', () => {
    const QUERY =
      'query ($filter: IssueFilter) { issues(filter: $filter, first: 5) { totalCount nodes { id } } }';
    const orOf = (terms: number) => ({
      or: Array.from({ length: terms }, (_, i) => ({ summary: { contains: `no such text ${i}` } })),
    });

    it("refuses the hardening issue's 20,000-term or filter (in variables) before coercing it or running SQL", async () => {
      const { result, queries } = await statementsOf(QUERY, {
        as: 'user',
        variables: { filter: orOf(20_000) },
      });
      expect(result.status).toBe(400);
      expect(result.data).toBeUndefined();
      expect(result.errors).toEqual([
        {
          message: 'Input objects in filters 40001 exceeds the limit of 500 (GRAPHQL_MAX_FILTER_TERMS)',
          extensions: {
            code: 'QUERY_LIMIT_EXCEEDED',
            limit: 'filterTerms',
            maximum: 500,
            found: 40_001,
            requestId: expect.any(String),
          },
        },
      ]);
      expect(queries).toEqual([]);
    });

    it('counts the filters of nested connections and lets a filter within the limit through', async () => {
      const nested = `query ($filter: IssueFilter) {
        projects(first: 2, filter: { key: { isNull: false } }) { nodes { issues(filter: $filter) { totalCount } } } }`;
      const refused = await app.graphql(nested, { as: 'user', variables: { filter: orOf(250) } });
      // 1 + 2 per term of the variable, and the project filter's two objects.
      expect(refused.errors![0]!.extensions).toMatchObject({ limit: 'filterTerms', found: 503 });
      const fine = await app.graphql(QUERY, { as: 'user', variables: { filter: orOf(200) } });
      expect(fine.errors).toBeUndefined();
      expect(fine.data.issues.totalCount).toBe(0);
    });
  });

  describe('dates PostgreSQL cannot store', () => {
    it.each(['0000-01-01T00:00:00Z', '+010000-01-01T00:00:00Z'])(
      'refuses %s in a filter and in a mutation input as BAD_USER_INPUT, running no SQL, writing nothing',
      async (date) => {
        const filtered = await statementsOf(
          'query ($date: DateTimeISO) { issues(filter: { created: { gte: $date } }) { totalCount } }',
          { as: 'user', variables: { date } },
        );
        expect(filtered.result.errors?.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
        expect(filtered.queries).toEqual([]);
        const [{ id: integrationId }] = await app.testDb.query<{ id: number }>(
          `select i.id from integrations i join users u on u.client_id = i.client_id
            where u.email = 'user@acme.example' order by i.id limit 1`,
        );
        const created = await statementsOf(
          'mutation ($input: IssueCreateInput!) { createIssue(input: $input) { id } }',
          {
            as: 'user',
            variables: { input: { key: 'DATE-0', summary: 'a date', integrationId, created: date } },
          },
        );
        expect(created.result.errors?.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
        expect(leaks(created.result)).toBeNull();
        expect(await app.testDb.query(`select id from issues where key = 'DATE-0'`)).toEqual([]);
      },
    );
  });

  describe('statement timeouts', () => {
    const TIMEOUT_MS = 300;
    let slow: { database: Database; server: GatewayServer; url: string; sql: CapturedQuery[] };

    const post = async (query: string, token: string, variables: Record<string, unknown> = {}) => {
      const started = Date.now();
      const response = await fetch(`${slow.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as Omit<GraphQLResult, 'status'>;
      return { status: response.status, ...body, took: Date.now() - started };
    };

    const expectTimeout = (result: GraphQLResult, path: string[]) => {
      expect(result.status).toBe(503);
      expect(result.data).toBeNull();
      expect(result.errors).toEqual([
        {
          message: QUERY_TIMEOUT_MESSAGE,
          locations: expect.any(Array),
          path,
          extensions: { code: 'QUERY_TIMEOUT', requestId: expect.any(String) },
        },
      ]);
      expect(leaks(result)).toBeNull();
    };

    beforeAll(async () => {
      // A gateway on the same data whose statements may run 300 ms (ML session: 400 ms).
      const capture = captureSql();
      const database = await openDatabase(
        {
          ...app.testDb.runtime,
          embeddedDataDir: 'memory',
          logSql: false,
          statementTimeouts: { requestMs: TIMEOUT_MS, mlSessionMs: 400 },
        },
        { ...capture.options, entities: GATEWAY_ENTITIES },
      );
      await database.router.refresh();
      const server = await createServer({
        config: { logLevel: 'silent' },
        database,
        tokens: app.tokens,
        schema: (await buildGatewaySchema(GATEWAY_MODULES)).schema,
      });
      const url = await server.app.listen({ host: '127.0.0.1', port: 0 });
      slow = { database, server, url, sql: capture.queries };
    });

    afterAll(async () => {
      await slow?.server.app.close();
      await slow?.database.close();
    });

    /**
     * Holds `table` locked by another transaction (as a migration or a long maintenance job would):
     * a statement that needs it waits, on the primary and on the replica (the lock is replayed there).
     */
    const whileLocked = async <T>(table: string, fn: () => Promise<T>): Promise<T> => {
      const holder = new pg.Client({ connectionString: app.testDb.databaseUrl });
      await holder.connect();
      try {
        await holder.query('begin');
        await holder.query(`lock table ${table} in access exclusive mode`);
        // The lock's WAL record may not be written out yet: wait until the replica has replayed it.
        const {
          rows: [{ lsn }],
        } = await holder.query<{ lsn: string }>('select pg_current_wal_insert_lsn()::text as lsn');
        // Generous: the shared replica may lag behind other test databases' writes.
        const deadline = Date.now() + 60_000;
        for (;;) {
          const [{ replayed }] = await app.testDb.query<{ replayed: boolean }>(
            'select pg_last_wal_replay_lsn() >= $1::pg_lsn as replayed',
            [lsn],
            'replica',
          );
          if (replayed) break;
          if (Date.now() > deadline) {
            const waiting = await app.testDb.query(
              `select pid, state, wait_event_type, wait_event, backend_type, left(query, 80) as query
                 from pg_stat_activity where datname = current_database() or backend_type = 'startup'`,
              [],
              'replica',
            );
            throw new Error(`the replica did not replay the lock: ${JSON.stringify(waiting)}`);
          }
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        return await fn();
      } finally {
        await holder.query('rollback').catch(() => undefined);
        await holder.end();
      }
    };

    const ISSUES = '{ issues(first: 5) { totalCount nodes { id } } }';

    it('cancels a read that waits past the statement timeout: QUERY_TIMEOUT, 503, no SQL in the answer', async () => {
      const token = await app.token('user');
      await post('{ viewer { role } }', token);
      slow.sql.splice(0);
      const result = await whileLocked('issues', () => post(ISSUES, token));
      expectTimeout(result, ['issues']);
      // Cancelled within the bound (without it, the read would wait as long as the lock is held).
      expect(result.took).toBeLessThan(TIMEOUT_MS + 4_000);
      // Every read transaction of the request set the timeout in the round trip of its begin.
      const begins = slow.sql.filter((query) => query.transactionControl && query.sql.startsWith('begin'));
      expect(begins.length).toBeGreaterThan(0);
      for (const begin of begins) {
        expect(begin.sql).toContain(`set_config('statement_timeout', '${TIMEOUT_MS}ms', true)`);
      }
      // The same read answers once nothing holds the table: the timeout stopped it, not the query.
      const after = await post(ISSUES, token);
      expect(after.status).toBe(200);
      expect(after.errors).toBeUndefined();
      expect(after.data.issues.nodes.length).toBeGreaterThan(0);
      // No connection stays lent out: the count that was still queued when the page timed out must not
      // open a transaction after the response ended the request's read session.
      const lent = async () =>
        (await poolUsage(slow.database.orm, 'postgresql')).reduce(
          (sum, pool) => sum + pool.total - pool.idle,
          0,
        );
      const deadline = Date.now() + 5_000;
      while ((await lent()) > 0 && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await lent()).toBe(0);
    }, 120_000);

    it('gives the ML monitoring session its own timeout (ML_STATEMENT_TIMEOUT_MS) and answers QUERY_TIMEOUT past it', async () => {
      const token = await app.token('admin');
      await post('{ viewer { role } }', token);
      const ALERTS = '{ anomalyAlerts(first: 5) { totalCount nodes { id } } }';
      slow.sql.splice(0);
      const fine = await post(ALERTS, token);
      expect(fine.errors).toBeUndefined();
      expect(slow.sql.map((query) => query.sql)).toContainEqual(
        expect.stringMatching(/^select set_config\('statement_timeout', '400ms', true\)/),
      );
      const result = await whileLocked('ml_anomaly_alerts', () => post(ALERTS, token));
      expectTimeout(result, ['anomalyAlerts']);
      expect(result.took).toBeLessThan(400 + 4_000);
    }, 120_000);

    it('cancels a mutation blocked past the timeout and writes nothing', async () => {
      const [{ id: integrationId }] = await app.testDb.query<{ id: number }>(
        `select i.id from integrations i join users u on u.client_id = i.client_id
          where u.email = 'user@acme.example' order by i.id limit 1`,
      );
      const token = await app.token('user');
      await post('{ viewer { role } }', token);
      // Another transaction holds the integration row: the new issue's foreign key check waits for it.
      const holder = new pg.Client({ connectionString: app.testDb.databaseUrl });
      await holder.connect();
      try {
        await holder.query('begin');
        await holder.query('select id from integrations where id = $1 for update', [integrationId]);
        const result = await post(
          'mutation ($input: IssueCreateInput!) { createIssue(input: $input) { id } }',
          token,
          { input: { key: 'TIMEOUT-1', summary: 'never written', integrationId } },
        );
        expectTimeout(result, ['createIssue']);
        expect(result.took).toBeLessThan(TIMEOUT_MS + 4_000);
      } finally {
        await holder.query('rollback').catch(() => undefined);
        await holder.end();
      }
      expect(await app.testDb.query(`select id from issues where key = 'TIMEOUT-1'`)).toEqual([]);
      // The same mutation goes through once nothing holds the row: the timeout, not the input, stopped it.
      const retried = await post(
        'mutation ($input: IssueCreateInput!) { createIssue(input: $input) { id key } }',
        token,
        { input: { key: 'TIMEOUT-1', summary: 'written now', integrationId } },
      );
      expect(retried.errors).toBeUndefined();
      expect(retried.data.createIssue.key).toBe('TIMEOUT-1');
    });
  });
});
