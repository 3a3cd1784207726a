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
import type { Context } from '../context/context.js';
import type { Database } from '../db/database.js';
import { createErrorFormatter } from '../graphql/format-error.js';
import { graphqlMetricsPlugin, registerMetricsOnlyRoutes } from './metrics.js';
import { registerOperationalEndpoints } from './operational-endpoints.js';
import { adminOnlyIntrospectionPlugin, registerPlayground } from './playground.js';
import { loggerOptions } from './server-logger.js';

export interface ServerDependencies {
  config: Pick<Config, 'logLevel'> & Partial<Pick<Config, 'logFormat' | 'playground' | 'metrics'>>;
  database: Database;
  tokens: TokenService;
  schema: GraphQLSchema;
  /** Put in the playground's headers editor (the embedded database's demo admin token). */
  playgroundToken?: string | null;
}

export interface GatewayServer {
  app: FastifyInstance;
  apollo: ApolloServer<Context>;
  /** `/metrics` alone, when METRICS_PORT gives it its own listen address; the caller listens. */
  metricsApp: FastifyInstance | null;
}

/**
 * Fastify + Apollo: `POST /graphql`, the playground, `GET /health`, `/health/*` and `/metrics`. Nothing
 * listens until the caller says so.
 */
export async function createServer({
  config,
  database,
  tokens,
  schema,
  playgroundToken = null,
}: ServerDependencies): Promise<GatewayServer> {
  const logger = loggerOptions(config.logLevel, config.logFormat ?? 'json');
  const app = Fastify({
    logger,
    genReqId: () => crypto.randomUUID(),
    bodyLimit: 1024 * 1024,
  });
  const metricsConfig = config.metrics ?? { token: null, port: null, host: '127.0.0.1' };
  // /health/database, /health/ml, /metrics, HTTP metrics and per-request read routing. It returns the
  // metrics that graphqlMetricsPlugin(metrics) (server/metrics.ts) takes in Apollo's plugins.
  const metrics = registerOperationalEndpoints(app, {
    database,
    tokens,
    metricsAccess: { token: metricsConfig.token, separatePort: metricsConfig.port !== null },
  });
  let metricsApp: FastifyInstance | null = null;
  if (metricsConfig.port !== null) {
    metricsApp = Fastify({ logger });
    registerMetricsOnlyRoutes(metricsApp, metrics);
  }
  const playground = config.playground ?? 'off';
  registerPlayground(app, { mode: playground, prefillToken: playground === 'on' ? playgroundToken : null });

  const apollo = new ApolloServer<Context>({
    schema,
    plugins: [
      fastifyApolloDrainPlugin(app),
      ApolloServerPluginLandingPageDisabled(),
      // Cache hints are unused here, and the plugin wraps every field resolver: measurable on big pages.
      ApolloServerPluginCacheControlDisabled(),
      graphqlMetricsPlugin(metrics),
      ...(playground === 'admin' ? [adminOnlyIntrospectionPlugin()] : []),
    ],
    formatError: createErrorFormatter(app.log),
    includeStacktraceInErrorResponses: false,
    // Field suggestions ("Did you mean ...?") would reveal admin-only fields to anyone.
    hideSchemaDetailsFromClientErrors: true,
  });
  await apollo.start();

  /** Liveness only: answers without touching the database, so a slow database does not restart pods. */
  app.get('/health', async () => ({ status: 'healthy' }));

  await app.register(fastifyApollo(apollo), {
    path: '/graphql',
    method: ['GET', 'POST', 'OPTIONS'],
    context: async (request) => {
      try {
        return await buildContext(database, tokens, request.headers.authorization, request.id, metrics);
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

  return { app, apollo, metricsApp };
}
