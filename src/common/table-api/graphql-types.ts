import { ArgsType, Field, Float, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { ClassType } from 'type-graphql';

import type { ColumnKind, TableModel } from './table-model.js';

/**
 * GraphQL types shared by every table (PageInfo, scalar filters, sort direction) and the per-table ones
 * built from a TableModel (`IssueFilter`, `IssueOrder`, `IssueConnection`, ...). TypeGraphQL decorators
 * are plain functions, so the per-table classes are declared by calling them in a loop instead of
 * writing 28 copies by hand.
 */

export const SortDirectionEnum = { ASC: 'asc', DESC: 'desc' } as const;
registerEnumType(SortDirectionEnum, { name: 'SortDirection' });

@ObjectType({ description: 'Where a page sits in its connection.' })
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => Boolean)
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

function namedClass<T extends ClassType>(name: string, base: T): T {
  const cls = class extends base {};
  Object.defineProperty(cls, 'name', { value: name });
  return cls;
}

const Empty = class {} as ClassType;

function field(
  target: ClassType,
  name: string,
  type: () => unknown,
  options: {
    nullable?: boolean | 'items' | 'itemsAndList';
    description?: string;
    defaultValue?: unknown;
  } = {},
): void {
  Reflect.defineMetadata('design:type', Object, target.prototype, name);
  Field(type as never, options)(target.prototype, name);
}

type Operator =
  'eq' | 'ne' | 'in' | 'notIn' | 'lt' | 'lte' | 'gt' | 'gte' | 'contains' | 'startsWith' | 'isNull';

const OPERATOR_DOCS: Record<Operator, string> = {
  eq: 'Equal to (null: is null).',
  ne: 'Not equal to; nulls count as different.',
  in: 'One of these values (at most 1000).',
  notIn: 'None of these values (at most 1000); nulls match.',
  lt: 'Less than.',
  lte: 'Less than or equal to.',
  gt: 'Greater than.',
  gte: 'Greater than or equal to.',
  contains: 'Contains this text, ignoring case.',
  startsWith: 'Starts with this text (case-sensitive).',
  isNull: 'true: only rows without a value; false: only rows with one.',
};

function scalarFilter(name: string, type: () => unknown, operators: Operator[]): ClassType {
  const cls = namedClass(name, Empty);
  for (const op of operators) {
    const opType = op === 'isNull' ? () => Boolean : op === 'in' || op === 'notIn' ? () => [type()] : type;
    field(cls, op, opType, { nullable: true, description: OPERATOR_DOCS[op] });
  }
  InputType(name)(cls);
  return cls;
}

const COMPARISONS: Operator[] = ['eq', 'ne', 'in', 'notIn', 'lt', 'lte', 'gt', 'gte', 'isNull'];

export const SCALAR_FILTERS: Record<Exclude<ColumnKind, 'json'>, ClassType> = {
  int: scalarFilter('IntFilter', () => Int, COMPARISONS),
  float: scalarFilter('FloatFilter', () => Float, COMPARISONS),
  string: scalarFilter('StringFilter', () => String, [...COMPARISONS, 'contains', 'startsWith']),
  date: scalarFilter('DateTimeFilter', () => Date, ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'isNull']),
  boolean: scalarFilter('BooleanFilter', () => Boolean, ['eq', 'ne', 'isNull']),
};

function constantCase(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([a-z])([0-9])/g, '$1_$2')
    .toUpperCase();
}

export interface TableTypes {
  Filter: ClassType;
  Order: ClassType;
  Connection: ClassType;
  Edge: ClassType;
  ConnectionArgs: ClassType;
}

const built = new Map<string, TableTypes>();

/**
 * The connection type of a table (`IssueChangelogConnection`), for the type thunk of a connection field
 * an entity declares (ConnectionField). Called at schema build, after the table API built every
 * exposed table's types.
 */
export function connectionTypeOf(entity: ClassType): ClassType {
  const types = built.get(entity.name);
  if (!types) throw new Error(`${entity.name} has no connection type: no module exposes it`);
  return types.Connection;
}

/** The filter, order, connection and argument types of one table, created once. */
export function tableTypes(model: TableModel, entity: ClassType): TableTypes {
  const existing = built.get(model.className);
  if (existing) return existing;
  const name = model.className;

  const Filter = namedClass(`${name}Filter`, Empty);
  for (const column of model.columns) {
    if (!column.filterable || column.kind === 'json') continue;
    const scalar = SCALAR_FILTERS[column.kind];
    field(Filter, column.key, () => scalar, { nullable: true });
  }
  field(Filter, 'and', () => [Filter], { nullable: true, description: 'Every one of these filters.' });
  field(Filter, 'or', () => [Filter], { nullable: true, description: 'At least one of these filters.' });
  field(Filter, 'not', () => Filter, { nullable: true, description: 'Rows this filter does not match.' });
  InputType(`${name}Filter`, {
    description: `Conditions on ${model.tableName}; all given fields must match.`,
  })(Filter);

  const orderFields = Object.fromEntries(
    model.columns.filter((c) => c.filterable && c.kind !== 'json').map((c) => [constantCase(c.key), c.key]),
  );
  registerEnumType(orderFields, { name: `${name}OrderField` });
  const Order = namedClass(`${name}Order`, Empty);
  field(Order, 'field', () => orderFields);
  field(Order, 'direction', () => SortDirectionEnum, { defaultValue: 'asc' });
  InputType(`${name}Order`)(Order);

  const Edge = namedClass(`${name}Edge`, Empty);
  field(Edge, 'cursor', () => String);
  field(Edge, 'node', () => entity);
  ObjectType(`${name}Edge`)(Edge);

  const Connection = namedClass(`${name}Connection`, Empty);
  field(Connection, 'nodes', () => [entity]);
  field(Connection, 'edges', () => [Edge]);
  field(Connection, 'pageInfo', () => PageInfo);
  field(Connection, 'totalCount', () => Int, {
    description: 'Rows matching the filter; counted only when selected.',
  });
  ObjectType(`${name}Connection`)(Connection);

  const ConnectionArgs = namedClass(`${name}ConnectionArgs`, Empty);
  field(ConnectionArgs, 'filter', () => Filter, { nullable: true });
  field(ConnectionArgs, 'orderBy', () => [Order], {
    nullable: true,
    description: 'Sort terms in priority order; the key columns always close the order.',
  });
  field(ConnectionArgs, 'first', () => Int, {
    nullable: true,
    description: 'Page size: default 100, at most 1000 (ML monitoring: at most 100).',
  });
  field(ConnectionArgs, 'after', () => String, {
    nullable: true,
    description: 'endCursor of the previous page.',
  });
  field(ConnectionArgs, 'offset', () => Int, {
    nullable: true,
    description: 'Rows to skip (after the cursor, if any).',
  });
  ArgsType()(ConnectionArgs);

  const types = { Filter, Order, Connection, Edge, ConnectionArgs };
  built.set(model.className, types);
  return types;
}
