import type { SqlEntityManager } from '@mikro-orm/sql';

import type { Viewer } from '../auth/tokens.js';
import type { CursorSigner, ViewerCursors } from '../common/table-api/cursors.js';
import { TableLoaders } from '../common/table-api/table-loaders.js';
import type { Scope } from '../common/table-api/table-sql.js';
import { TENANT_FILTER } from '../common/tenant-filter.js';
import type { Database } from '../db/database.js';
import type { ReadPathMetrics } from '../db/read-path-metrics.js';
import { viewerKeyOf } from '../db/read-routing-policy.js';
import type { RequestReader } from '../db/read-session.js';

/**
 * Where the tenant wall stands: in the SQL the gateway writes and in the database's row level security
 * (production), or in the database only (a test-only mode that proves row level security holds alone).
 */
export type TenantScopeMode = 'application-and-database' | 'database-only';

/**
 * Who one request acts for, and everything its reads and writes go through. Created once per request
 * (openRequestScope) and passed down in the context; nothing of it is ambient. The tenant exists once:
 * the same object is the EntityManager's tenant filter parameter, the loaders' scope and what the
 * table API adds to its statements, and its client is the read transaction's `pulse.client_id`.
 */
export interface RequestScope {
  /** Verified from the bearer token; null for anonymous callers. */
  viewer: Viewer | null;
  /** `client:user` of the viewer: the key of read-your-writes routing. */
  viewerKey: string | null;
  /**
   * The WAL position of the caller's last write as it sent it back (`x-pulse-lsn`): reads go to a
   * replica only once it has replayed that far, whichever gateway instance took the write.
   */
  readAfterLsn: bigint | null;
  /** The viewer's client, for every statement; null for anonymous callers (tenant queries then fail). */
  scope: Scope | null;
  /**
   * A request-scoped fork, tenant filter set to `scope` (unset for anonymous: queries fail). Forked on
   * first use: most requests only read through the table API and never touch the ORM.
   */
  readonly em: SqlEntityManager;
  /**
   * This request's read transaction: on a healthy replica, or the primary (fallback, read-your-writes),
   * tenant setting first; ended by the server once the response is ready.
   */
  reader: RequestReader;
  /** This request's DataLoaders, on `reader` and scoped to `scope`; never shared with another request. */
  loaders: TableLoaders;
  /** Signs and checks this viewer's pagination cursors (bound to the viewer, connection and order). */
  cursors: ViewerCursors;
}

export function openRequestScope(
  database: Database,
  viewer: Viewer | null,
  metrics: ReadPathMetrics,
  tenantScope: TenantScopeMode,
  cursorSigner: CursorSigner,
  readAfterLsn: bigint | null = null,
): RequestScope {
  const scope: Scope | null = viewer
    ? { clientId: viewer.clientId, ...(tenantScope === 'database-only' ? { databaseOnly: true } : {}) }
    : null;
  const viewerKey = viewer ? viewerKeyOf(viewer) : null;
  // Opened lazily by the first read; the server ends it when the response is ready.
  const reader = database.openReadSession({ viewerKey, clientId: scope?.clientId ?? null, readAfterLsn });
  return new OpenedRequestScope(
    viewer,
    viewerKey,
    readAfterLsn,
    scope,
    reader,
    new TableLoaders(reader, scope, metrics),
    cursorSigner.forViewer(viewer),
    new LazyFork(database, scope),
  );
}

/** The request's EntityManager, forked when first asked for, tenant filter set. */
class LazyFork {
  private em: SqlEntityManager | null = null;

  constructor(
    private readonly database: Database,
    private readonly scope: Scope | null,
  ) {}

  get(): SqlEntityManager {
    if (!this.em) {
      this.em = this.database.fork();
      if (this.scope) this.em.setFilterParams(TENANT_FILTER, this.scope);
    }
    return this.em;
  }
}

/**
 * `em` is a getter of the class, not an own property: Apollo copies the context's own properties for
 * every operation (a shallow clone), and copying an own getter would call it, forking an EntityManager
 * for every request. The clone shares the LazyFork, so a request still has one fork.
 */
class OpenedRequestScope implements RequestScope {
  constructor(
    readonly viewer: Viewer | null,
    readonly viewerKey: string | null,
    readonly readAfterLsn: bigint | null,
    readonly scope: Scope | null,
    readonly reader: RequestReader,
    readonly loaders: TableLoaders,
    readonly cursors: ViewerCursors,
    private readonly fork: LazyFork,
  ) {}

  get em(): SqlEntityManager {
    return this.fork.get();
  }
}
