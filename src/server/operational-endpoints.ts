import type { FastifyInstance } from 'fastify';

import type { TokenService } from '../auth/tokens.js';
import type { Database } from '../db/database.js';
import { registerHealthRoutes } from '../health/health.routes.js';
import type { HealthService } from '../health/health.service.js';
import { createGatewayMetrics, registerMetricsRoutes } from './metrics.js';
import type { GatewayMetrics } from './metrics.js';

export interface OperationalDependencies {
  database: Pick<Database, 'kind' | 'orm' | 'router'>;
  tokens: TokenService;
  health?: HealthService;
}

/**
 * What operators need around the API: `/health/database`, `/health/ml`, `/metrics` with per-request
 * HTTP metrics. Call it right after creating the Fastify instance, before other routes, so its hooks
 * cover them all. Returns the metrics for `graphqlMetricsPlugin(metrics)` in Apollo's plugins.
 */
export function registerOperationalEndpoints(
  app: FastifyInstance,
  dependencies: OperationalDependencies,
): GatewayMetrics {
  const { router } = dependencies.database;
  const metrics = createGatewayMetrics(router);
  registerMetricsRoutes(app, metrics);
  registerHealthRoutes(app, dependencies);
  return metrics;
}
