import { HeaderMap } from '@apollo/server';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';

import type { Context } from '../context/context.js';
import { DATABASE_RETRY_AFTER_SECONDS, databaseUnavailable } from '../db/database-faults.js';

/**
 * HTTP 503 with `Retry-After` when a request failed as a whole because the database could not answer
 * (every error a retryable DATABASE_UNAVAILABLE, no data): HTTP clients may retry that on their own.
 * A request of which some fields succeeded stays 200, with the error on the fields that failed.
 */
export function databaseFaultStatusPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          if (data !== undefined && data !== null) return;
          // Only when sending it again is safe: a mutation that committed and could not be read back is not.
          const retryable = (error: (typeof errors & object)[number]) =>
            error.extensions?.code === 'DATABASE_UNAVAILABLE' && error.extensions.retryable === true;
          if (!errors?.length || !errors.every(retryable)) return;
          response.http.status = 503;
          response.http.headers.set('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
        },
      };
    },
  };
}

/** The request context could not be built (the credential check reached no database): 503, not 500. */
export function contextDatabaseUnavailable(): GraphQLError {
  const error = databaseUnavailable();
  return new GraphQLError(error.message, {
    extensions: {
      ...error.extensions,
      http: { status: 503, headers: new HeaderMap([['retry-after', String(DATABASE_RETRY_AFTER_SECONDS)]]) },
    },
  });
}
