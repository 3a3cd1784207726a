import { ReferenceKind } from '@mikro-orm/core';
import type { EntityMetadata, EntityProperty } from '@mikro-orm/core';
import { getMetadataStorage } from 'type-graphql';

import { TENANT_FILTER } from '../tenant-filter.js';

/** How a column's values look in GraphQL filters, ordering and results. */
export type ColumnKind = 'int' | 'float' | 'string' | 'boolean' | 'date' | 'json';

export interface ColumnModel {
  /** GraphQL field and result-row key: the property name, or camelCase(column) for a foreign key. */
  key: string;
  column: string;
  kind: ColumnKind;
  nullable: boolean;
  /** varchar length, for input validation. */
  length?: number;
  /** Set on a foreign-key column: the relation it stores. */
  relation?: string;
  /** False for the owning client's id: no argument ever takes a client id from the caller. */
  filterable: boolean;
}

export interface ToOneModel {
  /** GraphQL field name: the ORM property (`project`, `assigneeUser`). */
  field: string;
  /** Result-row key of the stored id (`projectId`, `assigneeId`). */
  key: string;
  column: string;
  target: string;
  nullable: boolean;
}

/**
 * One table as the API sees it, derived from the ORM metadata and the TypeGraphQL fields of its
 * entity: the columns a caller may read, filter and order on (secrets have no `@Field` and are absent),
 * its key, its to-one relations and whether it has an embedding.
 */
export interface TableModel {
  className: string;
  tableName: string;
  meta: EntityMetadata;
  columns: ColumnModel[];
  columnsByKey: Map<string, ColumnModel>;
  keyColumns: ColumnModel[];
  toOne: ToOneModel[];
  hasEmbedding: boolean;
  /** Whether rows belong to a client (the tenant filter is defined on the entity). */
  tenantScoped: boolean;
}

const models = new WeakMap<EntityMetadata, TableModel>();

/** The table API's view of one entity, from the ORM's discovered metadata (built once per metadata). */
export function tableModel(meta: EntityMetadata): TableModel {
  let model = models.get(meta);
  if (!model) {
    model = buildTableModel(meta);
    models.set(meta, model);
  }
  return model;
}

export function camelCase(snake: string): string {
  return snake.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** Fields TypeGraphQL knows on a class, its own and inherited. */
export function graphqlFieldNames(entity: object): Set<string> {
  const chain: unknown[] = [];
  for (let proto = entity; proto && proto !== Function.prototype; proto = Object.getPrototypeOf(proto)) {
    chain.push(proto);
  }
  return new Set(
    getMetadataStorage()
      .fields.filter((field) => chain.includes(field.target))
      .map((field) => field.name),
  );
}

/** What TypeGraphQL knows of one declared field (its type thunk, nullability and description). */
export type DeclaredField = ReturnType<typeof getMetadataStorage>['fields'][number];

/** The field `name` as the entity, or the nearest base class declaring it, declares it. */
export function declaredGraphqlField(entity: object, name: string): DeclaredField | undefined {
  const fields = getMetadataStorage().fields;
  for (let proto = entity; proto && proto !== Function.prototype; proto = Object.getPrototypeOf(proto)) {
    const field = fields.find((f) => f.target === proto && f.name === name);
    if (field) return field;
  }
  return undefined;
}

function columnKind(prop: EntityProperty): ColumnKind | null {
  const type = (prop.columnTypes?.[0] ?? '').toLowerCase();
  if (/^(int|integer|int4|int8|bigint|smallint|serial)/.test(type)) return 'int';
  if (/^(double|float|real|numeric|decimal)/.test(type)) return 'float';
  if (/^(text|varchar|character|string)/.test(type)) return 'string';
  if (type.startsWith('bool')) return 'boolean';
  if (type.startsWith('timestamp') || type === 'date') return 'date';
  if (type.startsWith('json')) return 'json';
  return null;
}

function buildTableModel(meta: EntityMetadata): TableModel {
  const exposed = graphqlFieldNames(meta.class);
  const columns: ColumnModel[] = [];
  const toOne: ToOneModel[] = [];
  for (const prop of Object.values(meta.properties)) {
    if (prop.kind === ReferenceKind.SCALAR) {
      const kind = columnKind(prop);
      if (!kind || !exposed.has(prop.name) || prop.name === 'embedding') continue;
      columns.push({
        key: prop.name,
        column: prop.fieldNames[0]!,
        kind,
        nullable: Boolean(prop.nullable),
        length: prop.length,
        filterable: kind !== 'json',
      });
    } else if (prop.kind === ReferenceKind.MANY_TO_ONE) {
      const column = prop.fieldNames[0]!;
      // `assignee_id` -> `assigneeId`; a column without the suffix (`acknowledged_by`) would collide with
      // its relation field, so it gets one (`acknowledgedById`).
      const key = column.endsWith('_id') ? camelCase(column) : `${prop.name}Id`;
      const filterable = prop.type !== 'Client';
      columns.push({
        key,
        column,
        kind: 'int',
        nullable: Boolean(prop.nullable),
        relation: prop.name,
        filterable,
      });
      toOne.push({ field: prop.name, key, column, target: prop.type, nullable: Boolean(prop.nullable) });
    }
  }
  const columnsByKey = new Map(columns.map((column) => [column.key, column]));
  const keyColumns = meta.primaryKeys.map((name) => {
    const prop = meta.properties[name]!;
    return prop.kind === ReferenceKind.SCALAR
      ? columnsByKey.get(name)!
      : columns.find((c) => c.relation === name)!;
  });
  return {
    className: meta.className,
    tableName: meta.tableName,
    meta,
    columns,
    columnsByKey,
    keyColumns,
    toOne,
    hasEmbedding: Boolean(meta.properties.embedding),
    tenantScoped: Boolean(meta.filters?.[TENANT_FILTER]),
  };
}
