import { authenticateBearer } from '../auth/credential-guard.js';
import type { CredentialGuard } from '../auth/credential-guard.js';
import { bearerToken } from '../auth/tokens.js';
import type { TokenService } from '../auth/tokens.js';
import type { CursorSigner } from '../common/table-api/cursors.js';
import type { Database } from '../db/database.js';
import type { ReadPathMetrics } from '../db/read-path-metrics.js';
import { NO_READ_PATH_METRICS } from '../db/read-path-metrics.js';
import type { Context } from './context.js';
import { openRequestScope } from './request-scope.js';
import type { TenantScopeMode } from './request-scope.js';

/**
 * One request's context. The client id comes only from the verified token and goes straight into the
 * request's scope; nothing the caller sends can change it. A bad token is an error (thrown as
 * InvalidTokenError and answered 401), never a silent downgrade to anonymous.
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
  // Assigned onto the scope rather than spread from it: a spread would fork the lazy `em` at once.
  return Object.assign(openRequestScope(database, viewer, metrics, tenantScope, cursorSigner, readAfterLsn), {
    requestId,
    database,
  });
}
