import { randomUUID } from 'node:crypto';

import type { ApolloServerPlugin } from '@apollo/server';
import fastifyCors from '@fastify/cors';
import fastifyHelmet from '@fastify/helmet';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { GraphQLError, visit } from 'graphql';
import type { DocumentNode, GraphQLFormattedError } from 'graphql';

import type { SecurityConfig } from '../config/config.js';
import type { Context } from '../context/context.js';
import { isStatementTimeout } from '../db/statement-timeout.js';
import { isClientFacingCode } from '../graphql/format-error.js';
import { CAUSAL_TOKEN_HEADER } from './causal-token.js';

export const REQUEST_ID_HEADER = 'x-request-id';

/** What a proxy or client may hand us as a request id: short, printable, nothing to inject into logs. */
const WELL_FORMED_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Fastify's `genReqId`: the caller's `x-request-id` when it is well formed, a fresh UUID otherwise. */
export function requestIdOf(request: { headers: Record<string, string | string[] | undefined> }): string {
  const header = request.headers[REQUEST_ID_HEADER];
  return typeof header === 'string' && WELL_FORMED_REQUEST_ID.test(header) ? header : randomUUID();
}

/**
 * HTTP-level exposure: CORS for the configured origins only (preflights answered by @fastify/cors before
 * Apollo's CSRF check sees them), security headers (@fastify/helmet; the API serves JSON only, so its
 * content security policy allows nothing), and the request id on every response. Error bodies written
 * before the GraphQL pipeline ran (CSRF, batching, bad JSON) get the request id in each error's
 * extensions here; the pipeline's own errors get it from `responseShapingPlugin`.
 */
export async function registerEdgeProtection(
  app: FastifyInstance,
  security: Pick<SecurityConfig, 'corsOrigins'>,
): Promise<void> {
  await app.register(fastifyCors, {
    origin: security.corsOrigins.length > 0 ? security.corsOrigins : false,
    methods: ['GET', 'POST'],
    allowedHeaders: [
      'authorization',
      'content-type',
      REQUEST_ID_HEADER,
      'apollo-require-preflight',
      CAUSAL_TOKEN_HEADER,
    ],
    exposedHeaders: [REQUEST_ID_HEADER, 'retry-after', CAUSAL_TOKEN_HEADER],
    maxAge: 600,
    strictPreflight: false,
  });
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
    },
    // Browser apps on the configured origins read our JSON; the default same-origin policy forbids it.
    crossOriginResourcePolicy: { policy: security.corsOrigins.length > 0 ? 'cross-origin' : 'same-origin' },
  });
  app.addHook('onRequest', async (request, reply) => {
    reply.header(REQUEST_ID_HEADER, request.id);
  });
  app.addHook('onSend', async (request, reply, payload) => {
    if (reply.statusCode < 400 || typeof payload !== 'string' || !payload.includes('"errors"'))
      return payload;
    if (payload.includes('"requestId"')) return payload;
    try {
      const body = JSON.parse(payload) as { errors?: GraphQLFormattedError[] };
      if (!Array.isArray(body.errors)) return payload;
      body.errors = body.errors.map((error) => ({
        ...error,
        extensions: { ...error.extensions, requestId: request.id },
      }));
      return JSON.stringify(body);
    } catch {
      return payload;
    }
  });
}

/** Whether this caller may read the schema: decides introspection and "Did you mean" hints. */
export function mayIntrospect(
  access: SecurityConfig['introspection'],
  viewer: Context['viewer'] | undefined,
): boolean {
  switch (access) {
    case 'everyone':
      return true;
    case 'authenticated':
      return Boolean(viewer);
    case 'admins':
      return viewer?.role === 'admin';
    case 'off':
      return false;
  }
}

const schemaQuestions = new WeakMap<DocumentNode, boolean>();

/**
 * Fragment definitions are part of the document, so a spread cannot hide `__schema` from this walk.
 * Apollo hands the same parsed document for the same text, so each is walked once.
 */
function asksForSchema(document: DocumentNode): boolean {
  let known = schemaQuestions.get(document);
  if (known === undefined) schemaQuestions.set(document, (known = walkForSchema(document)));
  return known;
}

function walkForSchema(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') found = true;
    },
  });
  return found;
}

/**
 * Introspection is decided per caller (admins only by default), after validation and before execution:
 * Apollo caches validation per document, so a rule there could not tell an admin from anyone else.
 */
export function introspectionGatePlugin(
  access: SecurityConfig['introspection'],
): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, contextValue }) {
          if (!asksForSchema(document) || mayIntrospect(access, contextValue.viewer)) return;
          throw new GraphQLError('Introspection is not available to this caller', {
            extensions: {
              code: contextValue.viewer ? 'FORBIDDEN' : 'UNAUTHENTICATED',
              http: { status: 403 },
            },
          });
        },
      };
    },
  };
}

const SUGGESTION = /\s*Did you mean [^?]*\?/g;

/**
 * The last look at every response's errors:
 * - each carries the request id, so a client can quote it and an operator find the log lines;
 * - "Did you mean ..." hints (from variable coercion, which Apollo's hideSchemaDetailsFromClientErrors
 *   does not cover) are removed unless the caller may read the schema anyway;
 * - the same error on the same field of every row of a list (a forbidden field on 1,000 rows) is sent
 *   once, with the path of its first row and `occurrences`, instead of 1,000 times.
 * Errors we did not raise on purpose are logged here with the request id, by the request's logger.
 */
export function responseShapingPlugin(
  access: SecurityConfig['introspection'],
  logger: FastifyBaseLogger,
): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            // Statement timeouts are the caller's answer, logged as warnings by server/query-timeout.ts.
            if (isClientFacingCode(error.extensions?.code) || isStatementTimeout(error)) continue;
            logger.error(
              { reqId: contextValue.requestId, err: error.originalError ?? error, path: error.path },
              'unexpected error while resolving a GraphQL request',
            );
          }
        },
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
          const showHints = mayIntrospect(access, contextValue.viewer);
          const seen = new Map<string, { extensions: Record<string, unknown> }>();
          const shaped: GraphQLFormattedError[] = [];
          for (const error of response.body.singleResult.errors) {
            const message = showHints ? error.message : error.message.replace(SUGGESTION, '');
            const rowKey = error.path?.some((segment) => typeof segment === 'number')
              ? `${String(error.extensions?.code)}|${message}|${error.path.map((s) => (typeof s === 'number' ? '*' : s)).join('.')}`
              : null;
            const earlier = rowKey ? seen.get(rowKey) : undefined;
            if (earlier) {
              earlier.extensions.occurrences = ((earlier.extensions.occurrences as number) ?? 1) + 1;
              continue;
            }
            const extensions: Record<string, unknown> = {
              ...error.extensions,
              requestId: contextValue.requestId,
            };
            if (rowKey) seen.set(rowKey, { extensions });
            shaped.push({ ...error, message, extensions });
          }
          response.body.singleResult.errors = shaped;
        },
      };
    },
  };
}
