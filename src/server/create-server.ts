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
import { CredentialGuard } from '../auth/credential-guard.js';
import { CursorSigner } from '../common/table-api/cursors.js';
import type { CursorKeySource } from '../common/table-api/cursors.js';
import { loadConfig } from '../config/config.js';
import type { Config } from '../config/config.js';
import { buildContext } from '../context/build-context.js';
import type { TenantScopeMode } from '../context/request-scope.js';
import type { Context } from '../context/context.js';
import type { Database } from '../db/database.js';
import { isDatabaseUnavailable } from '../db/database-faults.js';
import { createErrorFormatter } from '../graphql/format-error.js';
import {
  introspectionGatePlugin,
  registerEdgeProtection,
  requestIdOf,
  responseShapingPlugin,
} from './exposure.js';
import { graphqlMetricsPlugin, registerMetricsOnlyRoutes } from './metrics.js';
import { registerOperationalEndpoints } from './operational-endpoints.js';
import { CAUSAL_TOKEN_HEADER, causalTokenPlugin, readAfterLsnOf } from './causal-token.js';
import { contextDatabaseUnavailable, databaseFaultStatusPlugin } from './database-fault-status.js';
import { adminOnlyIntrospectionPlugin, registerPlayground } from './playground.js';
import { compiledExecutionGateway } from './compiled-execution.js';
import type { CompiledExecutionOptions } from './compiled-execution.js';
import { filterSizePlugin } from './filter-size-limit.js';
import { queryCostPlugin, queryShapeLimits } from './query-limits.js';
import { queryTimeoutPlugin } from './query-timeout.js';
import { OperationRateLimiter, rateLimitPlugin, registerClientIpHeader } from './rate-limit.js';
import { loggerOptions } from './server-logger.js';
import { textInputGuardPlugin } from './text-input-guard.js';

export interface ServerDependencies {
  /** `security` defaults to what an empty environment gives (see config/config.ts). */
  config: Pick<Config, 'logLevel'> &
    Partial<
      Pick<Config, 'security' | 'logFormat' | 'playground' | 'metrics' | 'cursorSecret' | 'execution'>
    > & {
      jwt?: Pick<Config['jwt'], 'secret'>;
    };
  database: Database;
  tokens: TokenService;
  schema: GraphQLSchema;
  /** Where log lines go (default stdout); tests read them. */
  logStream?: { write(line: string): void };
  /** Put in the playground's headers editor (the embedded database's demo admin token). */
  playgroundToken?: string | null;
  /** When documents get compiled (default: on their second run); tests compile from the first. */
  compiledExecution?: CompiledExecutionOptions;
  /** Tests only: `database-only` drops the application's tenant condition to prove RLS alone isolates. */
  tenantScope?: TenantScopeMode;
}

