import type { PoolClient, QueryConfig } from 'pg';

/**
 * Server-side prepared statements through the `pg` driver. The gateway's read SQL is written with
 * MikroORM's `?` placeholders (the same text also runs through the ORM in the embedded database); here
 * it is renumbered to `$1..$n` once per distinct text and given a name, so each pooled connection
 * parses and plans a statement shape once and afterwards only binds values. Values never enter the SQL
 * text, which is also what keeps the set of texts (and of prepared statements) small: lists travel as
 * one array parameter (`= any(?::int8[])`), not as a placeholder per element.
 */

/** Distinct statement texts remembered; past this the names start over (in a new generation). */
const MAX_TEXTS = 5_000;
/**
 * Prepared statements one connection may hold. PostgreSQL keeps each one's plan in the backend's
 * memory; a connection past this limit drops them all (`deallocate all`) and prepares afresh.
 */
export const MAX_PREPARED_PER_CONNECTION = 500;

interface NamedText {
  name: string;
  text: string;
}

let generation = 0;
let texts = new Map<string, NamedText>();

/** `?` → `$n`, in order. Identifiers are always double-quoted and the SQL carries no literals with a `?`. */
export function numberedPlaceholders(sql: string): string {
  let index = 0;
  return sql.replace(/\?/g, () => `$${++index}`);
}

function namedText(sql: string): NamedText {
  let named = texts.get(sql);
  if (!named) {
    if (texts.size >= MAX_TEXTS) {
      // A name must never mean two texts on one connection: a new generation gets new names.
      generation++;
      texts = new Map();
    }
    named = { name: `pulse_${generation}_${texts.size}`, text: numberedPlaceholders(sql) };
    texts.set(sql, named);
  }
  return named;
}

/** What pg needs to prepare (first use on a connection) or just bind and execute the statement. */
export function preparedQuery(sql: string, params: readonly unknown[]): QueryConfig {
  const { name, text } = namedText(sql);
  return { name, text, values: params as unknown[] };
}

interface ParsedStatements {
  connection?: { parsedStatements?: Record<string, string> };
}

const preparedCounts = new WeakMap<PoolClient, number>();

/**
 * Keeps one connection's prepared statements bounded: called before a statement is sent, it drops
 * them all when the connection already holds the maximum and the statement is not one of them.
 */
export async function makeRoomForStatement(client: PoolClient, query: QueryConfig): Promise<void> {
  const parsed = (client as unknown as ParsedStatements).connection?.parsedStatements;
  if (!parsed || parsed[query.name!] !== undefined) return;
  const count = (preparedCounts.get(client) ?? 0) + 1;
  if (count <= MAX_PREPARED_PER_CONNECTION) {
    preparedCounts.set(client, count);
    return;
  }
  await client.query('deallocate all');
  for (const name of Object.keys(parsed)) delete parsed[name];
  preparedCounts.set(client, 1);
}
