import { authenticateBearer } from '../auth/credential-guard.js';
import type { CredentialGuard } from '../auth/credential-guard.js';
import { bearerToken } from '../auth/tokens.js';
import type { TokenService } from '../auth/tokens.js';
import type { CursorSigner } from '../common/table-api/cursors.js';
import { TableLoaders } from '../common/table-api/table-loaders.js';
import { TENANT_FILTER } from '../common/tenant-filter.js';
import type { TenantFilterParams } from '../common/tenant-filter.js';
import type { Scope } from '../common/table-api/table-sql.js';
import type { Database } from '../db/database.js';
import type { ReadPathMetrics } from '../db/read-path-metrics.js';
import { NO_READ_PATH_METRICS } from '../db/read-path-metrics.js';
import type { Context } from './context.js';

/**
 * Where the tenant wall stands: in the SQL the gateway writes and in the database's row level security
 * (production), or in the database only (a test-only mode that proves row level security holds alone).
 */
export type TenantScopeMode = 'application-and-database' | 'database-only';

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
  requestId: string,
  credentials: CredentialGuard,
  cursorSigner: CursorSigner,
  metrics: ReadPathMetrics = NO_READ_PATH_METRICS,
  tenantScope: TenantScopeMode = 'application-and-database',
  readAfterLsn: bigint | null = null,
): Promise<Context> {
  const token = bearerToken(authorization);
  const viewer = token ? await authenticateBearer(token, tokens, credentials) : null;
  const em = database.fork();
  const scope: Scope | null = viewer
    ? { clientId: viewer.clientId, ...(tenantScope === 'database-only' ? { databaseOnly: true } : {}) }
    : null;
  if (scope) em.setFilterParams(TENANT_FILTER, { clientId: scope.clientId } satisfies TenantFilterParams);
  const viewerKey = viewer ? `${viewer.clientId}:${viewer.userId}` : null;
  // Opened lazily by the first read; the server ends it when the response is ready.
  const reader = database.openReadSession({ viewerKey, clientId: viewer?.clientId ?? null, readAfterLsn });
  return {
    requestId,
    viewer,
    viewerKey,
    readAfterLsn,
    scope,
    em,
    database,
    reader,
    cursors: cursorSigner.forViewer(viewer),
    loaders: new TableLoaders(reader, scope, metrics),
  };
}
