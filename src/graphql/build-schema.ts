import { isObjectType } from 'graphql';
import type { GraphQLObjectType, GraphQLSchema } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import { deny, shield } from 'graphql-shield';
import { buildSchema } from 'type-graphql';
import type { NonEmptyArray } from 'type-graphql';

import { forbidden } from '../common/errors.js';
import { PLAIN_RESOLVE, tableApiResolvers } from '../common/table-api/table-api.js';
import { tableMutationResolvers } from '../common/table-api/table-mutations.js';
import { ALL_ENTITIES } from '../db/entities.js';
import { ingestResolvers } from '../modules/ingest/ingest.resolver.js';
import { IntegrationSecretResolver } from '../modules/integrations/integrations.api.js';
import { UserSessionsResolver } from '../modules/users/user-sessions.resolver.js';
import { ViewerResolver } from '../modules/viewer/viewer.resolver.js';
import { isCoveredByObjectRule, ruleTree } from './field-rules.js';
// Each module declares its tables' API (and guards) when imported.
import '../modules/clients/clients.api.js';
import '../modules/dora/dora.api.js';
import '../modules/issues/issues.api.js';
import '../modules/ml-monitoring/ml-monitoring.api.js';
import '../modules/projects/projects.api.js';
import '../modules/pull-requests/pull-requests.api.js';
import '../modules/settings/settings.api.js';
import '../modules/users/users.api.js';
import '../modules/workflow/workflow.api.js';
// ... and its mutations.
import '../modules/issues/issues.mutations.js';
import '../modules/ml-monitoring/ml-monitoring.mutations.js';
import '../modules/projects/projects.mutations.js';
import '../modules/pull-requests/pull-requests.mutations.js';
import '../modules/settings/settings.mutations.js';
import '../modules/users/users.mutations.js';
import '../modules/workflow/workflow.mutations.js';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
let resolvers: NonEmptyArray<Function> | undefined;

/** The schema without permissions: what the SDL file shows. */
export async function buildUnguardedSchema(): Promise<GraphQLSchema> {
  // Resolver classes are generated once per process: TypeGraphQL's metadata is global.
  resolvers ??= [
    ViewerResolver,
    IntegrationSecretResolver,
    UserSessionsResolver,
    ...tableApiResolvers(),
    ...tableMutationResolvers(),
    ...ingestResolvers(),
    // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  ] as NonEmptyArray<Function>;
  return buildSchema({
    resolvers,
    orphanedTypes: [...ALL_ENTITIES],
    validate: false,
    emitSchemaFile: false,
  });
}

/**
 * The executable schema: every field guarded by the rule registered beside its declaration, and any
 * field without one denied (`fallbackRule: deny`). Errors a resolver throws on purpose (BAD_USER_INPUT,
 * NOT_FOUND) pass through with their own codes.
 */
export async function buildGatewaySchema(): Promise<GraphQLSchema> {
  const schema = await buildUnguardedSchema();
  // Generated read fields are called without TypeGraphQL's per-call wrapper (see PLAIN_RESOLVE).
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const plain = field.extensions[PLAIN_RESOLVE];
      if (typeof plain === 'function') field.resolve = plain as typeof field.resolve;
    }
  }
  const permissions = shield(ruleTree(), {
    fallbackRule: deny,
    allowExternalErrors: true,
    fallbackError: () => forbidden(),
  });
  const guarded = applyMiddleware(schema, permissions);
  // Column fields, structure (connections, edges, page info) and relations guarded by their object's
  // own rule keep their plain resolver (see isCoveredByObjectRule): their rule already ran on the field
  // that produced the object.
  for (const type of Object.values(guarded.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const original = schema.getType(type.name) as GraphQLObjectType;
    for (const field of Object.values(type.getFields())) {
      if (isCoveredByObjectRule(type.name, field.name))
        field.resolve = original.getFields()[field.name]!.resolve;
    }
  }
  return guarded;
}
