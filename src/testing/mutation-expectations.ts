import { expect } from '@jest/globals';

import type { GraphQLResult } from './test-app.js';

/** What a client sees of a refused call: the code, the named field and the message of its one error. */
export function onlyError(result: GraphQLResult): { code: unknown; field: unknown; message: string } {
  expect(result.errors).toHaveLength(1);
  const [error] = result.errors!;
  return { code: error!.extensions?.code, field: error!.extensions?.field, message: error!.message };
}
