import 'reflect-metadata';

import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';

import { TokenService } from '../auth/tokens.js';
import { openDatabase } from '../db/database.js';
import type { Database } from '../db/database.js';
import { migrateUp } from '../db/migration-runner.js';
import { buildGatewaySchema } from '../graphql/build-schema.js';
import { Client } from '../modules/clients/client.entity.js';
import { User } from '../modules/users/user.entity.js';
import { openSession } from '../modules/users/user-sessions.js';
import { createTestDatabase } from '../testing/test-database.js';
import type { TestDatabase } from '../testing/test-database.js';
import { createServer } from './create-server.js';
import type { GatewayServer } from './create-server.js';
import { GATEWAY_ENTITIES, GATEWAY_MODULES } from '../modules/index.js';

const VIEWER_QUERY = '{ viewer { role user { id email } client { id name } } }';

describe('gateway HTTP server', () => {
  let testDb: TestDatabase;
  let database: Database;
  let server: GatewayServer;
  let tokens: TokenService;
  const ids = { acme: 0, globex: 0, acmeAdmin: 0 };

  let baseUrl = '';
  const graphql = async (query: string, authorization?: string) => {
    const response = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify({ query }),
    });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return { status: response.status, body: (await response.json()) as { data?: any; errors?: any[] } };
  };

  beforeAll(async () => {
    testDb = await createTestDatabase('server');
    database = await openDatabase(
      { ...testDb, embeddedDataDir: 'memory', logSql: false },
      { entities: GATEWAY_ENTITIES },
    );
    await migrateUp(database.orm);
    const em = database.fork();
    const acme = em.create(Client, { name: 'Acme' });
    const globex = em.create(Client, { name: 'Globex' });
    const admin = em.create(User, {
      client: acme,
      email: 'admin@acme.example',
      role: 'admin',
      isAdmin: true,
      passwordHash: 'scrypt$secret',
    });
    await em.flush();
    Object.assign(ids, { acme: acme.id, globex: globex.id, acmeAdmin: admin.id });
    await testDb.waitForReplica();
    tokens = await TokenService.fromConfig(
      { secret: 's'.repeat(40), publicKey: null, issuer: null, audience: null },
      null,
    );
    server = await createServer({
      config: { logLevel: 'silent' },
      database,
      tokens,
      schema: (await buildGatewaySchema(GATEWAY_MODULES)).schema,
    });
    baseUrl = await server.app.listen({ host: '127.0.0.1', port: 0 });
  });

  afterAll(async () => {
    await server?.app.close();
    await database?.close();
    await testDb?.drop();
  });

  it('answers /health without a database round trip', async () => {
    const response = await fetch(`${baseUrl}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'healthy' });
  });

  it('tells a token holder who they are', async () => {
    const { token } = await openSession(database.fork(), tokens, {
      userId: ids.acmeAdmin,
      clientId: ids.acme,
      role: 'admin',
    });
    const { status, body } = await graphql(VIEWER_QUERY, `Bearer ${token}`);
    expect(status).toBe(200);
    expect(body).toEqual({
      data: {
        viewer: {
          role: 'ADMIN',
          user: { id: ids.acmeAdmin, email: 'admin@acme.example' },
          client: { id: ids.acme, name: 'Acme' },
        },
      },
    });
  });

  it('reads through the table API without forking an EntityManager (Apollo copies the context per operation)', async () => {
    const { token } = await openSession(database.fork(), tokens, {
      userId: ids.acmeAdmin,
      clientId: ids.acme,
      role: 'admin',
    });
    const fork = jest.spyOn(database, 'fork');
    try {
      const { status, body } = await graphql(
        '{ clients(first: 5) { totalCount nodes { name } } }',
        `Bearer ${token}`,
      );
      expect(status).toBe(200);
      expect(body).toEqual({ data: { clients: { totalCount: 1, nodes: [{ name: 'Acme' }] } } });
      expect(fork).not.toHaveBeenCalled();
    } finally {
      fork.mockRestore();
    }
  });

  it('does not let a token claim another client for its user', async () => {
    const token = await tokens.sign({ userId: ids.acmeAdmin, clientId: ids.globex, role: 'admin' });
    const { status, body } = await graphql(VIEWER_QUERY, `Bearer ${token}`);
    expect(status).toBe(401);
    expect(body.data).toBeUndefined();
    expect(body.errors![0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('asks anonymous callers to authenticate', async () => {
    const { body } = await graphql(VIEWER_QUERY);
    expect(body.errors![0]).toMatchObject({
      message: 'Authentication required',
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });

  it('answers a bad token with 401 UNAUTHENTICATED and no details', async () => {
    const { status, body } = await graphql(VIEWER_QUERY, 'Bearer not-a-token');
    expect(status).toBe(401);
    expect(body.errors).toEqual([
      {
        message: 'token is invalid',
        extensions: { code: 'UNAUTHENTICATED', requestId: expect.any(String) },
      },
    ]);
  });

  it('has no field for the password hash, and does not hint at hidden fields', async () => {
    const { token } = await openSession(database.fork(), tokens, {
      userId: ids.acmeAdmin,
      clientId: ids.acme,
      role: 'admin',
    });
    const { body } = await graphql('{ viewer { user { passwordHash passwordHas } } }', `Bearer ${token}`);
    expect(body.errors![0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(body)).not.toMatch(/scrypt|Did you mean/);
  });
});
