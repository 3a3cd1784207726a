/** Rejects with a TimeoutError when the promise has not settled in time (the work itself goes on). */
export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(`timed out after ${ms} ms`)), ms);
    timer.unref();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export class TimeoutError extends Error {}

const NETWORK_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);
/**
 * SQLSTATEs of a lost or refused connection: class 08 (but not 08P01 protocol_violation, which is the
 * statement's fault, such as a NUL byte in a string, on a connection that stays usable), the server
 * shutting down or starting up, and too many connections.
 */
const SERVER_GONE_STATES = new Set([
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '08007',
  '57P01',
  '57P02',
  '57P03',
  '53300',
]);
const CONNECTION_MESSAGES =
  /connection terminated|timeout exceeded when trying to connect|connection ended unexpectedly|client has encountered a connection error|cannot use a pool after calling end/i;

/** Errors of the link to the server rather than of the statement: another server may well answer. */
export function isConnectionError(error: unknown): boolean {
  return someCause(error, (candidate) => {
    if (candidate instanceof TimeoutError) return true;
    const { code, message } = candidate as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (NETWORK_ERROR_CODES.has(code) || SERVER_GONE_STATES.has(code)))
      return true;
    return typeof message === 'string' && CONNECTION_MESSAGES.test(message);
  });
}

/** Connection errors, and a standby cancelling a read because it conflicts with replay. */
export function isRetryableOnPrimary(error: unknown): boolean {
  if (isConnectionError(error)) return true;
  return someCause(error, (candidate) => {
    const { code, message } = candidate as { code?: unknown; message?: unknown };
    return code === '40001' && typeof message === 'string' && /conflict with recovery/i.test(message);
  });
}

function someCause(error: unknown, test: (candidate: object) => boolean, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 4) return false;
  if (test(error)) return true;
  const { cause, errors } = error as { cause?: unknown; errors?: unknown };
  if (someCause(cause, test, depth + 1)) return true;
  return Array.isArray(errors) && errors.some((inner) => someCause(inner, test, depth + 1));
}

/**
 * A short reason for health reports and replica states: the error code and PostgreSQL's message, but
 * not the socket address Node puts into network errors (`connect ECONNREFUSED 10.0.0.5:5432`).
 */
export function describeDatabaseError(error: unknown): string {
  if (error instanceof TimeoutError) return error.message;
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && NETWORK_ERROR_CODES.has(code)) return `network error ${code}`;
  if (error instanceof AggregateError) {
    const inner = error.errors.find((candidate) => (candidate as { code?: unknown })?.code);
    if (inner) return describeDatabaseError(inner);
  }
  const text = typeof message === 'string' ? message.slice(0, 200) : String(error).slice(0, 200);
  if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return `SQLSTATE ${code}: ${text}`;
  return text.replace(/\b\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?\b/g, '<address>');
}
