import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import type { NonEmptyArray } from 'type-graphql';

import { ALL_ENTITIES } from '../db/entities.js';
import { ViewerResolver } from '../modules/viewer/viewer.resolver.js';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
const RESOLVERS: NonEmptyArray<Function> = [ViewerResolver];

/** The executable schema. Every entity is an object type of it, reachable from a query or not. */
export async function buildGatewaySchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: RESOLVERS,
    orphanedTypes: [...ALL_ENTITIES],
    validate: false,
    emitSchemaFile: false,
  });
}
