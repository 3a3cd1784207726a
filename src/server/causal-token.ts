import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';

import type { Context } from '../context/context.js';
import type { Database } from '../db/database.js';
import { parseLsn } from '../db/replica-health.js';

/**
 * Read-your-writes across gateway instances. A mutation's response carries the primary's WAL position
 * after it (`x-pulse-lsn: 0/3000148`); a client that sends the highest position it has received back
 * in the same header is read from a replica only once that replica has replayed it, from the primary
 * otherwise, whichever instance behind the load balancer took the write. The position is public
 * information about the database as a whole, not about any tenant, and a forged one can only send the
 * caller's own reads to the primary (which rate limits bound).
 */
export const CAUSAL_TOKEN_HEADER = 'x-pulse-lsn';

/** The header's value as a WAL position; absent is null, anything but `X/Y` in hex is BAD_USER_INPUT. */
export function readAfterLsnOf(header: string | string[] | undefined): bigint | null {
  if (header === undefined) return null;
  let highest: bigint | null = null;
  for (const value of (Array.isArray(header) ? header : [header]).flatMap((text) => text.split(','))) {
    const text = value.trim();
    const lsn = /^[0-9A-F]{1,8}\/[0-9A-F]{1,8}$/i.test(text) ? parseLsn(text) : null;
    if (lsn === null) {
      throw new GraphQLError(
        `${CAUSAL_TOKEN_HEADER} must be a WAL position as the gateway sent it (like 0/3000148)`,
        { extensions: { code: 'BAD_USER_INPUT', field: CAUSAL_TOKEN_HEADER, http: { status: 400 } } },
      );
    }
    if (highest === null || lsn > highest) highest = lsn;
  }
  return highest;
}

/** `0x3000148n` → `0/3000148`, PostgreSQL's own notation (what `pg_lsn` prints and parses). */
export function formatLsn(lsn: bigint): string {
  return `${(lsn >> 32n).toString(16).toUpperCase()}/${(lsn & 0xffffffffn).toString(16).toUpperCase()}`;
}

/**
 * Puts the primary's position into the response of every mutation that reached the database (one
 * bookkeeping query, after the mutation's commits). Without replicas there is nothing to route, and
 * after DATABASE_UNAVAILABLE the primary just failed to answer: no header then.
 */
export function causalTokenPlugin(database: Pick<Database, 'router'>): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ operation, response }) {
          if (operation?.operation !== 'mutation' || database.router.replicas().length === 0) return;
          if (response.body.kind !== 'single') return;
          const errors = response.body.singleResult.errors ?? [];
          if (errors.some((error) => error.extensions?.code === 'DATABASE_UNAVAILABLE')) return;
          const position = await database.router.writePosition().catch(() => null);
          if (position !== null) response.http.headers.set(CAUSAL_TOKEN_HEADER, formatLsn(position));
        },
      };
    },
  };
}
