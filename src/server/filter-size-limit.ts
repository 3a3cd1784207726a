import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, visit } from 'graphql';
import type { DocumentNode, ValueNode } from 'graphql';

import { QueryLimitError } from './query-limits.js';

/** The argument every connection takes its filter in (common/table-api). */
const FILTER_ARGUMENT = 'filter';

/** Input objects and list items of a variable's raw JSON value. */
function termsOfJson(value: unknown): number {
  if (Array.isArray(value)) return value.reduce<number>((sum, item) => sum + termsOfJson(item), 0);
  if (value && typeof value === 'object') {
    return 1 + Object.values(value).reduce<number>((sum, item) => sum + termsOfJson(item), 0);
  }
  return 0;
}

function termsOfLiteral(value: ValueNode, variables: Record<string, unknown>): number {
  switch (value.kind) {
    case Kind.OBJECT:
      return 1 + value.fields.reduce((sum, field) => sum + termsOfLiteral(field.value, variables), 0);
    case Kind.LIST:
      return value.values.reduce((sum, item) => sum + termsOfLiteral(item, variables), 0);
    case Kind.VARIABLE:
      return termsOfJson(variables[value.name.value]);
    default:
      return 0;
  }
}

const filterArgumentsOf = new WeakMap<DocumentNode, ValueNode[]>();

/** The values of every `filter` argument written in the document, found once per parsed document. */
function filterArguments(document: DocumentNode): ValueNode[] {
  let values = filterArgumentsOf.get(document);
  if (!values) {
    const found: ValueNode[] = [];
    visit(document, {
      Argument(node) {
        if (node.name.value === FILTER_ARGUMENT) found.push(node.value);
      },
    });
    filterArgumentsOf.set(document, (values = found));
  }
  return values;
}

/**
 * Bounds the input objects of all `filter` arguments of a request (`{ or: [{ summary: { contains } },
 * ...] }` counts 1 + 2 per term), written in the document or sent in variables, before execution. The
 * statement timeout cannot do this: GraphQL's input coercion and TypeGraphQL's argument conversion of a
 * 20,000-term `or` take tens of seconds of the gateway's CPU before any SQL is sent, and the token
 * limit counts the document only. Refused with QUERY_LIMIT_EXCEEDED (`filterTerms`), no SQL run.
 * Fragments are not followed: an argument is counted where it is written, and each written argument
 * once (a fragment spread twice holds its filters once; they cost one coercion each either way).
 */
export function filterSizePlugin(maxTerms: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request }) {
          const variables = request.variables ?? {};
          let terms = 0;
          for (const value of filterArguments(document)) terms += termsOfLiteral(value, variables);
          if (terms > maxTerms) throw new QueryLimitError('filterTerms', maxTerms, terms);
        },
      };
    },
  };
}
