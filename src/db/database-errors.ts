/**
 * Errors about the database a person can act on: each names the setting to fix (DATABASE_URL, or the
 * embedded database's folder) and never echoes a password.
 */
export class DatabaseConfigError extends Error {}

/** The gateway or a CLI command found the embedded database held by another process. */
export class EmbeddedDatabaseBusyError extends Error {}

/** The URL without its password, for messages. */
export function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparsable URL)';
  }
}

/** Refuses a DATABASE_URL that cannot work before any driver sees it. */
export function assertUsableDatabaseUrl(url: string, variable = 'DATABASE_URL'): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new DatabaseConfigError(
      `${variable} is not a URL; expected postgresql://USER:PASSWORD@HOST:PORT/DATABASE (unset DATABASE_URL to use the embedded database)`,
    );
  }
  if (parsed.protocol !== 'postgresql:' && parsed.protocol !== 'postgres:') {
    throw new DatabaseConfigError(
      `${variable} must start with postgresql:// (got ${parsed.protocol}//); expected postgresql://USER:PASSWORD@HOST:PORT/DATABASE`,
    );
  }
  if (parsed.pathname === '' || parsed.pathname === '/') {
    throw new DatabaseConfigError(
      `${variable} names no database: add it after the host, as in ${redactedUrl(`${parsed.protocol}//${parsed.username ? `${parsed.username}@` : ''}${parsed.host}/pulse`)}`,
    );
  }
}

/** Turns a failed first connection into a message that says which variable to check and what went wrong. */
export function connectionFailure(
  error: unknown,
  url: string,
  variable = 'DATABASE_URL',
): DatabaseConfigError {
  const code = (error as { code?: string } | null)?.code;
  const reason =
    code === 'ECONNREFUSED'
      ? 'nothing listens there (is PostgreSQL running? `npm run db:up` starts a local one)'
      : code === 'ENOTFOUND' || code === 'EAI_AGAIN'
        ? 'the host name does not resolve'
        : code === '3D000'
          ? 'the database does not exist (create it, or fix the name)'
          : code === '28P01' || code === '28000'
            ? 'the server refused the user or password'
            : code === 'ETIMEDOUT'
              ? 'the connection timed out'
              : error instanceof Error
                ? error.message
                : String(error);
  return new DatabaseConfigError(`cannot connect to ${variable} (${redactedUrl(url)}): ${reason}`);
}
