import { GraphQLError } from 'graphql';

import { isConnectionError } from './connection-errors.js';

/**
 * How long a client should wait before trying again after DATABASE_UNAVAILABLE. The read router probes
 * every 2 s by default, so a replica or primary that is back is in use again about that long later.
 */
export const DATABASE_RETRY_AFTER_SECONDS = 2;

/**
 * A hot standby cancels a read (SQLSTATE 40001, or 40P01 for a buffer-pin deadlock) or ends its
 * connection when replaying WAL would otherwise have to wait for it: a vacuum on the primary removed
 * rows the read still sees, or the primary took a lock the read conflicts with. The same read succeeds
 * when sent again, on another server or a moment later.
 */
export function isRecoveryConflict(error: unknown): boolean {
  return someCause(error, (candidate) => {
    const { code, message } = candidate as { code?: unknown; message?: unknown };
    return (
      (code === '40001' || code === '40P01') &&
      typeof message === 'string' &&
      /conflict with recovery/i.test(message)
    );
  });
}

/**
 * Faults of the database rather than of the request: the server is unreachable, refused or dropped the
 * connection, no pooled connection came within DATABASE_CONNECT_TIMEOUT_MS, or a standby cancelled the
 * read for a recovery conflict. Sending the same request again later is the right answer to all of them.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  return someCause(error, (candidate) => isConnectionError(candidate) || isRecoveryConflict(candidate));
}

/**
 * The error a client sees: a code to branch on, `retryable` to tell it from a bug, and how long to wait.
 * The HTTP status is decided once the whole response is known (503 when nothing succeeded), see
 * databaseFaultStatusPlugin.
 */
export function databaseUnavailable(
  message = 'The database is unavailable right now; try again shortly',
): GraphQLError {
  return new GraphQLError(message, {
    extensions: {
      code: 'DATABASE_UNAVAILABLE',
      retryable: true,
      retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS,
    },
  });
}

/** GraphQL wraps resolver errors, MikroORM wraps driver errors (`previous`), pg-pool aggregates. */
function someCause(error: unknown, test: (candidate: object) => boolean, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 6) return false;
  if (test(error)) return true;
  const { cause, errors, originalError, previous } = error as {
    cause?: unknown;
    errors?: unknown;
    originalError?: unknown;
    previous?: unknown;
  };
  for (const inner of [cause, originalError, previous]) {
    if (inner !== error && someCause(inner, test, depth + 1)) return true;
  }
  return Array.isArray(errors) && errors.some((inner) => someCause(inner, test, depth + 1));
}
