import { randomUUID } from 'node:crypto';

import { bearerToken } from '../auth/tokens.js';
import type { TokenService } from '../auth/tokens.js';
import { TableLoaders } from '../common/table-api/table-loaders.js';
import { TENANT_FILTER } from '../common/tenant-filter.js';
import type { TenantFilterParams } from '../common/tenant-filter.js';
import type { Database } from '../db/database.js';
import type { Context } from './context.js';

/**
 * One request's context. The client id comes only from the verified token and goes straight into the
 * tenant filter of a fresh EntityManager fork and the scope of the request's loaders; nothing the
 * caller sends can change it. A bad token is an error (thrown as InvalidTokenError and answered 401),
 * never a silent downgrade to anonymous.
 */
export async function buildContext(
  database: Database,
  tokens: TokenService,
  authorization: string | undefined,
  requestId: string = randomUUID(),
): Promise<Context> {
  const token = bearerToken(authorization);
  const viewer = token ? await tokens.verify(token) : null;
  const em = database.fork();
  const scope: TenantFilterParams | null = viewer ? { clientId: viewer.clientId } : null;
  if (scope) em.setFilterParams(TENANT_FILTER, scope);
  const viewerKey = viewer ? `${viewer.clientId}:${viewer.userId}` : null;
  // Opened lazily by the first read; the server ends it when the response is ready.
  const reader = database.openReadSession({ viewerKey, clientId: viewer?.clientId ?? null });
  return {
    requestId,
    viewer,
    viewerKey,
    scope,
    em,
    database,
    reader,
    loaders: new TableLoaders(reader, scope),
  };
}
