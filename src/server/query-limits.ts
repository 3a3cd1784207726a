import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GraphQLArmorRejectCallback } from '@escape.tech/graphql-armor-types';
import { GraphQLError, getNamedType, isObjectType } from 'graphql';
import type { DocumentNode, GraphQLSchema, ValidationRule } from 'graphql';
import { getComplexity } from 'graphql-query-complexity';
import type { ComplexityEstimator } from 'graphql-query-complexity';

import { DEFAULT_PAGE_SIZE } from '../common/table-api/pagination.js';
import type { SecurityConfig } from '../config/config.js';

type QueryLimits = SecurityConfig['queryLimits'];
export type QueryLimitName = 'depth' | 'aliases' | 'directives' | 'tokens' | 'cost' | 'filterTerms';

/** The environment variable behind each limit, named in the error so an operator knows what to raise. */
export const QUERY_LIMIT_VARIABLES: Record<QueryLimitName, string> = {
  depth: 'GRAPHQL_MAX_DEPTH',
  aliases: 'GRAPHQL_MAX_ALIASES',
  directives: 'GRAPHQL_MAX_DIRECTIVES',
  tokens: 'GRAPHQL_MAX_TOKENS',
  cost: 'GRAPHQL_MAX_COST',
  filterTerms: 'GRAPHQL_MAX_FILTER_TERMS',
};

const DESCRIPTIONS: Record<QueryLimitName, string> = {
  depth: 'Query depth',
  aliases: 'Number of aliases',
  directives: 'Number of directives',
  tokens: 'Number of tokens',
  cost: 'Query cost (rows it could return)',
  filterTerms: 'Input objects in filters',
};

/**
 * A request refused for its shape. Validation errors all leave Apollo as GRAPHQL_VALIDATION_FAILED; the
 * error formatter finds this class as the original error and answers QUERY_LIMIT_EXCEEDED instead, so a
 * client can tell "too big" from "wrong field".
 */
export class QueryLimitError extends GraphQLError {
  constructor(
    readonly limit: QueryLimitName,
    readonly maximum: number,
    readonly found: number | null,
  ) {
    const value = found === null ? `more than ${maximum}` : String(found);
    super(
      `${DESCRIPTIONS[limit]} ${value} exceeds the limit of ${maximum} (${QUERY_LIMIT_VARIABLES[limit]})`,
      {
        extensions: {
          code: 'QUERY_LIMIT_EXCEEDED',
          limit,
          maximum,
          found,
          http: { status: 400 },
        },
      },
    );
  }
}

/** Armor's messages carry the numbers ("... limit of 12 exceeded, found 31."); the error re-states them. */
function reportAs(limit: QueryLimitName, maximum: number): GraphQLArmorRejectCallback {
  return (context, error) => {
    const found = /found (\d+)/.exec(error.message);
    context?.reportError(new QueryLimitError(limit, maximum, found ? Number(found[1]) : null));
  };
}

/**
 * Depth, aliases and directives through graphql-armor's validation rules (fragments are followed, so a
 * depth hidden in fragments counts), with armor's own reporting replaced by a QueryLimitError. Tokens
 * are counted by graphql-js's parser (`maxTokens`, the mechanism armor's token limit is built on), which
 * stops lexing at the limit instead of parsing a megabyte first. Field suggestions are handled by the
 * exposure plugin, which knows whether the caller may see the schema.
 */
export function queryShapeLimits(limits: QueryLimits): {
  validationRules: ValidationRule[];
  parseOptions: { maxTokens: number };
} {
  const rejection = (limit: QueryLimitName, n: number) => ({
    n,
    propagateOnRejection: false,
    onReject: [reportAs(limit, n)],
  });
  const { validationRules } = new ApolloArmor({
    blockFieldSuggestion: { enabled: false },
    maxTokens: { enabled: false },
    // Static costs do not multiply by page sizes; the cost plugin below does.
    costLimit: { enabled: false },
    maxDepth: { ...rejection('depth', limits.maxDepth), flattenFragments: true },
    maxAliases: rejection('aliases', limits.maxAliases),
    maxDirectives: rejection('directives', limits.maxDirectives),
  }).protect();
  return {
    validationRules: validationRules as ValidationRule[],
    parseOptions: { maxTokens: limits.maxTokens },
  };
}

/**
 * The cost of a field is the rows it can bring back: a connection costs its page size (`first`, or the
 * default page) times what each of its rows costs; any other object field costs one plus its
 * selection; scalars cost nothing. Nested connections therefore multiply, and aliases and fragments are
 * counted once expanded (graphql-query-complexity walks the operation as it will execute).
 */
const connectionCost: ComplexityEstimator = ({ field, args, childComplexity }) => {
  const type = getNamedType(field.type);
  if (!isObjectType(type)) return 0;
  if (type.name.endsWith('Connection') && field.args.some((arg) => arg.name === 'first')) {
    const first = typeof args.first === 'number' && args.first > 0 ? args.first : DEFAULT_PAGE_SIZE;
    return 1 + first * Math.max(childComplexity, 1);
  }
  return 1 + childComplexity;
};

/**
 * The cost of one document with one set of variables never changes (the schema is fixed), and clients
 * send the same few operations with the same variables over and over: the estimate walks the whole
 * document with its types and coerces every argument, so each document keeps the costs of its last
 * variable sets. Bounded per document; the documents themselves are Apollo's (its bounded store).
 */
const MAX_COSTS_PER_DOCUMENT = 64;
const costsOf = new WeakMap<DocumentNode, Map<string, number>>();

/**
 * The cost check runs once the operation and its variables are known (page sizes are often variables,
 * and Apollo caches validation per document, so it cannot be a validation rule), before execution:
 * a refused request sends no SQL.
 */
export function queryCostPlugin(schema: GraphQLSchema, maxCost: number): ApolloServerPlugin {
  const estimate = (document: DocumentNode, variables: Record<string, unknown>, operationName?: string) => {
    let costs = costsOf.get(document);
    if (!costs) costsOf.set(document, (costs = new Map()));
    const key = `${operationName ?? ''}\u0000${JSON.stringify(variables)}`;
    let cost = costs.get(key);
    if (cost === undefined) {
      cost = getComplexity({
        schema,
        query: document,
        variables,
        operationName,
        estimators: [connectionCost],
      });
      if (costs.size >= MAX_COSTS_PER_DOCUMENT) costs.clear();
      costs.set(key, cost);
    }
    return cost;
  };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request, operationName }) {
          let cost: number;
          try {
            cost = estimate(document, request.variables ?? {}, operationName ?? undefined);
          } catch (error) {
            // Fragments that fan out (each spreading the next twice) stay within the token limit and
            // still expand to more fields than anyone needs: refused as too costly.
            if (error instanceof GraphQLError && /maximum allowed number of nodes/.test(error.message)) {
              throw new QueryLimitError('cost', maxCost, null);
            }
            // Variables that do not coerce: execution answers that with its own BAD_USER_INPUT.
            return;
          }
          if (cost > maxCost) throw new QueryLimitError('cost', maxCost, cost);
        },
      };
    },
  };
}
