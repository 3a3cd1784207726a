import 'reflect-metadata';

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';

import { TokenService } from '../auth/tokens.js';
import { mintTokenForEmail } from '../cli/demo-tokens.js';
import { seedIfEmpty } from '../cli/seed-command.js';
import { openDatabase } from '../db/database.js';
import type { Database } from '../db/database.js';
import { migrateUp } from '../db/migration-runner.js';
import { buildGatewaySchema } from '../graphql/build-schema.js';
import { chromiumPath } from '../testing/chromium.js';
import { createTestDatabase } from '../testing/test-database.js';
import type { TestDatabase } from '../testing/test-database.js';
import { createServer } from './create-server.js';
import type { GatewayServer } from './create-server.js';
import { GATEWAY_ENTITIES, GATEWAY_MODULES } from '../modules/index.js';

/**
 * The playground in a real headless Chromium against a gateway on real PostgreSQL: it loads from this
 * machine alone, runs a query with the prefilled token, and shows FORBIDDEN on a viewer's `embedding`.
 */
describe('GraphQL playground in a browser', () => {
  let testDb: TestDatabase;
  let database: Database;
  let server: GatewayServer;
  let browser: Browser;
  let baseUrl = '';
  const tokens: Record<'admin' | 'viewer', string> = { admin: '', viewer: '' };

  beforeAll(async () => {
    testDb = await createTestDatabase('playground');
    database = await openDatabase(
      { ...testDb, embeddedDataDir: 'memory', logSql: false },
      { entities: GATEWAY_ENTITIES },
    );
    await migrateUp(database.orm);
    await seedIfEmpty(database.fork(), { clients: 1, issuesPerClient: 10, embeddingShare: 1 });
    await testDb.waitForReplica();
    const tokenService = await TokenService.fromConfig(
      { secret: 'p'.repeat(40), publicKey: null, issuer: null, audience: null },
      null,
    );
    tokens.admin = await mintTokenForEmail(database.fork(), tokenService, 'admin@acme.example');
    tokens.viewer = await mintTokenForEmail(database.fork(), tokenService, 'viewer@acme.example');
    server = await createServer({
      config: { logLevel: 'silent', playground: 'on' },
      database,
      tokens: tokenService,
      schema: (await buildGatewaySchema(GATEWAY_MODULES)).schema,
      playgroundToken: tokens.admin,
    });
    baseUrl = await server.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox'] });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.app.close();
    await database?.close();
    await testDb?.drop();
  });

  /** Opens the playground; every request the page makes is recorded, and any not to 127.0.0.1 refused. */
  async function openPlayground(): Promise<{
    page: Page;
    requested: string[];
    introspectionStatuses: number[];
  }> {
    // Tall enough that Monaco renders the whole (virtualised) result.
    const context = await browser.newContext({ viewport: { width: 1400, height: 2400 } });
    const page = await context.newPage();
    const requested: string[] = [];
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      requested.push(url);
      const { protocol, hostname } = new URL(url);
      const local = hostname === '127.0.0.1' || protocol === 'data:' || protocol === 'blob:';
      await (local ? route.continue() : route.abort());
    });
    // What the docs pane got: the status of every schema request the IDE made.
    const introspectionStatuses: number[] = [];
    page.on('response', (response) => {
      if ((response.request().postData() ?? '').includes('IntrospectionQuery')) {
        introspectionStatuses.push(response.status());
      }
    });
    await page.goto(`${baseUrl}/`, { waitUntil: 'load' });
    await page.locator('.graphiql-execute-button').waitFor({ timeout: 60_000 });
    return { page, requested, introspectionStatuses };
  }

  /** Runs the editor's operation and returns the new result as text (whitespace collapsed). */
  async function run(page: Page): Promise<string> {
    const result = page.locator('.result-window');
    const before = await result.innerText();
    // The answer to this operation, not to a schema request the IDE may still be making.
    const answered = page.waitForResponse(
      (response) =>
        response.url().endsWith('/graphql') &&
        !(response.request().postData() ?? '').includes('IntrospectionQuery'),
      { timeout: 30_000 },
    );
    await page.locator('.graphiql-execute-button').click();
    await answered;
    await page.waitForFunction(
      (previous) => {
        // Runs in the page; the project's types have no DOM library.
        const { document } = globalThis as unknown as {
          document: { querySelector(selector: string): { textContent: string | null } | null };
        };
        const text = document.querySelector('.result-window')?.textContent ?? '';
        return text !== previous && /"(data|errors)"/.test(text);
      },
      before,
      { timeout: 30_000 },
    );
    return (await result.innerText()).replace(/\s+/g, ' ');
  }

  /** Replaces the whole text of a Monaco editor as a person pasting would. */
  async function replaceEditorText(page: Page, editor: string, text: string) {
    await page.locator(`${editor} .graphiql-editor:not(.hidden) .monaco-editor`).click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText(text);
  }

  it('loads from this machine alone and runs the example query with the prefilled token', async () => {
    const { page, requested, introspectionStatuses } = await openPlayground();
    expect(page.url()).toBe(`${baseUrl}/playground`);
    expect(requested.length).toBeGreaterThan(3);
    expect(requested.filter((url) => !url.startsWith(baseUrl) && !/^(data|blob):/.test(url))).toEqual([]);

    const text = await run(page);
    expect(text).toContain('"role": "ADMIN"');
    expect(text).toContain('"name": "Acme Corp"');
    expect(text).toContain('"totalCount": 10');
    expect(text).not.toContain('"errors"');
    // The docs pane has the schema: its first request already carried the prefilled admin token
    // (GraphiQL asks before its headers editor exists), so no refusal ever reached the result pane.
    expect(introspectionStatuses.length).toBeGreaterThan(0);
    expect(introspectionStatuses.every((status) => status === 200)).toBe(true);
    await page.context().close();
  });

  it("shows FORBIDDEN for a viewer's embedding, and the vector for the admin", async () => {
    const { page } = await openPlayground();
    await replaceEditorText(
      page,
      '.graphiql-query-editor',
      '{ issues(first: 1) { nodes { key embedding } } }',
    );
    expect(await run(page)).toMatch(/"embedding": \[ -?\d/);

    await page.getByRole('button', { name: /headers/i }).click();
    await replaceEditorText(
      page,
      '.graphiql-editor-tool',
      JSON.stringify({ authorization: `Bearer ${tokens.viewer}` }),
    );
    const text = await run(page);
    expect(text).toContain('"code": "FORBIDDEN"');
    expect(text).toContain('"embedding"');
    expect(text).not.toMatch(/"embedding": \[ -?\d/);
    await page.context().close();
  });

  describe('PLAYGROUND=admin and off, over plain HTTP', () => {
    const started: GatewayServer[] = [];
    afterAll(async () => {
      await Promise.all(started.map((gateway) => gateway.app.close()));
    });

    async function serve(playground: 'admin' | 'off') {
      const gateway = await createServer({
        config: { logLevel: 'silent', playground },
        database,
        tokens: await TokenService.fromConfig(
          { secret: 'p'.repeat(40), publicKey: null, issuer: null, audience: null },
          null,
        ),
        schema: (await buildGatewaySchema(GATEWAY_MODULES)).schema,
        playgroundToken: tokens.admin,
      });
      started.push(gateway);
      return gateway.app.listen({ host: '127.0.0.1', port: 0 });
    }

    const introspect = async (url: string, token: string) => {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: '{ __schema { queryType { name } } }' }),
      });
      return (await response.json()) as { data?: unknown; errors?: { extensions: { code: string } }[] };
    };

    it('admin: serves the page without a prefilled token and lets only admins introspect', async () => {
      const url = await serve('admin');
      const page = await fetch(`${url}/playground`).then((response) => response.text());
      expect(page).toContain('/playground/static/ruru.js');
      expect(page).not.toContain(tokens.admin);
      expect((await introspect(url, tokens.viewer)).errors?.[0]?.extensions.code).toBe('FORBIDDEN');
      expect((await introspect(url, tokens.admin)).data).toEqual({
        __schema: { queryType: { name: 'Query' } },
      });
    });

    it('off: no page, no assets, and the API still answers', async () => {
      const url = await serve('off');
      expect((await fetch(`${url}/playground`)).status).toBe(404);
      expect((await fetch(`${url}/playground/static/ruru.js`)).status).toBe(404);
      expect((await introspect(url, tokens.admin)).data).toEqual({
        __schema: { queryType: { name: 'Query' } },
      });
    });
  });
});
