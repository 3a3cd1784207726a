import type { Opt, Rel } from '@mikro-orm/core';
import { Filter, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, Float, Int, ObjectType, getMetadataStorage } from 'type-graphql';
import type { ClassType } from 'type-graphql';

import type { Client } from '../modules/clients/client.entity.js';
import { EMBEDDING_DIMENSIONS, EmbeddingType } from './embedding.type.js';
import { connectionTypeOf } from './table-api/graphql-types.js';
import { TENANT_FILTER, tenantCondition } from './tenant-filter.js';

/**
 * The `embedding vector(1536)` column of the 24 business tables, and its opt-in GraphQL field. Lazy: a
 * plain `find` never reads the 6 KB column; the table API reads it only when an admin selects the field
 * (and in the same statement as the rows), and the field's shield rule refuses everyone else.
 */
export function EmbeddingColumn(): PropertyDecorator {
  const column = Property({ type: EmbeddingType, length: EMBEDDING_DIMENSIONS, nullable: true, lazy: true });
  const field = Field(() => [Float], {
    nullable: true,
    description: `The row's ${EMBEDDING_DIMENSIONS}-dimension embedding (admins only; selecting it is the opt-in).`,
  });
  return (target, name) => {
    column(target, name as string);
    field(target, name);
  };
}

/**
 * The GraphQL field of a foreign key's id (`projectId` beside the `project` relation), so clients can
 * filter and link without a join. Not an ORM property: the table API reads the relation's column into
 * it. The relation itself is served by the table API's loaders.
 */
export function ForeignKeyId(options: { nullable?: boolean } = {}): PropertyDecorator {
  const field = Field(() => Int, { nullable: options.nullable ?? false });
  return (target, name) => {
    Reflect.defineMetadata('design:type', Number, target, name);
    field(target, name);
  };
}

/** A connection field an entity declares: its name and the entity whose rows it pages through. */
export interface DeclaredConnection {
  field: string;
  target: () => ClassType;
}

const declaredConnections = new WeakMap<object, DeclaredConnection[]>();

/**
 * A to-many relation's GraphQL field, declared on the entity whose type shows it:
 * `@ConnectionField(() => IssueChangelog, { description })` on the `@OneToMany` collection, so the
 * entity file lists the connection beside its columns. The field's type is the target's connection
 * (`IssueChangelogConnection`), which the table API builds from the ORM metadata; the thunk is only
 * called at schema build, when it exists. The table API serves the declared fields and no others: on a
 * `@OneToMany` collection the ORM metadata gives the relation (its `mappedBy` foreign key); on a plain
 * property (a relation no foreign key carries, `Issue.pullRequests`) a module's `links` entry supplies
 * the SQL. The arguments (`filter`, `orderBy`, `first`, `after`, `offset`) come with the table API's
 * resolver.
 */
export function ConnectionField(
  target: () => ClassType,
  options: { description?: string } = {},
): PropertyDecorator {
  const field = Field(() => connectionTypeOf(target()), {
    nullable: false,
    description: options.description,
  });
  return (prototype, name) => {
    const owner = prototype.constructor;
    declaredConnections.set(owner, [
      ...(declaredConnections.get(owner) ?? []),
      { field: name as string, target },
    ]);
    // A link property has no ORM decorator; TypeGraphQL still reads a design type.
    if (Reflect.getMetadata('design:type', prototype, name) === undefined) {
      Reflect.defineMetadata('design:type', Object, prototype, name);
    }
    field(prototype, name);
  };
}

/** The connection fields an entity class declares, its own and its base classes'. */
export function connectionFieldsOf(entity: ClassType): DeclaredConnection[] {
  const fields: DeclaredConnection[] = [];
  for (
    let cls: unknown = entity;
    typeof cls === 'function' && cls !== Function.prototype;
    cls = Object.getPrototypeOf(cls)
  ) {
    fields.push(...(declaredConnections.get(cls) ?? []));
  }
  return fields;
}

/**
 * The GraphQL object type declared under `name`, as a lazy type thunk: for a relation of a base class
 * that cannot import its target (the tenant bases' `client`). Arrows run from modules to common, so
 * these bases cannot import `Client`; the ML records' base could, but `Client` imports the ML entities
 * that extend it, and whichever loads first would meet the other half-initialised. So the field names
 * the type the way its `@ManyToOne({ type: 'Client' })` names the entity, looked up at schema build.
 */
export function objectTypeNamed(name: string): () => ClassType {
  return () => {
    const type = getMetadataStorage().objectTypes.find((objectType) => objectType.name === name);
    if (!type) throw new Error(`No GraphQL object type named ${name} is declared`);
    return type.target as ClassType;
  };
}

/** The GraphQL field of the owning client of a tenant row (the tenant bases' `client` relation). */
export function ClientField(): PropertyDecorator {
  return Field(objectTypeNamed('Client'), {
    nullable: true,
    description: "The Client this row's client_id points at.",
  });
}

/** Base of the business tables that have neither a client nor the usual timestamps (DORA, join tables). */
@ObjectType()
export abstract class VectorRecord {
  @EmbeddingColumn()
  embedding?: number[] | null;
}

/** Rows with a serial id, a soft-delete flag and the predecessor's created/last-updated pair. */
@ObjectType()
export abstract class TrackedRecord {
  @Field(() => Int)
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Field(() => Boolean, { description: 'False once soft-deleted.' })
  @Property({ type: 'boolean', default: true })
  active: Opt<boolean> = true;

  @Field(() => Date)
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();

  @Field(() => Date)
  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  lastUpdatedAt: Opt<Date> = new Date();
}

/**
 * A row owned by one client. Tenant isolation lives here: the `tenant` filter is on by default and
 * needs a `clientId`, so a query on an EntityManager whose filter params were never set fails instead
 * of silently reading every client's rows.
 */
@ObjectType()
@Filter({ name: TENANT_FILTER, cond: tenantCondition('client'), default: true })
export abstract class TenantRecord extends TrackedRecord {
  @ClientField()
  @ManyToOne({ type: 'Client', index: true })
  client!: Rel<Client>;

  @ForeignKeyId()
  clientId?: number;
}

/** A client-owned business table: tenant scoped and with an embedding. */
@ObjectType()
export abstract class TenantEntity extends TenantRecord {
  @EmbeddingColumn()
  embedding?: number[] | null;
}