export interface GatewayServer {
  app: FastifyInstance;
  apollo: ApolloServer<Context>;
  /** Forget cached credential checks (after revoking sessions in-process: tests, admin mutation). */
  credentials: CredentialGuard;
  /** `/metrics` alone, when METRICS_PORT gives it its own listen address; the caller listens. */
  metricsApp: FastifyInstance | null;
  /** Where the cursor key came from; `per-process` keys differ between instances (start-up warns). */
  cursorKeySource: CursorKeySource;
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
  logStream,
  playgroundToken = null,
  tenantScope,
  compiledExecution,
}: ServerDependencies): Promise<GatewayServer> {
  const logger = loggerOptions(config.logLevel, config.logFormat ?? 'json');
  const app = Fastify({
    // Tests hand in a stream to read the lines: JSON lines then, never the pretty transport.
    logger:
      logger && typeof logger === 'object' && logStream
        ? { ...logger, transport: undefined, stream: logStream }
        : logger,
    genReqId: requestIdOf,
    bodyLimit: 1024 * 1024,
  });
  const security = config.security ?? loadConfig({}).security;
  await registerEdgeProtection(app, security);
  registerClientIpHeader(app);
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

  const credentials = new CredentialGuard(database, security.credentials);
  const cursorSigner = CursorSigner.fromSecrets({
    cursorSecret: config.cursorSecret,
    jwtSecret: config.jwt?.secret,
  });
  const shapeLimits = queryShapeLimits(security.queryLimits);
  const apollo = new ApolloServer<Context>({
    // Compiled unless switched off (GRAPHQL_EXECUTION=interpreted): same resolvers and rules either way.
    ...(config.execution === 'interpreted'
      ? { schema }
      : { gateway: compiledExecutionGateway(schema, compiledExecution) }),
    introspection: security.introspection !== 'off',
    validationRules: shapeLimits.validationRules,
    parseOptions: shapeLimits.parseOptions,
    plugins: [
      fastifyApolloDrainPlugin(app),
      ApolloServerPluginLandingPageDisabled(),
      // Cache hints are unused here, and the plugin wraps every field resolver: measurable on big pages.
      ApolloServerPluginCacheControlDisabled(),
      graphqlMetricsPlugin(metrics),
      // In this order, after parsing and validation (depth, aliases, directives, tokens) and before
      // any resolver runs: who may introspect, how big its filters are, what a request costs, how many
      // operations it holds, and whether its text can be stored.
      introspectionGatePlugin(security.introspection),
      // The filter size first: the cost estimate coerces the variables, which a huge filter makes slow.
      filterSizePlugin(security.queryLimits.maxFilterTerms),
      queryCostPlugin(schema, security.queryLimits.maxCost),
      rateLimitPlugin(new OperationRateLimiter(security.rateLimit)),
      textInputGuardPlugin(),
      queryTimeoutPlugin(app.log),
      responseShapingPlugin(security.introspection, app.log),
      ...(playground === 'admin' ? [adminOnlyIntrospectionPlugin()] : []),
      // 503 + Retry-After when the database failed the whole request; the mutation's WAL position.
      databaseFaultStatusPlugin(),
      causalTokenPlugin(database),
      {
        // The request's read transaction ends before the response leaves: its connection goes back to
        // the pool at once, and a response is never sent while its transaction could still fail.
        requestDidStart: async () => ({
          willSendResponse: async ({ contextValue }) => {
            // A request refused before its context was built has no reader.
            await contextValue?.reader?.end();
          },
        }),
      },
    ],
    // Compact JSON: the pretty-printed default costs CPU and bytes on every large page.
    stringifyResult: (value) => JSON.stringify(value),
    formatError: createErrorFormatter(),
    includeStacktraceInErrorResponses: false,
    // Field suggestions ("Did you mean ...?") would reveal admin-only fields to anyone.
    hideSchemaDetailsFromClientErrors: true,
  });
  await apollo.start();

  /** Liveness only: answers without touching the database, so a slow database does not restart pods. */
  app.get('/health', async () => ({ status: 'healthy' }));

  await app.register(fastifyApollo(apollo), {
    path: '/graphql',
    // OPTIONS is answered by @fastify/cors (preflights), not by Apollo's CSRF check.
    method: ['GET', 'POST'],
    context: async (request) => {
      try {
        return await buildContext(
          database,
          tokens,
          request.headers.authorization,
          request.id,
          credentials,
          cursorSigner,
          metrics,
          tenantScope,
          readAfterLsnOf(request.headers[CAUSAL_TOKEN_HEADER]),
        );
      } catch (error) {
        if (error instanceof GraphQLError) throw error;
        if (error instanceof InvalidTokenError) {
          throw new GraphQLError(error.message, {
            extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
          });
        }
        request.log.error({ err: error }, 'could not build the request context');
        // The credential check reached neither the primary nor a replica.
        if (isDatabaseUnavailable(error)) throw contextDatabaseUnavailable();
        throw error;
      }
    },
  });

  return { app, apollo, credentials, metricsApp, cursorKeySource: cursorSigner.source };
}
