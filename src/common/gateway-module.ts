import type { ClassType } from 'type-graphql';

import type { FieldRules } from './field-rules.js';
import type { LinkRelationOptions, TableDefinition } from './table-api/table-api.js';
import type { MutationDefinition } from './table-api/table-mutations.js';

/**
 * What one feature module contributes to the gateway. Modules export one such value; the schema builder
 * takes the list of them (src/modules/index.ts) and derives the ORM's entities, the GraphQL schema and
 * its rules from it. Nothing is registered by importing a module.
 */
export interface GatewayModule {
  name: string;
  /** The module's tables: each names its entity (a MikroORM entity that is also the GraphQL type) and who reads it. */
  tables: readonly TableDefinition[];
  /** To-many relations through a link table or a non-key match. */
  links?: readonly LinkRelationOptions[];
  /** Create/update/delete mutations and row actions. */
  mutations?: readonly MutationDefinition[];
  /** Hand-written TypeGraphQL resolver classes. */
  resolvers?: readonly ClassType[];
  /** The rules of the fields those resolvers add (the table API derives the rules of its own fields). */
  rules?: FieldRules;
}

/** Every entity the modules' tables name, in module order: the ORM's entity list. */
export function entitiesOf(modules: readonly GatewayModule[]): ClassType[] {
  return modules.flatMap((module) => module.tables.map((table) => table.entity));
}
