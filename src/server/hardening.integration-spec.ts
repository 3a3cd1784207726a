import 'reflect-metadata';

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

import { buildGatewaySchema } from '../graphql/build-schema.js';
import { createTestApp, gatewayDefaults, testSecurity } from '../testing/test-app.js';
import type { GraphQLResult, TestApp } from '../testing/test-app.js';
import { createServer } from './create-server.js';
import type { GatewayServer } from './create-server.js';
import { GATEWAY_MODULES } from '../modules/index.js';

/** `issues → project → issues → …` with `levels` issue levels. */
function deepIssues(levels: number): string {
  let selection = 'id';
  for (let level = 0; level < levels; level++) {
    selection =
      level % 2 === 0 ? `issues(first: 1) { nodes { ${selection} } }` : `project { id ${selection} }`;
  }
  return `{ ${selection} }`;
}

describe('hardening at the door', () => {
  let app: TestApp;
  const extraServers: GatewayServer[] = [];
  const logLines: Record<string, unknown>[] = [];
  let loggedServer = '';

  /** Another gateway on the same database, with other security settings. */
  const serverWith = async (security: Parameters<typeof testSecurity>[0], logged = false) => {
    const base = testSecurity();
    const server = await createServer({
      config: {
        logLevel: logged ? 'info' : 'silent',
        security: { ...base, queryLimits: gatewayDefaults().queryLimits, ...security },
      },
      database: app.database,
      tokens: app.tokens,
      schema: (await buildGatewaySchema(GATEWAY_MODULES)).schema,
      ...(logged ? { logStream: { write: (line: string) => void logLines.push(JSON.parse(line)) } } : {}),
    });
    extraServers.push(server);
    return server.app.listen({ host: '127.0.0.1', port: 0 });
  };

  const post = async (
    url: string,
    body: unknown,
    headers: Record<string, string> = {},
  ): Promise<GraphQLResult & { headers: Headers }> => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    return { status: response.status, headers: response.headers, ...((await response.json()) as object) };
  };

  /** The statements a request sent, after one warm-up request so credential checks are cached. */
  const statementsOf = async (query: string, options: Parameters<TestApp['graphql']>[1] = {}) => {
    await app.graphql('{ viewer { role } }', options);
    return app.statementsOf(query, options);
  };

  const expectLimit = (result: GraphQLResult, limit: string, maximum: number, found: number | null) => {
    expect(result.status).toBe(400);
    expect(result.data).toBeUndefined();
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]!.extensions).toMatchObject({
      code: 'QUERY_LIMIT_EXCEEDED',
      limit,
      maximum,
      found,
    });
  };

  beforeAll(async () => {
    // The limits of a deployment with an empty environment; only rate limits are off (tested apart).
    const defaults = gatewayDefaults();
    app = await createTestApp('hardening', undefined, {
      ...defaults,
      rateLimit: { ...defaults.rateLimit, readsPerWindow: 0, writesPerWindow: 0 },
    });
    loggedServer = await serverWith({}, true);
  });

  afterAll(async () => {
    for (const server of extraServers) await server.app.close();
    await app?.close();
  });

  describe('query shape and cost limits', () => {
    it('refuses a 15-level issues → project → issues query by depth, before any SQL', async () => {
      const { result, queries } = await statementsOf(deepIssues(15), { as: 'user' });
      expectLimit(result, 'depth', 12, 24);
      expect(result.errors![0]!.message).toBe('Query depth 24 exceeds the limit of 12 (GRAPHQL_MAX_DEPTH)');
      expect(queries).toEqual([]);
    });

    it('counts a depth hidden in fragments the same', async () => {
      const fragments: string[] = [];
      for (let level = 0; level < 8; level++) {
        const inner = level === 7 ? 'id' : `...P${level + 1}`;
        fragments.push(
          `fragment P${level} on Project { issues(first: 1) { nodes { project { id ${inner} } } } }`,
        );
      }
      const query = `{ projects(first: 1) { nodes { ...P0 } } } ${fragments.join(' ')}`;
      const { result, queries } = await statementsOf(query, { as: 'user' });
      expectLimit(result, 'depth', 12, 27);
      expect(queries).toEqual([]);
    });

    it('refuses 31 aliases of issues(first: 1000), before any SQL', async () => {
      const aliases = Array.from({ length: 31 }, (_, i) => `a${i}: issues(first: 1000) { nodes { id } }`);
      const { result, queries } = await statementsOf(`{ ${aliases.join(' ')} }`, { as: 'user' });
      expectLimit(result, 'aliases', 15, 31);
      expect(result.errors![0]!.message).toBe(
        'Number of aliases 31 exceeds the limit of 15 (GRAPHQL_MAX_ALIASES)',
      );
      expect(queries).toEqual([]);
    });

    it('refuses a 1,000,016-character query of 53,217 aliases by its tokens, without parsing it all', async () => {
      const aliases = Array.from({ length: 53_217 }, (_, i) => `a${i}:__typename`);
      let query = `{ ${aliases.join(' ')} }`;
      query += ' '.repeat(1_000_016 - query.length);
      expect(query.length).toBe(1_000_016);
      const { result, queries } = await statementsOf(query, { as: 'user' });
      expectLimit(result, 'tokens', 2000, null);
      expect(result.errors![0]!.message).toBe(
        'Number of tokens more than 2000 exceeds the limit of 2000 (GRAPHQL_MAX_TOKENS)',
      );
      expect(queries).toEqual([]);
    });

    it('refuses nested first: 1000 four levels deep by cost, page sizes multiplied, before any SQL', async () => {
      const query = `{ projects(first: 1000) { nodes { issues(first: 1000) { nodes {
        pullRequests(first: 1000) { nodes { reviews(first: 1000) { nodes { id } } } } } } } } }`;
      const { result, queries } = await statementsOf(query, { as: 'user' });
      // A connection costs 1 + first × its `nodes`, which cost 1 + their selection: reviews 1,001, pull
      // requests 1 + 1000 × 1,002, issues 1 + 1000 × 1,002,002, projects 1 + 1000 × 1,002,002,002.
      expectLimit(result, 'cost', 250_000, 1_002_002_002_001);
      expect(queries).toEqual([]);
    });

    it('takes page sizes from variables, and counts aliases of one connection each', async () => {
      const query = `query ($n: Int) { a: issues(first: $n) { nodes { id } } b: issues(first: $n) { nodes { id } } }`;
      const small = await app.graphql(query, { as: 'user', variables: { n: 10 } });
      expect(small.errors).toBeUndefined();
      const nested = `query ($n: Int) { a: issues(first: $n) { nodes { id children(first: 300) { nodes { id } } } } }`;
      expect((await app.graphql(nested, { as: 'user', variables: { n: 10 } })).errors).toBeUndefined();
      const refused = await app.graphql(nested, { as: 'user', variables: { n: 1000 } });
      expectLimit(refused, 'cost', 250_000, 1 + 1000 * (1 + 1 + 300));
      // Costs are remembered per document and variables: each set keeps its own answer.
      expect((await app.graphql(nested, { as: 'user', variables: { n: 10 } })).errors).toBeUndefined();
      expectLimit(
        await app.graphql(nested, { as: 'user', variables: { n: 1000 } }),
        'cost',
        250_000,
        1 + 1000 * (1 + 1 + 300),
      );
    });

    it('refuses more directives than allowed', async () => {
      const fields = Array.from({ length: 21 }, (_, i) => `f${i}: __typename @include(if: true)`);
      const { result, queries } = await statementsOf(`{ ${fields.join(' ')} }`, { as: 'user' });
      expectLimit(result, 'directives', 20, 21);
      expect(queries).toEqual([]);
    });

    it('lets every operation of schema/operations through at the largest page size', async () => {
      const dir = join(process.cwd(), 'schema', 'operations');
      const [{ key }] = await app.testDb.query<{ key: string }>(
        `select i.key from issues i join users u on u.client_id = i.client_id
          where u.email = 'admin@acme.example' limit 1`,
      );
      const [{ id: repositoryId }] = await app.testDb.query<{ id: number }>(
        `select r.id from repositories r join users u on u.client_id = r.client_id
          where u.email = 'admin@acme.example' limit 1`,
      );
      for (const file of readdirSync(dir).filter((name) => name.endsWith('.graphql'))) {
        const query = readFileSync(join(dir, file), 'utf8');
        // The ML monitoring lists serve at most 100 rows a page, the others 1000.
        const first = file === 'anomaly-alerts.graphql' ? 100 : 1000;
        const result = await app.graphql(query, { as: 'admin', variables: { first, key, repositoryId } });
        expect({ file, errors: result.errors }).toEqual({ file, errors: undefined });
      }
    });
  });

  describe('text PostgreSQL cannot store', () => {
    const CREATE = `mutation ($input: IssueCreateInput!) { createIssue(input: $input) { id } }`;

    it('refuses NUL in a mutation input as BAD_USER_INPUT, before any SQL, writing nothing', async () => {
      const [{ id: integrationId }] = await app.testDb.query<{ id: number }>(
        `select i.id from integrations i join users u on u.client_id = i.client_id
          where u.email = 'user@acme.example' limit 1`,
      );
      const before = await app.testDb.query(`select count(*)::int as n from issues`);
      const { result, queries } = await statementsOf(CREATE, {
        as: 'user',
        variables: { input: { key: 'NUL-1', summary: 'a\u0000b', integrationId } },
      });
      expect(result.status).toBe(400);
      expect(result.errors).toEqual([
        {
          message: '$input.summary: text must not contain NUL characters or unpaired surrogates',
          extensions: { code: 'BAD_USER_INPUT', field: '$input.summary', requestId: expect.any(String) },
        },
      ]);
      expect(queries).toEqual([]);
      expect(await app.testDb.query(`select count(*)::int as n from issues`)).toEqual(before);
    });

    it('refuses an unpaired surrogate and a NUL written in the query itself', async () => {
      const surrogate = await app.graphql(CREATE, {
        as: 'user',
        variables: { input: { key: 'NUL-2', summary: 'broken \ud800 text', integrationId: 1 } },
      });
      expect(surrogate.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
      const literal = await app.graphql(
        '{ issues(filter: { summary: { eq: "a\\u0000b" } }) { totalCount } }',
        { as: 'user' },
      );
      expect(literal.errors![0]).toMatchObject({
        message: 'query: text must not contain NUL characters or unpaired surrogates',
        extensions: { code: 'BAD_USER_INPUT' },
      });
    });
  });

  describe('exposure', () => {
    it('hides "Did you mean" from callers who may not introspect, in variables too', async () => {
      const query = `query ($order: [IssueOrder!]) { issues(first: 1, orderBy: $order) { totalCount } }`;
      const misspelled = [
        { variables: { order: [{ field: 'CREATD', direction: 'DESC' }] } },
        { variables: { order: [{ field: 'CREATED', direction: 'DESCC' }] } },
        { variables: { order: [{ feld: 'CREATED', direction: 'DESC' }] } },
      ];
      for (const { variables } of misspelled) {
        const result = await app.graphql(query, { as: 'user', variables });
        expect(result.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
        expect(JSON.stringify(result.errors)).not.toMatch(/Did you mean/);
      }
      const field = await app.graphql('{ issues(first: 1) { nodes { sumary } } }', { as: 'user' });
      expect(field.errors![0]!.extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(JSON.stringify(field.errors)).not.toMatch(/Did you mean/);
    });

    it('answers introspection to admins only', async () => {
      const query = '{ __schema { types { name } } }';
      const anonymous = await app.graphql(query);
      expect(anonymous.status).toBe(403);
      expect(anonymous.errors![0]).toMatchObject({
        message: 'Introspection is not available to this caller',
        extensions: { code: 'UNAUTHENTICATED' },
      });
      const user = await app.graphql(
        `query { ...Types } fragment Types on Query { __type(name: "Issue") { name } }`,
        {
          as: 'user',
        },
      );
      expect(user.errors![0]!.extensions!.code).toBe('FORBIDDEN');
      const admin = await app.graphql(query, { as: 'admin' });
      expect(admin.errors).toBeUndefined();
      expect(admin.data.__schema.types.length).toBeGreaterThan(100);
    });

    it('opens introspection to everyone only when configured outside production', async () => {
      const url = await serverWith({ introspection: 'everyone' });
      const result = await post(url, { query: '{ __type(name: "Issue") { name } }' });
      expect(result.data).toEqual({ __type: { name: 'Issue' } });
    });

    it('sends one error per forbidden field path, not one per row', async () => {
      const result = await app.graphql('{ issues(first: 40) { nodes { id embedding } } }', { as: 'user' });
      expect(result.data.issues.nodes).toHaveLength(40);
      expect(result.errors).toHaveLength(1);
      expect(result.errors![0]).toMatchObject({
        path: ['issues', 'nodes', 0, 'embedding'],
        extensions: { code: 'FORBIDDEN', occurrences: 40 },
      });
    });

    it('answers CORS preflights for configured origins only', async () => {
      const preflight = (url: string, origin: string) =>
        fetch(`${url}/graphql`, {
          method: 'OPTIONS',
          headers: {
            origin,
            'access-control-request-method': 'POST',
            'access-control-request-headers': 'content-type,authorization',
          },
        });
      const closed = await preflight(app.url, 'https://app.example');
      expect(closed.headers.get('access-control-allow-origin')).toBeNull();

      const url = await serverWith({ corsOrigins: ['https://app.example'] });
      const open = await preflight(url, 'https://app.example');
      expect(open.status).toBe(204);
      expect(open.headers.get('access-control-allow-origin')).toBe('https://app.example');
      expect(open.headers.get('access-control-allow-headers')).toMatch(/authorization/);
      expect(
        (await preflight(url, 'https://evil.example')).headers.get('access-control-allow-origin'),
      ).toBeNull();

      const call = await post(
        url,
        { query: '{ viewer { role } }' },
        {
          origin: 'https://app.example',
          authorization: `Bearer ${await app.token('user')}`,
        },
      );
      expect(call.data).toEqual({ viewer: { role: 'USER' } });
      expect(call.headers.get('access-control-allow-origin')).toBe('https://app.example');
      expect(call.headers.get('access-control-expose-headers')).toMatch(/x-request-id/);
    });

    it('sends security headers', async () => {
      const response = await fetch(`${app.url}/health`);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('content-security-policy')).toBe(
        "default-src 'none';frame-ancestors 'none'",
      );
      expect(response.headers.get('strict-transport-security')).toMatch(/max-age=/);
      expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    });
  });

  describe('request id', () => {
    it('generates one, or keeps a well-formed one, in the header, every error and every log line', async () => {
      const token = await app.token('user');
      const generated = await post(
        loggedServer,
        { query: '{ issues(first: 1) { nodes { embedding } } }' },
        {
          authorization: `Bearer ${token}`,
        },
      );
      const id = generated.headers.get('x-request-id')!;
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(generated.errors![0]!.extensions!.requestId).toBe(id);

      const given = await post(loggedServer, { query: '{ nope }' }, { 'x-request-id': 'trace-123.abc' });
      expect(given.headers.get('x-request-id')).toBe('trace-123.abc');
      expect(given.errors![0]!.extensions!.requestId).toBe('trace-123.abc');
      const lines = logLines.filter((line) => line.reqId === 'trace-123.abc');
      expect(lines.map((line) => line.msg)).toEqual(['incoming request', 'request completed']);

      const malformed = await post(loggedServer, { query: '{ nope }' }, { 'x-request-id': 'bad id\u00e9' });
      expect(malformed.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      // Every line the server logged belongs to a request it can be matched with.
      const requestLines = logLines.filter((line) => !String(line.msg).startsWith('Server listening'));
      expect(requestLines.length).toBeGreaterThan(4);
      expect(requestLines.filter((line) => typeof line.reqId !== 'string')).toEqual([]);
    });

    it('is in the errors answered before the GraphQL pipeline (bad token, CSRF, batching)', async () => {
      const badToken = await post(app.url, { query: '{ viewer { role } }' }, { authorization: 'Bearer x' });
      expect(badToken.status).toBe(401);
      expect(badToken.errors![0]!.extensions).toEqual({
        code: 'UNAUTHENTICATED',
        requestId: badToken.headers.get('x-request-id'),
      });
      const batch = await post(app.url, [{ query: '{ __typename }' }, { query: '{ __typename }' }]);
      expect(batch.status).toBe(400);
      expect(batch.errors![0]!.extensions!.requestId).toBe(batch.headers.get('x-request-id'));
    });
  });

  describe('what already held, and still does', () => {
    it('refuses a GET without a CSRF-safe header, and a 5 MB body with 413', async () => {
      const csrf = await fetch(`${app.url}/graphql?query=${encodeURIComponent('{ __typename }')}`);
      expect(csrf.status).toBe(400);
      expect(await csrf.text()).toMatch(/CSRF/);
      const huge = await fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: `{ __typename } #${'x'.repeat(5 * 1024 * 1024)}` }),
      });
      expect(huge.status).toBe(413);
    });
  });

  describe('rate limits per operation', () => {
    let limited = '';
    beforeAll(async () => {
      const defaults = gatewayDefaults();
      limited = await serverWith({
        rateLimit: { windowSeconds: 60, readsPerWindow: 5, writesPerWindow: 50 },
        // Aliases are capped at 15 by default; here the rate limit is what is being tested.
        queryLimits: { ...defaults.queryLimits, maxAliases: 200 },
      });
    });

    it('counts 100 aliased mutations as 100: 429 with a retry hint, no SQL, nothing written', async () => {
      const [{ id }] = await app.testDb.query<{ id: number }>(
        `select a.id from ml_anomaly_alerts a join users u on u.client_id = a.client_id
          where u.email = 'admin@acme.example' and not a.acknowledged limit 1`,
      );
      const acknowledge = (count: number) =>
        post(
          limited,
          {
            query: `mutation { ${Array.from({ length: count }, (_, i) => `a${i}: acknowledgeAnomalyAlert(id: ${id}) { id }`).join(' ')} }`,
          },
          { authorization: `Bearer ${token}` },
        );
      const token = await app.token('admin');
      await post(limited, { query: '{ viewer { role } }' }, { authorization: `Bearer ${token}` });

      app.sql.clear();
      const refused = await acknowledge(100);
      expect(refused.status).toBe(429);
      const retryAfter = Number(refused.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(refused.errors).toEqual([
        {
          message: `Rate limit of 50 mutations per 60 s exceeded (this request has 100); retry in ${retryAfter} s`,
          extensions: { code: 'RATE_LIMITED', retryAfterSeconds: retryAfter, requestId: expect.any(String) },
        },
      ]);
      expect(app.sql.queries).toEqual([]);
      expect(
        await app.testDb.query('select acknowledged from ml_anomaly_alerts where id = $1', [id]),
      ).toEqual([{ acknowledged: false }]);

      const within = await acknowledge(40);
      expect(within.errors).toBeUndefined();
      expect(Object.keys(within.data)).toHaveLength(40);
      const over = await acknowledge(11);
      expect(over.status).toBe(429);
      expect(over.errors![0]!.message).toMatch(/this request has 11/);
    });

    it('limits anonymous callers per IP, apart from signed-in viewers', async () => {
      const anonymous = () => post(limited, { query: '{ a: viewer { role } b: viewer { role } }' });
      expect((await anonymous()).status).toBe(200);
      expect((await anonymous()).status).toBe(200);
      const third = await anonymous();
      expect(third.status).toBe(429);
      expect(third.errors![0]!.extensions!.code).toBe('RATE_LIMITED');
      const signedIn = await post(
        limited,
        { query: '{ viewer { role } }' },
        {
          authorization: `Bearer ${await app.token('viewer')}`,
        },
      );
      expect(signedIn.data).toEqual({ viewer: { role: 'VIEWER' } });
    });
  });
});
