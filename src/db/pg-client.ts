import pg from 'pg';

/** The same server URL with another database name (`postgres` for admin work, a test or bench database). */
export function databaseUrlFor(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** The same server and database as `url`, logged in with the user and password of `credentialsOf`. */
export function withCredentialsOf(url: string, credentialsOf: string): string {
  const parsed = new URL(url);
  const source = new URL(credentialsOf);
  parsed.username = source.username;
  parsed.password = source.password;
  return parsed.toString();
}

/** One plain driver connection (not the ORM's pool) for admin and test work, always closed after. */
export async function withPgClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}
