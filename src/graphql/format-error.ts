import type { GraphQLFormattedError } from 'graphql';

import { ERROR_CODES } from '../common/errors.js';
import type { ErrorCode } from '../common/errors.js';

export interface ErrorLogger {
  error(details: object, message: string): void;
}

/**
 * The one place errors leave the server. Coded errors we raised pass through (message, code and safe
 * extensions); anything else (a database error, a bug) becomes a generic INTERNAL_SERVER_ERROR whose
 * details go to the log only: no stack trace, SQL or secret reaches the caller.
 */
export function createErrorFormatter(logger: ErrorLogger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code as string | undefined;
    if (code && code !== 'INTERNAL_SERVER_ERROR' && (ERROR_CODES as readonly string[]).includes(code)) {
      const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions: { ...extensions, code: code as ErrorCode } };
    }
    const original = (error as { originalError?: unknown })?.originalError ?? error;
    logger.error(
      { err: original, path: formatted.path },
      'unexpected error while resolving a GraphQL request',
    );
    return {
      message: 'Internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
