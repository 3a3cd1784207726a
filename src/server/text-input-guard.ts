import type { ApolloServerPlugin } from '@apollo/server';
import { BREAK, visit } from 'graphql';
import type { DocumentNode } from 'graphql';

import { badUserInput } from '../common/errors.js';

/**
 * PostgreSQL text cannot hold NUL (the statement fails), and an unpaired UTF-16 surrogate has no UTF-8
 * form (it would be stored as U+FFFD, silently changed). Both are refused as the caller's mistake.
 */
// eslint-disable-next-line no-control-regex -- NUL is exactly what this looks for.
const UNSTORABLE_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isStorableText(value: string): boolean {
  return !UNSTORABLE_TEXT.test(value);
}

function firstUnstorableVariable(value: unknown, path: string): string | null {
  if (typeof value === 'string') return isStorableText(value) ? null : path;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = firstUnstorableVariable(item, `${path}[${index}]`);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = firstUnstorableVariable(item, `${path}.${key}`);
      if (found) return found;
    }
  }
  return null;
}

const literalChecks = new WeakMap<DocumentNode, boolean>();

/** Per parsed document, once: Apollo hands the same object for the same text. */
function hasUnstorableLiteral(document: DocumentNode): boolean {
  let known = literalChecks.get(document);
  if (known === undefined) literalChecks.set(document, (known = walkForUnstorable(document)));
  return known;
}

function walkForUnstorable(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    StringValue(node) {
      if (isStorableText(node.value)) return undefined;
      found = true;
      return BREAK;
    },
  });
  return found;
}

/**
 * Every string the request carries, in variables or written in the document, is checked before
 * execution: filters, mutation inputs and arguments alike, whatever the field.
 */
export function textInputGuardPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const variable = firstUnstorableVariable(request.variables ?? {}, '$');
          const where = variable
            ? variable.replace(/^\$\./, '$')
            : hasUnstorableLiteral(document)
              ? 'query'
              : null;
          if (where) {
            const error = badUserInput(
              `${where}: text must not contain NUL characters or unpaired surrogates`,
              where,
            );
            error.extensions.http = { status: 400 };
            throw error;
          }
        },
      };
    },
  };
}
