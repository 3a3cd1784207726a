import type { FastifyInstance } from 'fastify';

import type { TokenService } from '../auth/tokens.js';
import type { Database } from '../db/database.js';
import { registerHealthRoutes } from '../health/health.routes.js';
import type { HealthService } from '../health/health.service.js';
import { createGatewayMetrics, registerMetricsRoutes } from './metrics.js';
import type { GatewayMetrics, MetricsAccess } from './metrics.js';

export interface OperationalDependencies {
  database: Pick<Database, 'kind' | 'orm' | 'router'>;
  tokens: TokenService;
  health?: HealthService;
  /** Who may scrape `/metrics` on this server (default: local requests only). */
  metricsAccess?: MetricsAccess;
}

/**
 * What operators need around the API: `/health/database`, `/health/ml`, `/metrics` with per-request
 * HTTP metrics. Call it right after creating the Fastify instance, before other routes, so its hooks
 * cover them all. Returns the metrics for `graphqlMetricsPlugin(metrics)` in Apollo's plugins and for
 * the request context's loaders.
 */
export function registerOperationalEndpoints(
  app: FastifyInstance,
  dependencies: OperationalDependencies,
): GatewayMetrics {
  const { router, orm, kind } = dependencies.database;
  const metrics = createGatewayMetrics({ router, orm, kind });
  router.reportTo(metrics);
  registerMetricsRoutes(app, metrics, dependencies.metricsAccess);
  registerHealthRoutes(app, dependencies);
  return metrics;
}
