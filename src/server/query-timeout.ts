import type { ApolloServerPlugin } from '@apollo/server';
import type { FastifyBaseLogger } from 'fastify';

import type { Context } from '../context/context.js';
import { isStatementTimeout } from '../db/statement-timeout.js';

/**
 * A statement cancelled at the statement timeout is the caller's answer (QUERY_TIMEOUT, see
 * graphql/format-error.ts), not a fault: it is logged as a warning with the request id and the field,
 * and when it took the whole request down (no data at all) the response is 503, so a proxy or client
 * tells "too slow right now" from a malformed request. A request that still returns data answers 200
 * with the error at the field's path, as GraphQL does for any field error.
 */
export function queryTimeoutPlugin(logger: FastifyBaseLogger): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            if (!isStatementTimeout(error)) continue;
            logger.warn(
              { reqId: contextValue.requestId, path: error.path },
              'a statement ran past the statement timeout and was cancelled',
            );
          }
        },
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          const timedOut = errors?.some((error) => error.extensions?.code === 'QUERY_TIMEOUT');
          if (timedOut && (data === null || data === undefined)) response.http.status = 503;
        },
      };
    },
  };
}
