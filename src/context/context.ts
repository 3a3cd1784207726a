import type { Database } from '../db/database.js';
import type { RequestScope } from './request-scope.js';

/** Everything a resolver may use, built fresh for each request: its scope, its id, the database. */
export interface Context extends RequestScope {
  requestId: string;
  database: Database;
}
