import type { SqlEntityManager } from '@mikro-orm/sql';

import type { Viewer } from '../auth/tokens.js';

/** Everything a resolver may use, built fresh for each request. */
export interface Context {
  requestId: string;
  /** Verified from the bearer token; null for anonymous callers. */
  viewer: Viewer | null;
  /** A request-scoped fork, tenant filter set to the viewer's client (unset for anonymous: queries fail). */
  em: SqlEntityManager;
}
