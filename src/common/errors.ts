import { GraphQLError } from 'graphql';

/** The only error codes a client ever sees. Anything else is an internal error and is masked. */
export const ERROR_CODES = [
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'INTERNAL_SERVER_ERROR',
  // The request is too big or too deep to run (server/query-limits.ts); retrying it will not help.
  'QUERY_LIMIT_EXCEEDED',
  // Too many operations in the window (server/rate-limit.ts); retry after `retryAfterSeconds`.
  'RATE_LIMITED',
  // The database could not answer (primary unreachable, replica conflict); nothing was written by the
  // failed operation; retry after `retryAfterSeconds` (db/database-faults.ts).
  'DATABASE_UNAVAILABLE',
  // PostgreSQL cancelled a statement at the request's statement timeout (db/statement-timeout.ts).
  'QUERY_TIMEOUT',
  // Apollo's own request-level codes, safe to pass through.
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

function coded(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}

export const unauthenticated = (message = 'Authentication required') => coded('UNAUTHENTICATED', message);
export const forbidden = (message = 'Not allowed') => coded('FORBIDDEN', message);
export const notFound = (what: string) => coded('NOT_FOUND', `${what} not found`);
export const badUserInput = (message: string, field?: string) =>
  coded('BAD_USER_INPUT', message, field ? { field } : {});
