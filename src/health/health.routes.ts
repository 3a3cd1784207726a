import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import { bearerToken } from '../auth/tokens.js';
import type { TokenService } from '../auth/tokens.js';
import type { Database } from '../db/database.js';
import { HealthService } from './health.service.js';
import type { HealthReport, HealthStatus } from './health.service.js';

export interface HealthRouteDependencies {
  database: Pick<Database, 'kind' | 'orm' | 'router'>;
  tokens: TokenService;
  /** Tests pass shorter deadlines; the server uses the defaults. */
  health?: HealthService;
}

/**
 * `GET /health/database` and `GET /health/ml` (seed 002). Everyone gets `{ status }` with 200 for
 * healthy and degraded, 503 for unhealthy; an admin's bearer token adds the details. A missing,
 * malformed or invalid token is not an error here, it just gets no details: a load balancer probing
 * health has no token, and a broken token must not learn more than an absent one.
 */
export function registerHealthRoutes(app: FastifyInstance, dependencies: HealthRouteDependencies): void {
  const health = dependencies.health ?? new HealthService(dependencies.database);
  const isAdmin = (request: FastifyRequest) => callerIsAdmin(dependencies.tokens, request);
  // Load balancers poll these every few seconds: log when a status changes, not on every poll.
  const lastStatus = new Map<string, HealthStatus>();
  const answer = (request: FastifyRequest, reply: FastifyReply, report: HealthReport, admin: boolean) => {
    const path = request.routeOptions.url ?? request.url;
    if (lastStatus.get(path) !== report.status) {
      const level = report.status === 'healthy' ? 'info' : 'warn';
      request.log[level](
        { status: report.status, reasons: report.details.reasons },
        `${path} is ${report.status}`,
      );
      lastStatus.set(path, report.status);
    }
    reply
      .code(report.status === 'unhealthy' ? 503 : 200)
      .header('cache-control', 'no-store')
      // The body depends on the Authorization header; a shared cache must not hand details to others.
      .header('vary', 'authorization');
    return admin ? { status: report.status, ...report.details } : { status: report.status };
  };

  app.get('/health/database', async (request, reply) => {
    const admin = await isAdmin(request);
    return answer(request, reply, await health.databaseHealth(admin), admin);
  });

  app.get('/health/ml', async (request, reply) => {
    const [admin, report] = await Promise.all([isAdmin(request), health.mlHealth()]);
    return answer(request, reply, report, admin);
  });
}

async function callerIsAdmin(tokens: TokenService, request: FastifyRequest): Promise<boolean> {
  try {
    const token = bearerToken(request.headers.authorization);
    return token !== null && (await tokens.verify(token)).role === 'admin';
  } catch {
    return false;
  }
}
