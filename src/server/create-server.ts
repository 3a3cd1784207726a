import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import fastifyApollo, { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import type { GraphQLSchema } from 'graphql';
import { GraphQLError } from 'graphql';

import { InvalidTokenError } from '../auth/tokens.js';
import type { TokenService } from '../auth/tokens.js';
import type { Config } from '../config/config.js';
import { buildContext } from '../context/build-context.js';
import type { TenantScopeMode } from '../context/build-context.js';
import type { Context } from '../context/context.js';
import type { Database } from '../db/database.js';
import { createErrorFormatter } from '../graphql/format-error.js';
import { graphqlMetricsPlugin } from './metrics.js';
import { registerOperationalEndpoints } from './operational-endpoints.js';

export interface ServerDependencies {
  config: Pick<Config, 'logLevel'>;
  database: Database;
  tokens: TokenService;
  schema: GraphQLSchema;
  /** Tests only: `database-only` drops the application's tenant condition to prove RLS alone isolates. */
  tenantScope?: TenantScopeMode;
}

export interface GatewayServer {
  app: FastifyInstance;
  apollo: ApolloServer<Context>;
}

/** Fastify + Apollo: `POST /graphql`, `GET /health`. Nothing listens until the caller says so. */
export async function createServer({
  config,
  database,
  tokens,
  schema,
  tenantScope,
}: ServerDependencies): Promise<GatewayServer> {
  const app = Fastify({
    logger:
      config.logLevel === 'silent'
        ? false
        : { level: config.logLevel, redact: ['req.headers.authorization', 'req.headers.cookie'] },
    genReqId: () => crypto.randomUUID(),
    bodyLimit: 1024 * 1024,
  });
  // /health/database, /health/ml, /metrics, HTTP metrics and per-request read routing. It returns the
  // metrics that graphqlMetricsPlugin(metrics) (server/metrics.ts) takes in Apollo's plugins.
  const metrics = registerOperationalEndpoints(app, { database, tokens });

  const apollo = new ApolloServer<Context>({
    schema,
    plugins: [
      fastifyApolloDrainPlugin(app),
      ApolloServerPluginLandingPageDisabled(),
      // Cache hints are unused here, and the plugin wraps every field resolver: measurable on big pages.
      ApolloServerPluginCacheControlDisabled(),
      graphqlMetricsPlugin(metrics),
      {
        // The request's read transaction ends before the response leaves: its connection goes back to
        // the pool at once, and a response is never sent while its transaction could still fail.
        requestDidStart: async () => ({
          willSendResponse: ({ contextValue }) => contextValue.reader.end(),
        }),
      },
    ],
    // Compact JSON: the pretty-printed default costs CPU and bytes on every large page.
    stringifyResult: (value) => JSON.stringify(value),
    formatError: createErrorFormatter(app.log),
    includeStacktraceInErrorResponses: false,
    // Field suggestions ("Did you mean ...?") would reveal admin-only fields to anyone.
    hideSchemaDetailsFromClientErrors: true,
  });
  await apollo.start();

  /** Liveness only: answers without touching the database, so a slow database does not restart pods. */
  app.get('/health', async () => ({ status: 'ok' }));

  await app.register(fastifyApollo(apollo), {
    path: '/graphql',
    method: ['GET', 'POST', 'OPTIONS'],
    context: async (request) => {
      try {
        return await buildContext(database, tokens, request.headers.authorization, request.id, tenantScope);
      } catch (error) {
        if (error instanceof InvalidTokenError) {
          throw new GraphQLError(error.message, {
            extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
          });
        }
        throw error;
      }
    },
  });

  return { app, apollo };
}
