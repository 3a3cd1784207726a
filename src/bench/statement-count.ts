import type { LogContext, Options } from '@mikro-orm/core';
import type { FastifyInstance } from 'fastify';

import type { TokenService } from '../auth/tokens.js';
import { loadConfig } from '../config/config.js';
import { openDatabase } from '../db/database.js';
import type { Database } from '../db/database.js';
import { buildGatewaySchema } from '../graphql/build-schema.js';
import { createServer } from '../server/create-server.js';
import { requestBody, responseFailure } from './graphql-response.js';
import type { Failure } from './graphql-response.js';
import { BENCH_GATEWAY_ENV } from './gateway-process.js';
import { GATEWAY_ENTITIES, GATEWAY_MODULES } from '../modules/index.js';

export interface CountedRequest {
  status: number;
  body: string;
  failure: Failure | null;
  /** Every statement the ORM sent while the request ran, in order. */
  statements: { sql: string; connection: 'read' | 'write' | string }[];
}

/**
 * A second gateway, in this process, whose ORM logger records every SQL statement (as in
 * src/testing/sql-capture.ts). Requests go through Fastify's `inject` (no socket) one at a time, so the
 * statements logged between a request's start and its response are that request's. Used only for the
 * counts: the logger costs time, so latency and throughput are measured on the production-like child
 * process instead.
 */
export class StatementCounter {
  private constructor(
    private readonly app: FastifyInstance,
    private readonly database: Database,
    private readonly log: CountedRequest['statements'],
    private readonly authorization: string,
  ) {}

  static async open(
    urls: { databaseUrl: string; replicaUrls: string[] },
    tokens: TokenService,
    token: string,
  ): Promise<StatementCounter> {
    const log: CountedRequest['statements'] = [];
    const ignore = () => undefined;
    const overrides: Partial<Options> = {
      debug: ['query'],
      loggerFactory: () => ({
        log: ignore,
        error: ignore,
        warn: ignore,
        setDebugMode: ignore,
        isEnabled: () => true,
        logQuery: (context: LogContext) => {
          // MikroORM's per-query opt-out: the read router's background replica probes are not requests'.
          if (context.enabled === false) return;
          if (context.query)
            log.push({ sql: context.query, connection: context.connection?.type ?? 'unknown' });
        },
      }),
    };
    const database = await openDatabase(
      { ...urls, embeddedDataDir: 'memory', logSql: false },
      { ...overrides, entities: GATEWAY_ENTITIES },
    );
    try {
      const { app } = await createServer({
        // The bench signs a sessionless token and sends one viewer's load: no session, no rate limit.
        config: { logLevel: 'silent', security: loadConfig(BENCH_GATEWAY_ENV).security },
        database,
        tokens,
        schema: (await buildGatewaySchema(GATEWAY_MODULES)).schema,
      });
      await app.ready();
      return new StatementCounter(app, database, log, `Bearer ${token}`);
    } catch (error) {
      await database.close();
      throw error;
    }
  }

  async request(
    document: string,
    operationName: string,
    variables: Record<string, unknown>,
  ): Promise<CountedRequest> {
    this.log.length = 0;
    const response = await this.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json', authorization: this.authorization },
      payload: requestBody(document, operationName, variables),
    });
    // Let anything the request started without awaiting (it should not) show up in its count.
    await new Promise((resolve) => setTimeout(resolve, 10));
    const statements = this.log.splice(0, this.log.length);
    return {
      status: response.statusCode,
      body: response.body,
      failure: responseFailure(response.statusCode, response.body),
      statements,
    };
  }

  async close(): Promise<void> {
    await this.app.close();
    await this.database.close();
  }
}
