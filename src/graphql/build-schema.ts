import { isObjectType } from 'graphql';
import type { GraphQLObjectType, GraphQLSchema } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import { deny, shield } from 'graphql-shield';
import { buildSchema } from 'type-graphql';
import type { NonEmptyArray } from 'type-graphql';

import { DateTimeISO } from '../common/date-time.scalar.js';
import { forbidden } from '../common/errors.js';
import { FieldRuleSet } from '../common/field-rules.js';
import { entitiesOf } from '../common/gateway-module.js';
import type { GatewayModule } from '../common/gateway-module.js';
import { PLAIN_RESOLVE, tableApiResolvers, tableApis } from '../common/table-api/table-api.js';
import type { TableApi } from '../common/table-api/table-api.js';
import { tableMutationResolvers } from '../common/table-api/table-mutations.js';
import { entityMetadata } from '../db/entity-metadata.js';

/** A schema built from a list of modules, with the rules of its fields. */
export interface GatewaySchema {
  schema: GraphQLSchema;
  /** The rule of every field (the shield's rule tree) and which fields are plain columns. */
  rules: FieldRuleSet;
  /** Every table's API by entity class name. */
  tables: ReadonlyMap<string, TableApi>;
}

/**
 * TypeGraphQL keeps the metadata of resolver classes in one global store, so the classes of one list of
 * modules are generated once per process; the same list gives the same schema.
 */
const built = new WeakMap<readonly GatewayModule[], Promise<GatewaySchema>>();

/** The schema without permissions (what the SDL file shows), with the rules the modules declared. */
export function buildUnguardedSchema(modules: readonly GatewayModule[]): Promise<GatewaySchema> {
  let schema = built.get(modules);
  if (!schema) {
    schema = assemble(modules);
    built.set(modules, schema);
  }
  return schema;
}

async function assemble(modules: readonly GatewayModule[]): Promise<GatewaySchema> {
  const entities = entitiesOf(modules);
  const metadata = entityMetadata(entities);
  const rules = new FieldRuleSet();
  for (const module of modules) if (module.rules) rules.add(module.rules);
  const tables = tableApis(
    modules.flatMap((module) => module.tables),
    metadata,
  );
  const resolvers = [
    ...modules.flatMap((module) => module.resolvers ?? []),
    ...tableApiResolvers(
      tables,
      modules.flatMap((module) => module.links ?? []),
      rules,
    ),
    ...tableMutationResolvers(
      modules.flatMap((module) => module.mutations ?? []),
      metadata,
      rules,
    ),
    // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  ] as unknown as NonEmptyArray<Function>;
  const schema = await buildSchema({
    resolvers,
    orphanedTypes: entities,
    scalarsMap: [{ type: Date, scalar: DateTimeISO }],
    validate: false,
    emitSchemaFile: false,
  });
  return { schema, rules, tables };
}

/**
 * The executable schema of these modules: every field guarded by the rule declared beside it, and any
 * field without one denied (`fallbackRule: deny`). Errors a resolver throws on purpose (BAD_USER_INPUT,
 * NOT_FOUND) pass through with their own codes.
 */
export async function buildGatewaySchema(modules: readonly GatewayModule[]): Promise<GatewaySchema> {
  const { schema, rules, tables } = await buildUnguardedSchema(modules);
  // Generated read fields are called without TypeGraphQL's per-call wrapper (see PLAIN_RESOLVE).
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const plain = field.extensions[PLAIN_RESOLVE];
      if (typeof plain === 'function') field.resolve = plain as typeof field.resolve;
    }
  }
  const permissions = shield(rules.tree(), {
    fallbackRule: deny,
    allowExternalErrors: true,
    fallbackError: () => forbidden(),
  });
  const guarded = applyMiddleware(schema, permissions);
  // Column fields, structure (connections, edges, page info) and relations guarded by their object's
  // own rule keep their plain resolver (see FieldRuleSet.isCoveredByObjectRule): their rule already ran on the field
  // that produced the object.
  for (const type of Object.values(guarded.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const original = schema.getType(type.name) as GraphQLObjectType;
    for (const field of Object.values(type.getFields())) {
      if (rules.isCoveredByObjectRule(type.name, field.name))
        field.resolve = original.getFields()[field.name]!.resolve;
    }
  }
  return { schema: guarded, rules, tables };
}
