import type { SqlEntityManager } from '@mikro-orm/sql';

import type { Viewer } from '../auth/tokens.js';
import type { ViewerCursors } from '../common/table-api/cursors.js';
import type { TableLoaders } from '../common/table-api/table-loaders.js';
import type { Scope } from '../common/table-api/table-sql.js';
import type { Database } from '../db/database.js';
import type { RequestReader } from '../db/read-session.js';

/** Everything a resolver may use, built fresh for each request. */
export interface Context {
  requestId: string;
  /** Verified from the bearer token; null for anonymous callers. */
  viewer: Viewer | null;
  /** `client:user` of the viewer: the key of read-your-writes routing. */
  viewerKey: string | null;
  /**
   * The WAL position of the caller's last write as it sent it back (`x-pulse-lsn`): reads go to a
   * replica only once it has replayed that far, whichever gateway instance took the write.
   */
  readAfterLsn: bigint | null;
  /** The viewer's client, for SQL the ORM filter cannot reach; null for anonymous callers. */
  scope: Scope | null;
  /** A request-scoped fork, tenant filter set to the viewer's client (unset for anonymous: queries fail). */
  em: SqlEntityManager;
  database: Database;
  /**
   * This request's read transaction: on a healthy replica, or the primary (fallback, read-your-writes),
   * tenant setting first; ended by the server once the response is ready.
   */
  reader: RequestReader;
  /** Signs and checks this viewer's pagination cursors (bound to the viewer, connection and order). */
  cursors: ViewerCursors;
  /** This request's DataLoaders; never shared with another request. */
  loaders: TableLoaders;
}
