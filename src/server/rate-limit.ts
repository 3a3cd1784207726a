import type { ApolloServerPlugin } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import { GraphQLError, Kind } from 'graphql';
import type { FragmentDefinitionNode, OperationDefinitionNode, SelectionSetNode } from 'graphql';

import type { FastifyInstance } from 'fastify';

import type { SecurityConfig } from '../config/config.js';
import type { Context } from '../context/context.js';

type RateLimitConfig = SecurityConfig['rateLimit'];

/** Root fields of the operation once fragments are expanded: 100 aliased mutations are 100. */
export function rootFieldCount(
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
): number {
  const count = (selectionSet: SelectionSetNode, visiting: Set<string>): number => {
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (!selection.name.value.startsWith('__')) total += 1;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        total += count(selection.selectionSet, visiting);
      } else {
        const name = selection.name.value;
        const fragment = fragments[name];
        // A cycle is a validation error before this runs; the guard only keeps the walk finite.
        if (fragment && !visiting.has(name)) {
          total += count(fragment.selectionSet, new Set([...visiting, name]));
        }
      }
    }
    return total;
  };
  return count(operation.selectionSet, new Set());
}

/**
 * Apollo's plugins see headers, not the socket: the caller's address travels to them in this header,
 * which `registerClientIpHeader` always overwrites, so a caller cannot choose its own bucket.
 */
export const CLIENT_IP_HEADER = 'x-pulse-client-ip';

export function registerClientIpHeader(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    request.headers[CLIENT_IP_HEADER] = request.ip;
  });
}

interface Window {
  startedAt: number;
  used: number;
}

/**
 * Fixed-window counters per caller and kind (reads, writes), in this process's memory. A maintained
 * limiter (rate-limiter-flexible) is not a dependency here and @fastify/rate-limit counts HTTP requests,
 * not the operations inside one; what is needed is this small map. With several gateway instances each
 * counts for itself, so the effective limit is per instance.
 */
export class OperationRateLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(
    readonly config: RateLimitConfig,
    private readonly now: () => number = Date.now,
    /** Bound on remembered callers; the oldest windows go first (they are the likeliest to be over). */
    private readonly maxCallers = 100_000,
  ) {}

  /** Takes `cost` from the caller's window; returns the seconds to wait when it does not fit. */
  take(
    caller: string,
    kind: 'reads' | 'writes',
    cost: number,
  ): { retryAfterSeconds: number; limit: number } | null {
    const limit = kind === 'writes' ? this.config.writesPerWindow : this.config.readsPerWindow;
    if (limit === 0 || cost === 0) return null;
    const key = `${kind}|${caller}`;
    const now = this.now();
    const windowMs = this.config.windowSeconds * 1000;
    let window = this.windows.get(key);
    if (!window || now - window.startedAt >= windowMs) {
      this.windows.delete(key);
      window = { startedAt: now, used: 0 };
      if (this.windows.size >= this.maxCallers) {
        const oldest = this.windows.keys().next().value;
        if (oldest !== undefined) this.windows.delete(oldest);
      }
      this.windows.set(key, window);
    }
    if (window.used + cost > limit) {
      return { retryAfterSeconds: Math.max(1, Math.ceil((window.startedAt + windowMs - now) / 1000)), limit };
    }
    window.used += cost;
    return null;
  }
}

/**
 * Counts each operation's root fields against its caller, the viewer (client and user) or, for an
 * anonymous caller, the IP address, before execution. Over the limit: HTTP 429, `Retry-After` and a
 * RATE_LIMITED error whose extensions say how long to wait.
 */
export function rateLimitPlugin(limiter: OperationRateLimiter): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ request }) {
      const ip = request.http?.headers.get(CLIENT_IP_HEADER) ?? 'unknown';
      return {
        async didResolveOperation({ operation, document, contextValue }) {
          if (!operation) return;
          const fragments: Record<string, FragmentDefinitionNode> = {};
          for (const definition of document.definitions) {
            if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
          }
          const cost = rootFieldCount(operation, fragments);
          const kind = operation.operation === 'mutation' ? 'writes' : 'reads';
          const viewer = contextValue.viewer;
          const caller = viewer ? `user:${viewer.clientId}:${viewer.userId}` : `ip:${ip}`;
          const refused = limiter.take(caller, kind, cost);
          if (!refused) return;
          throw new GraphQLError(
            `Rate limit of ${refused.limit} ${kind === 'writes' ? 'mutations' : 'query fields'} per ` +
              `${limiter.config.windowSeconds} s exceeded (this request has ${cost}); retry in ${refused.retryAfterSeconds} s`,
            {
              extensions: {
                code: 'RATE_LIMITED',
                retryAfterSeconds: refused.retryAfterSeconds,
                http: {
                  status: 429,
                  headers: new HeaderMap([['retry-after', String(refused.retryAfterSeconds)]]),
                },
              },
            },
          );
        },
      };
    },
  };
}
