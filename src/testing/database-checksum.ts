import { withPgClient } from '../db/pg-client.js';

/**
 * A fingerprint of every row of every table of a database (bookkeeping included): equal fingerprints
 * before and after show that nothing was written, not even to a table nobody expected to change.
 */
export function databaseChecksum(url: string): Promise<Record<string, string>> {
  return withPgClient(url, async (client) => {
    const { rows: tables } = await client.query<{ tablename: string }>(
      `select tablename from pg_tables where schemaname = 'public' order by 1`,
    );
    const sums: Record<string, string> = {};
    for (const { tablename } of tables) {
      const { rows } = await client.query<{ sum: string }>(
        `select count(*) || ':' || coalesce(md5(string_agg(md5(t::text), '' order by md5(t::text))), '') as sum from "${tablename}" t`,
      );
      sums[tablename] = rows[0]!.sum;
    }
    return sums;
  });
}
