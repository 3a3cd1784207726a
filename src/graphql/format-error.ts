import type { GraphQLFormattedError } from 'graphql';

import { ERROR_CODES } from '../common/errors.js';
import type { ErrorCode } from '../common/errors.js';
import { databaseUnavailable, isDatabaseUnavailable } from '../db/database-faults.js';
import { isStatementTimeout } from '../db/statement-timeout.js';
import { QueryLimitError } from '../server/query-limits.js';

/** What a client reads when PostgreSQL cancelled a statement of its request at the statement timeout. */
export const QUERY_TIMEOUT_MESSAGE =
  'The query took too long and the database cancelled it (statement timeout). Ask for less: a smaller ' +
  '`first`, a narrower `filter`, fewer nested connections; or try again later if the service is busy.';

/** Whether an error is one we raised on purpose with a code a client may see (else it is masked). */
export function isClientFacingCode(code: unknown): code is ErrorCode {
  return (
    typeof code === 'string' &&
    code !== 'INTERNAL_SERVER_ERROR' &&
    (ERROR_CODES as readonly string[]).includes(code)
  );
}

/**
 * The one place errors leave the server. Coded errors we raised pass through (message, code and safe
 * extensions); a statement the database cancelled at the statement timeout, wherever it ran (read
 * session, ML session, mutation, bulk upsert), becomes QUERY_TIMEOUT; anything else (a database error,
 * a bug) becomes a generic INTERNAL_SERVER_ERROR. The
 * details of those are logged by the request's own logger (server/exposure.ts), with its request id,
 * never returned: no stack trace, SQL or secret reaches the caller.
 */
export function createErrorFormatter() {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const limitError = queryLimitErrorOf(formatted, error);
    if (limitError) {
      const { http: _http, ...extensions } = limitError.extensions;
      return { message: limitError.message, locations: formatted.locations, extensions };
    }
    if (isStatementTimeout(error)) {
      return {
        message: QUERY_TIMEOUT_MESSAGE,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: 'QUERY_TIMEOUT' },
      };
    }
    const code = formatted.extensions?.code;
    if (isClientFacingCode(code)) {
      const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions: { ...extensions, code } };
    }
    if (isDatabaseUnavailable(error)) {
      // A database fault, not a bug: the client may retry. Its details stay in the log like any other.
      const unavailable = databaseUnavailable();
      return {
        message: unavailable.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { ...unavailable.extensions },
      };
    }
    return {
      message: 'Internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}

/**
 * Apollo re-codes validation errors as GRAPHQL_VALIDATION_FAILED and parse errors as
 * GRAPHQL_PARSE_FAILED; a refusal for size keeps its own code. The parser's token limit only says
 * "more than N", it stops counting there on purpose.
 */
function queryLimitErrorOf(formatted: GraphQLFormattedError, error: unknown): QueryLimitError | null {
  const original = (error as { originalError?: unknown })?.originalError;
  if (error instanceof QueryLimitError) return error;
  if (original instanceof QueryLimitError) return original;
  const tokens = /Document contains more th[ae][nt] (\d+) tokens/.exec(formatted.message);
  if (tokens && formatted.extensions?.code === 'GRAPHQL_PARSE_FAILED') {
    return new QueryLimitError('tokens', Number(tokens[1]), null);
  }
  return null;
}
