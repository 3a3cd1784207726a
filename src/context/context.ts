import type { SqlEntityManager } from '@mikro-orm/sql';

import type { Viewer } from '../auth/tokens.js';
import type { TableLoaders } from '../common/table-api/table-loaders.js';
import type { Scope } from '../common/table-api/table-sql.js';
import type { Database } from '../db/database.js';
import type { SqlExecutor } from '../db/sql-executor.js';

/** Everything a resolver may use, built fresh for each request. */
export interface Context {
  requestId: string;
  /** Verified from the bearer token; null for anonymous callers. */
  viewer: Viewer | null;
  /** `client:user` of the viewer: the key of read-your-writes routing. */
  viewerKey: string | null;
  /** The viewer's client, for SQL the ORM filter cannot reach; null for anonymous callers. */
  scope: Scope | null;
  /** A request-scoped fork, tenant filter set to the viewer's client (unset for anonymous: queries fail). */
  em: SqlEntityManager;
  database: Database;
  /** Where this request reads: a healthy replica, or the primary (fallback, read-your-writes). */
  reader: SqlExecutor;
  /** This request's DataLoaders; never shared with another request. */
  loaders: TableLoaders;
}
