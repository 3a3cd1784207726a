/**
 * A `statement_timeout` value: whole seconds as `300s` (as seed 002 wrote it), else milliseconds; 0 is
 * PostgreSQL's "no timeout".
 */
export function statementTimeoutSetting(ms: number): string {
  if (!Number.isSafeInteger(ms) || ms < 0)
    throw new Error('a statement timeout must be a whole number of ms');
  if (ms === 0) return '0';
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}

/** SQLSTATE 57014 is any cancellation; the message tells the timeout from a cancel request. */
const QUERY_CANCELED = '57014';

/**
 * Whether PostgreSQL cancelled a statement for running past `statement_timeout` (directly from `pg`, or
 * wrapped by MikroORM, which copies the driver error's fields, inside a GraphQLError, or as a cause).
 */
export function isStatementTimeout(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const { code, message, cause, originalError } = current as {
      code?: unknown;
      message?: unknown;
      cause?: unknown;
      originalError?: unknown;
    };
    if (code === QUERY_CANCELED && typeof message === 'string' && /statement timeout/.test(message)) {
      return true;
    }
    current = originalError ?? cause;
  }
  return false;
}
