import { ReferenceKind } from '@mikro-orm/core';
import type { Dictionary, EntityMetadata } from '@mikro-orm/core';

import { badUserInput } from '../errors.js';
import { TENANT_FILTER } from '../tenant-filter.js';
import type { TenantFilterParams } from '../tenant-filter.js';
import type { ColumnKind, ColumnModel, TableModel } from './table-model.js';

/**
 * The SQL of the generic table API: one statement per page, per count, per batch of ids and per nested
 * page of many parents (a window function partitions the rows by parent, so 500 parents cost one
 * statement like 10 do). A page's to-one relations (joined) and nested pages are read as JSON columns
 * of its rows (RelatedRead, NestedPageRead), so a page with its relations is one statement whatever its
 * size. Placeholders are MikroORM's `?`; every value goes through `params`, and every
 * identifier comes from the ORM metadata, never from the caller.
 *
 * Raw SQL does not pass through the ORM's filters, so the tenant scope is added here, derived from the
 * same `tenant` filter definition the entities declare: one definition, two enforcement points.
 */

export interface ScalarFilter {
  eq?: unknown;
  ne?: unknown;
  in?: unknown[];
  notIn?: unknown[];
  lt?: unknown;
  lte?: unknown;
  gt?: unknown;
  gte?: unknown;
  contains?: string;
  startsWith?: string;
  isNull?: boolean;
}

export interface TableFilter {
  and?: TableFilter[] | null;
  or?: TableFilter[] | null;
  not?: TableFilter | null;
  [key: string]: ScalarFilter | TableFilter | TableFilter[] | null | undefined;
}

export type SortDirection = 'asc' | 'desc';

export interface OrderTerm {
  key: string;
  direction: SortDirection;
}

export interface PageRequest {
  filter?: TableFilter | null;
  /** Always ends with the table's key, so the order (and every cursor) is total. */
  orderBy: OrderTerm[];
  first: number;
  offset: number;
  /** Decoded `after` cursor: one value per order term. */
  after?: unknown[] | null;
}

export type Row = Dictionary;
/**
 * Tenant scope of a request; null for anonymous callers, who can then read global tables only.
 * `databaseOnly` (tests only) leaves the tenant condition out of the SQL, so row level security is the
 * only wall left: the tests that prove it holds on its own set it.
 */
export type Scope = TenantFilterParams & { databaseOnly?: boolean };

/** PostgreSQL's element type of a list parameter, by column kind. */
const ARRAY_TYPES: Record<ColumnKind, string> = {
  int: 'int8[]',
  float: 'float8[]',
  string: 'text[]',
  boolean: 'bool[]',
  date: 'timestamptz[]',
  json: 'jsonb[]',
};

/** One element of a PostgreSQL array literal: quoted, with `"` and `\` escaped. */
function arrayElement(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  const text = value instanceof Date ? value.toISOString() : String(value);
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

// PostgreSQL text cannot hold NUL; refuse it as the caller's mistake rather than a server error.
function refuseNul(value: unknown): void {
  if (typeof value === 'string' && value.includes('\u0000')) {
    throw badUserInput('text values must not contain NUL characters');
  }
}

export class SqlParams {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    refuseNul(value);
    this.values.push(value);
    return '?';
  }

  /**
   * A list as ONE parameter (`= any(?::int8[])`), so the statement text does not depend on how many
   * values there are: a page of 10 parents and one of 500 share one prepared statement. The list
   * travels as an array literal, which the ORM's inlining path (embedded database) accepts as well.
   */
  addList(values: readonly unknown[], kind: ColumnKind): string {
    values.forEach(refuseNul);
    this.values.push(`{${values.map(arrayElement).join(',')}}`);
    return `?::${ARRAY_TYPES[kind]}`;
  }
}

export interface Statement {
  sql: string;
  params: unknown[];
}

const quote = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;
const col = (alias: string, column: string) => `${alias}.${quote(column)}`;
const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** Cursor values of a row: the order terms' values exactly as PostgreSQL has them (µs timestamps). */
export const CURSOR_KEY = '__cursor';
export const PARENT_KEY = '__parent';
/** The parent's row count beside each row of a partitioned page, when the page reads it too. */
export const COUNT_KEY = '__count';

/**
 * Which columns a statement reads: those the query selected (plus keys and the foreign keys of the
 * relations it selected), so a list of ten fields does not pull fifty columns through the wire.
 * `true`/`false` mean every column, with or without the embedding.
 */
export interface Projection {
  columns: readonly ColumnModel[];
  embedding: boolean;
}
export type ProjectionLike = Projection | boolean;

export function fullProjection(model: TableModel, embedding = false): Projection {
  return { columns: model.columns, embedding };
}

function projectionOf(model: TableModel, projection: ProjectionLike): Projection {
  return typeof projection === 'boolean' ? fullProjection(model, projection) : projection;
}

export function projectionKey(projection: ProjectionLike): string {
  if (typeof projection === 'boolean') return `*${projection ? '+e' : ''}`;
  return `${projection.columns.map((c) => c.key).join(',')}${projection.embedding ? '+e' : ''}`;
}

function selectList(model: TableModel, alias: string, projection: ProjectionLike): string {
  const { columns, embedding } = projectionOf(model, projection);
  const parts = columns.map((c) => `${col(alias, c.column)} as ${quote(c.key)}`);
  if (embedding && model.hasEmbedding) parts.push(`${col(alias, 'embedding')}::text as "embedding"`);
  return parts.join(', ');
}

function cursorSelect(model: TableModel, alias: string, orderBy: OrderTerm[]): string {
  const values = orderBy.map((term) => col(alias, columnOf(model, term.key).column));
  return `json_build_array(${values.join(', ')})::text as ${quote(CURSOR_KEY)}`;
}

export function columnOf(model: TableModel, key: string): ColumnModel {
  const column = model.columnsByKey.get(key);
  if (!column) throw badUserInput(`${model.className} has no field ${key}`, key);
  return column;
}

/** Turns the ORM's tenant filter condition (`{ client: 5 }`, `{ project: { client: 5 } }`) into SQL. */
function conditionSql(
  meta: EntityMetadata,
  alias: string,
  cond: Dictionary,
  params: SqlParams,
  depth = 0,
): string {
  const parts: string[] = [];
  for (const [name, value] of Object.entries(cond)) {
    const prop = meta.properties[name];
    if (!prop) throw new Error(`tenant condition names unknown property ${meta.className}.${name}`);
    const column = col(alias, prop.fieldNames[0]!);
    if (value !== null && typeof value === 'object') {
      if (prop.kind !== ReferenceKind.MANY_TO_ONE)
        throw new Error(`cannot scope through ${meta.className}.${name}`);
      const target = prop.targetMeta;
      if (!target) throw new Error(`${meta.className}.${name} has no discovered target`);
      const inner = `s${depth}`;
      const pk = col(inner, target.properties[target.primaryKeys[0]!]!.fieldNames[0]!);
      const where = conditionSql(target, inner, value as Dictionary, params, depth + 1);
      parts.push(`${column} in (select ${pk} from ${quote(target.tableName)} as ${inner} where ${where})`);
    } else {
      parts.push(`${column} = ${params.add(value)}`);
    }
  }
  return parts.join(' and ');
}

export function scopeSql(
  model: TableModel,
  alias: string,
  scope: Scope | null,
  params: SqlParams,
): string | null {
  if (!model.tenantScoped) return null;
  // Fail closed: a tenant table is never read without a client to scope it to.
  if (scope === null) throw new Error(`${model.className} read without a tenant scope`);
  if (scope.databaseOnly) return null;
  const filter = model.meta.filters[TENANT_FILTER]!;
  const cond = (filter.cond as (args: Dictionary) => Dictionary)(scope);
  return conditionSql(model.meta, alias, cond, params);
}

/**
 * The dates a timestamptz takes from an ISO string: years 1 to 9999. JavaScript writes year 0 as
 * `0000` and others with a sign (`+010000`), which PostgreSQL refuses, failing the statement.
 */
export const EARLIEST_DATE = new Date('0001-01-01T00:00:00.000Z');
export const LATEST_DATE = new Date('9999-12-31T23:59:59.999Z');

function dateText(value: unknown, field: string): string {
  const date = value instanceof Date ? value : new Date(String(value));
  if (Number.isNaN(date.getTime()) || date < EARLIEST_DATE || date > LATEST_DATE) {
    throw badUserInput(`${field}: dates must be between 0001-01-01 and 9999-12-31 (UTC)`, field);
  }
  return value instanceof Date ? value.toISOString() : String(value);
}

function valueSql(column: ColumnModel, value: unknown, params: SqlParams): string {
  if (column.kind === 'date') return `${params.add(dateText(value, column.key))}::timestamptz`;
  return params.add(value);
}

const MAX_LIST = 1000;

function scalarFilterSql(
  column: ColumnModel,
  expr: string,
  filter: ScalarFilter,
  params: SqlParams,
): string[] {
  const parts: string[] = [];
  const value = (v: unknown) => valueSql(column, v, params);
  const list = (values: unknown[], op: string) => {
    if (values.length > MAX_LIST) throw badUserInput(`${op} takes at most ${MAX_LIST} values`, column.key);
    const normalised =
      column.kind === 'date' ? values.map((v) => (v === null ? null : dateText(v, column.key))) : values;
    return params.addList(normalised, column.kind);
  };
  for (const [op, v] of Object.entries(filter)) {
    if (v === undefined) continue;
    switch (op) {
      case 'eq':
        parts.push(v === null ? `${expr} is null` : `${expr} = ${value(v)}`);
        break;
      case 'ne':
        parts.push(v === null ? `${expr} is not null` : `${expr} is distinct from ${value(v)}`);
        break;
      case 'in':
        if (v === null) break;
        parts.push((v as unknown[]).length === 0 ? 'false' : `${expr} = any(${list(v as unknown[], 'in')})`);
        break;
      case 'notIn':
        if (v === null || (v as unknown[]).length === 0) break;
        parts.push(`(${expr} is null or ${expr} <> all(${list(v as unknown[], 'notIn')}))`);
        break;
      case 'lt':
      case 'lte':
      case 'gt':
      case 'gte': {
        if (v === null) throw badUserInput(`${op} needs a value`, column.key);
        const sign = { lt: '<', lte: '<=', gt: '>', gte: '>=' }[op];
        parts.push(`${expr} ${sign} ${value(v)}`);
        break;
      }
      case 'contains':
        if (v === null) break;
        parts.push(`strpos(lower(${expr}), lower(${params.add(v)})) > 0`);
        break;
      case 'startsWith':
        if (v === null) break;
        parts.push(`starts_with(${expr}, ${params.add(v)})`);
        break;
      case 'isNull':
        if (v === null) break;
        parts.push(v ? `${expr} is null` : `${expr} is not null`);
        break;
      default:
        throw badUserInput(`unknown filter operator ${op}`, column.key);
    }
  }
  return parts;
}

/** The filter as one SQL condition, or null when it constrains nothing. */
export function filterSql(
  model: TableModel,
  alias: string,
  filter: TableFilter | null | undefined,
  params: SqlParams,
): string | null {
  if (!filter) return null;
  const parts: string[] = [];
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || value === null) continue;
    if (key === 'and' || key === 'or') {
      const inner = (value as TableFilter[])
        .map((f) => filterSql(model, alias, f, params) ?? 'true')
        .map((s) => `(${s})`);
      if (inner.length > 0) parts.push(`(${inner.join(key === 'and' ? ' and ' : ' or ')})`);
      else if (key === 'or') parts.push('false');
    } else if (key === 'not') {
      const inner = filterSql(model, alias, value as TableFilter, params);
      // `is not true`, not `not`: a row the inner filter cannot decide (a null column) is "not matched".
      if (inner) parts.push(`(${inner}) is not true`);
    } else {
      const column = columnOf(model, key);
      if (!column.filterable) throw badUserInput(`${key} cannot be filtered on`, key);
      parts.push(...scalarFilterSql(column, col(alias, column.column), value as ScalarFilter, params));
    }
  }
  return parts.length > 0 ? parts.join(' and ') : null;
}

function orderSql(model: TableModel, alias: string, orderBy: OrderTerm[]): string {
  return orderBy
    .map((term) => `${col(alias, columnOf(model, term.key).column)} ${term.direction}`)
    .join(', ');
}

/**
 * Rows strictly after the cursor in the given order. PostgreSQL puts nulls last ascending and first
 * descending; the comparison follows the same rule so a page boundary on a null value is exact.
 */
function afterSql(
  model: TableModel,
  alias: string,
  orderBy: OrderTerm[],
  values: unknown[],
  params: SqlParams,
): string {
  const step = (i: number): string => {
    const term = orderBy[i]!;
    const column = columnOf(model, term.key);
    const expr = col(alias, column.column);
    const value = values[i];
    let strictly: string;
    if (term.direction === 'asc')
      strictly =
        value === null ? 'false' : `(${expr} > ${valueSql(column, value, params)} or ${expr} is null)`;
    else strictly = value === null ? `${expr} is not null` : `${expr} < ${valueSql(column, value, params)}`;
    if (i === orderBy.length - 1) return strictly;
    const equal = value === null ? `${expr} is null` : `${expr} = ${valueSql(column, value, params)}`;
    return `(${strictly} or (${equal} and ${step(i + 1)}))`;
  };
  return step(0);
}

/**
 * The page's window. The limit is written into the statement: with a parameter there, PostgreSQL's
 * generic plan of the prepared statement has to assume a large share of the table and sorts all of a
 * client's rows, so it keeps planning every execution afresh (about a millisecond of the database's CPU
 * a page); with the number it plans once per page size. It is an integer the page request checked
 * (0 to the table's maximum page size), so the set of texts stays small. An offset, rarer and
 * unbounded, stays a parameter, and is left out when it is 0.
 */
function limitSql(page: PageRequest, params: SqlParams): string {
  const limit = page.first + 1;
  if (!Number.isSafeInteger(limit) || limit < 1) throw new Error(`invalid page size ${page.first}`);
  return ` limit ${limit}${page.offset > 0 ? ` offset ${params.add(page.offset)}` : ''}`;
}

function where(conditions: (string | null)[]): string {
  const present = conditions.filter((c): c is string => Boolean(c));
  return present.length > 0 ? ` where ${present.join(' and ')}` : '';
}

/**
 * A to-one relation read in the same statement as the rows that point at it (relatedJoin): the row it
 * points at comes back as one JSON column (`relatedKey(field)`), scoped to the tenant like any read of
 * its table, and
 * null where there is none the caller may see. The page's own statement then answers the relation, so
 * a page with its project, status and assignee is one round trip instead of four.
 */
export interface RelatedRead {
  /** The relation's GraphQL field (`project`). */
  field: string;
  /** The foreign key in the page's table. */
  foreignKey: ColumnModel;
  target: TableModel;
  /** The selected columns of the target (the embedding as text, like a page's, when an admin asked). */
  projection: Projection;
}

/** Where a row carries the related row read with it (RelatedRead); undefined when it was not read. */
export function relatedKey(field: string): string {
  return `__related_${field}`;
}

/**
 * A statement's rows with their to-one relations joined. Each relation is a left join of its table on the
 * rows' own select (`inner`), scoped to the tenant in the join condition, whose row comes back as one
 * JSON column: a join reads each related table once per statement (a hash of a client's projects, say)
 * where a subquery in the select list would scan it again for every row. The inner select names the
 * columns the joins and the outer order need by their keys, and adds the ones it does not project
 * (`extra`, as `__by_<key>`); the rows' order is restated outside, as a join does not keep it.
 */
interface RelatedJoin {
  /** Columns the inner select adds for the joins and the order (`, t."created" as "__by_created"`). */
  extra: string;
  /** The statement around `inner`, ordered by `order` (default: the page's own order terms). */
  wrap(inner: string, rowAlias: string, scope: Scope | null, params: SqlParams, order?: OuterOrder): string;
}
type OuterOrder = readonly { name: string; direction: SortDirection }[];

/** The join of `related` onto rows of `model` read as `alias` (RelatedJoin), or null when there is none. */
function relatedJoin(
  model: TableModel,
  alias: string,
  projection: ProjectionLike,
  orderBy: readonly OrderTerm[],
  related: readonly RelatedRead[],
): RelatedJoin | null {
  if (related.length === 0) return null;
  const projected = new Set(projectionOf(model, projection).columns);
  const added = new Map<ColumnModel, string>();
  const nameOf = (column: ColumnModel) => {
    if (projected.has(column)) return column.key;
    const name = `__by_${column.key}`;
    added.set(column, name);
    return name;
  };
  const pageOrder = orderBy.map((term) => ({
    name: nameOf(columnOf(model, term.key)),
    direction: term.direction,
  }));
  const foreignKeys = related.map((read) => nameOf(read.foreignKey));
  const extra = [...added]
    .map(([column, name]) => `, ${col(alias, column.column)} as ${quote(name)}`)
    .join('');
  return {
    extra,
    wrap(inner, rowAlias, scope, params, order = pageOrder) {
      let columns = `${rowAlias}.*`;
      let joins = '';
      related.forEach((read, i) => {
        const { target, projection: targetProjection } = read;
        const joined = `${rowAlias}_j${i}`;
        const key = target.keyColumns[0]!;
        const { columns: selected, embedding } = projectionOf(target, targetProjection);
        const pairs = selected.map((c) => `${literal(c.key)}, ${col(joined, c.column)}`);
        if (embedding && target.hasEmbedding) pairs.push(`'embedding', ${col(joined, 'embedding')}::text`);
        columns +=
          `, case when ${col(joined, key.column)} is null then null` +
          ` else json_build_object(${pairs.join(', ')}) end as ${quote(relatedKey(read.field))}`;
        const on = [
          `${col(joined, key.column)} = ${col(rowAlias, foreignKeys[i]!)}`,
          scopeSql(target, joined, scope, params),
        ].filter(Boolean);
        joins += ` left join ${quote(target.tableName)} as ${joined} on ${on.join(' and ')}`;
      });
      const outerOrder = order.map((term) => `${col(rowAlias, term.name)} ${term.direction}`).join(', ');
      return `select ${columns} from (${inner}) as ${rowAlias}${joins} order by ${outerOrder}`;
    },
  };
}

/**
 * One page of a root connection: `first + 1` rows, the extra one only says whether there is a next page.
 * `withCount` puts the connection's totalCount on every row (COUNT_KEY): a subquery that does not depend
 * on the row, which PostgreSQL runs once, so the page and its count are one round trip.
 */
export function pageStatement(
  model: TableModel,
  scope: Scope | null,
  page: PageRequest,
  projection: ProjectionLike,
  related: readonly RelatedRead[] = [],
  withCount = false,
  nested: readonly NestedPageRead[] = [],
): Statement {
  const params = new SqlParams();
  // Parameters are positional: the nested pages' and the count's come first, as their subqueries do;
  // the joined relations' tenant scopes come last.
  let columns = rowColumns(model, 't', projection, nested, scope, params, 0);
  if (withCount) {
    const counted = [scopeSql(model, 'c', scope, params), filterSql(model, 'c', page.filter, params)];
    columns +=
      `, (select count(*)::int from ${quote(model.tableName)} as c${where(counted)})` +
      ` as ${quote(COUNT_KEY)}`;
  }
  const conditions = [
    scopeSql(model, 't', scope, params),
    filterSql(model, 't', page.filter, params),
    page.after ? afterSql(model, 't', page.orderBy, page.after, params) : null,
  ];
  const join = relatedJoin(model, 't', projection, page.orderBy, related);
  const sql =
    `select ${columns}, ${cursorSelect(model, 't', page.orderBy)}${join?.extra ?? ''}` +
    ` from ${quote(model.tableName)} as t${where(conditions)}` +
    ` order by ${orderSql(model, 't', page.orderBy)}${limitSql(page, params)}`;
  return { sql: join ? join.wrap(sql, 'w0', scope, params) : sql, params: params.values };
}

export function countStatement(
  model: TableModel,
  scope: Scope | null,
  filter: TableFilter | null | undefined,
): Statement {
  const params = new SqlParams();
  const conditions = [scopeSql(model, 't', scope, params), filterSql(model, 't', filter, params)];
  return {
    sql: `select count(*)::int as "count" from ${quote(model.tableName)} as t${where(conditions)}`,
    params: params.values,
  };
}

/** Rows whose `column` is one of `values`: the batch behind by-id loaders and natural-key lookups. */
export function rowsWhereInStatement(
  model: TableModel,
  scope: Scope | null,
  column: ColumnModel,
  values: readonly unknown[],
  projection: ProjectionLike,
): Statement {
  const params = new SqlParams();
  // Parameters are positional: add them in the order they appear in the SQL.
  const scoped = scopeSql(model, 't', scope, params);
  const list = params.addList(
    column.kind === 'date' ? values.map((v) => dateText(v, column.key)) : values,
    column.kind,
  );
  const conditions = [scoped, `${col('t', column.column)} = any(${list})`];
  return {
    sql: `select ${selectList(model, 't', projection)} from ${quote(model.tableName)} as t${where(conditions)}`,
    params: params.values,
  };
}

/** Rows matching every key column exactly (composite keys of the join tables). */
export function rowByKeyStatement(
  model: TableModel,
  scope: Scope | null,
  key: Record<string, unknown>,
  projection: ProjectionLike,
): Statement {
  const params = new SqlParams();
  const conditions = [
    scopeSql(model, 't', scope, params),
    ...Object.entries(key).map(([k, v]) => {
      const column = columnOf(model, k);
      return `${col('t', column.column)} = ${valueSql(column, v, params)}`;
    }),
  ];
  return {
    sql: `select ${selectList(model, 't', projection)} from ${quote(model.tableName)} as t${where(conditions)} limit 2`,
    params: params.values,
  };
}

/**
 * The parents a relation's rows are read for: a batch of ids (`list`, an `int8[]` expression, one
 * parameter) or the one row of an enclosing statement (`row`, its key column, and `column`, any of its
 * columns by name), when a page's rows are read as a JSON column of their parent's row (NestedPageRead).
 */
export type Parents = { list: string } | ParentRow;
type ParentRow = { row: string; column: (name: string) => string };

/**
 * A link's condition on one target row (aliased `target`) for one parent row whose columns are at hand
 * (`parent(name)`): how a page read inside its parent's statement follows the link without reading the
 * parent's table again to find the columns the link matches on.
 */
export type ParentRowCondition = (target: string, parent: (column: string) => string) => string;

const idArray = (parents: Parents) => ('list' in parents ? parents.list : `array[${parents.row}]::int8[]`);

/**
 * Where the rows of a to-many relation come from. A direct relation reads the target table by its
 * foreign key; a relation through a link table joins a small link subquery that yields `__parent` plus
 * the columns the target is matched on. `alias` names the target table in the clause; the link is
 * `<alias>_l`, so the clauses of nested pages never shadow the parent row they refer to.
 */
export interface RelationSource {
  /** `from` clause (the target table as `alias`) for the parents. */
  from(alias: string, parents: Parents): string;
  /** Expression of the parent id in that clause. */
  parentExpr(alias: string): string;
  /** Condition on the parents, when `from` does not restrict them itself. */
  parentCondition?(alias: string, parents: Parents): string | null;
}

export function directSource(target: TableModel, foreignKeyColumn: string): RelationSource {
  return {
    from: (alias) => `${quote(target.tableName)} as ${alias}`,
    parentExpr: (alias) => col(alias, foreignKeyColumn),
    parentCondition: (alias, parents) =>
      'list' in parents
        ? `${col(alias, foreignKeyColumn)} = any(${parents.list})`
        : `${col(alias, foreignKeyColumn)} = ${parents.row}`,
  };
}

/**
 * Through a link: `linkSql(ids)` selects `__parent` and the columns named in `on`, which are matched
 * against target columns (`[linkColumn, targetColumn]`); `ids` is an `int8[]` expression (`= any(ids)`).
 * With `parentRow`, a page read inside its parent's row is the target table under that condition.
 */
export function linkSource(
  target: TableModel,
  linkSql: (idList: string) => string,
  on: [string, string][],
  parentRow?: ParentRowCondition,
): RelationSource {
  return {
    from: (alias, parents) => {
      if (parentRow && 'row' in parents) return `${quote(target.tableName)} as ${alias}`;
      const link = `${alias}_l`;
      const join = on.map(([l, t]) => `${col(link, l)} = ${col(alias, t)}`).join(' and ');
      return `(${linkSql(idArray(parents))}) as ${link} join ${quote(target.tableName)} as ${alias} on ${join}`;
    },
    parentExpr: (alias) => `${alias}_l.${quote(PARENT_KEY)}`,
    parentCondition: (alias, parents) =>
      parentRow && 'row' in parents ? parentRow(alias, parents.column) : null,
  };
}

/**
 * A to-many page read in the same statement as its parent rows: each parent row carries its page as
 * one JSON array column (`nestedKey(key)`), its rows in the page's order with their cursors, their own
 * to-one relations and nested pages, and (`withCount`) the parent's total on every row. Only a page
 * that starts at the first row or at an offset is read so (a cursor is bound to one parent row), and
 * one with a count only when it starts at the first row (countsInPage), so that an empty page says 0.
 */
export interface NestedPageRead {
  /** The connection's response key (its alias, or its name): two aliases may ask for different pages. */
  key: string;
  target: TableModel;
  source: RelationSource;
  page: PageRequest;
  projection: Projection;
  related: readonly RelatedRead[];
  nested: readonly NestedPageRead[];
  withCount: boolean;
}

/** Where a row carries a nested page read with it (NestedPageRead); undefined when it was not read. */
export function nestedKey(key: string): string {
  return `__nested_${key}`;
}

/**
 * What a statement reads of each row before its to-one relations are joined (relatedJoin): the
 * projected columns, then one JSON column per nested page. Subqueries come in the order of their text,
 * as positional parameters must.
 */
function rowColumns(
  model: TableModel,
  alias: string,
  projection: ProjectionLike,
  nested: readonly NestedPageRead[],
  scope: Scope | null,
  params: SqlParams,
  depth: number,
): string {
  let sql = selectList(model, alias, projection);
  if (nested.length > 0) {
    const parent: Parents = {
      row: col(alias, model.keyColumns[0]!.column),
      column: (name) => col(alias, name),
    };
    for (const read of nested) sql += `, ${nestedSelect(read, parent, scope, params, depth + 1)}`;
  }
  return sql;
}

function nestedSelect(
  read: NestedPageRead,
  parents: ParentRow,
  scope: Scope | null,
  params: SqlParams,
  depth: number,
): string {
  const { target, source, page } = read;
  if (page.after) throw new Error('a page after a cursor is not read with its parent');
  const alias = `n${depth}`;
  const columns = rowColumns(target, alias, read.projection, read.nested, scope, params, depth);
  const from = source.from(alias, parents);
  const conditions = [
    source.parentCondition?.(alias, parents) ?? null,
    scopeSql(target, alias, scope, params),
    filterSql(target, alias, page.filter, params),
  ];
  // `count(*) over ()` is computed before the limit: the parent's total beside each row of its window.
  const count = read.withCount ? `, count(*) over ()::int as ${quote(COUNT_KEY)}` : '';
  const join = relatedJoin(target, alias, read.projection, page.orderBy, read.related);
  const own =
    `select ${columns}, ${cursorSelect(target, alias, page.orderBy)}${count}${join?.extra ?? ''}` +
    ` from ${from}${where(conditions)} order by ${orderSql(target, alias, page.orderBy)}${limitSql(page, params)}`;
  const rows = join ? join.wrap(own, `w${depth}`, scope, params) : own;
  // json_agg takes the rows in the order the limited subquery hands them over.
  return `(select coalesce(json_agg(p), '[]') from (${rows}) as p) as ${quote(nestedKey(read.key))}`;
}

/**
 * One statement for the pages of many parents: rows are numbered per parent in the requested order and
 * only the wanted window of each parent (plus one row to detect a next page) comes back. `withCount`
 * adds each parent's total (`__count`), which is that connection's totalCount only when the window
 * starts at the first row: no offset and no cursor (the caller decides, see countsInPage). Each row
 * carries its to-one relations and nested pages like a root page's rows.
 */
export function partitionedPageStatement(
  target: TableModel,
  source: RelationSource,
  scope: Scope | null,
  parentIds: readonly unknown[],
  page: PageRequest,
  projection: ProjectionLike,
  withCount = false,
  related: readonly RelatedRead[] = [],
  nested: readonly NestedPageRead[] = [],
): Statement {
  const params = new SqlParams();
  const columns = rowColumns(target, 't', projection, nested, scope, params, 0);
  const parents: Parents = { list: params.addList(parentIds, 'int') };
  const from = source.from('t', parents);
  const parent = source.parentExpr('t');
  const conditions = [
    source.parentCondition?.('t', parents) ?? null,
    scopeSql(target, 't', scope, params),
    filterSql(target, 't', page.filter, params),
    page.after ? afterSql(target, 't', page.orderBy, page.after, params) : null,
  ];
  // Its rows are ordered by their number within their parent, which the join's outer select keeps.
  const join = relatedJoin(target, 't', projection, [], related);
  const inner =
    `select ${columns}, ${cursorSelect(target, 't', page.orderBy)}${join?.extra ?? ''},` +
    ` ${parent} as ${quote(PARENT_KEY)},` +
    ` row_number() over (partition by ${parent} order by ${orderSql(target, 't', page.orderBy)}) as "__rn"` +
    (withCount ? `, count(*) over (partition by ${parent})::int as ${quote(COUNT_KEY)}` : '') +
    ` from ${from}${where(conditions)}`;
  const sql =
    `select * from (${inner}) as s where s."__rn" > ${params.add(page.offset)}` +
    ` and s."__rn" <= ${params.add(page.offset + page.first + 1)} order by s."__rn"`;
  const byRowNumber = [{ name: '__rn', direction: 'asc' as const }];
  return { sql: join ? join.wrap(sql, 'w0', scope, params, byRowNumber) : sql, params: params.values };
}

/**
 * Whether a page's own statement can say how many rows its parent has: only a window that begins at the
 * first row, so every parent with any row sends at least one back (`first: 0` still reads one, to tell
 * whether there is a next page).
 */
export function countsInPage(page: PageRequest): boolean {
  return !page.after && page.offset === 0;
}

export function partitionedCountStatement(
  target: TableModel,
  source: RelationSource,
  scope: Scope | null,
  parentIds: readonly unknown[],
  filter: TableFilter | null | undefined,
): Statement {
  const params = new SqlParams();
  const parents: Parents = { list: params.addList(parentIds, 'int') };
  const from = source.from('t', parents);
  const parent = source.parentExpr('t');
  const conditions = [
    source.parentCondition?.('t', parents) ?? null,
    scopeSql(target, 't', scope, params),
    filterSql(target, 't', filter, params),
  ];
  return {
    sql:
      `select ${parent} as ${quote(PARENT_KEY)}, count(*)::int as "count" from ${from}` +
      `${where(conditions)} group by ${parent}`,
    params: params.values,
  };
}

/** Result rows as GraphQL reads them: Dates for timestamps, number arrays for embeddings. */
const dateKeysOf = new WeakMap<TableModel, string[]>();

function dateKeys(model: TableModel): string[] {
  let keys = dateKeysOf.get(model);
  if (!keys) dateKeysOf.set(model, (keys = model.columns.filter((c) => c.kind === 'date').map((c) => c.key)));
  return keys;
}

/**
 * One row as GraphQL reads it. The pg driver already hands timestamps as Dates; the embedded
 * database's path and the JSON of related rows (RelatedRead) hand them as text.
 */
export function rowMapper(model: TableModel): (row: Row) => Row {
  const keys = dateKeys(model);
  return (row) => mapRow(row, keys);
}

function mapRow(row: Row, keys: readonly string[]): Row {
  for (const key of keys) {
    const value = row[key];
    if (typeof value === 'string') row[key] = new Date(value);
  }
  if (typeof row.embedding === 'string') row.embedding = JSON.parse(row.embedding) as number[];
  return row;
}

/**
 * The rows of one statement, mapped like rowMapper's but looking only at the columns the statement
 * read (all its rows have the same ones): a page of a wide table selects few of its many timestamps.
 */
export function mapRows(model: TableModel, rows: Row[]): Row[] {
  const first = rows[0];
  if (!first) return rows;
  const keys = dateKeys(model).filter((key) => key in first);
  if (keys.length === 0 && !('embedding' in first)) return rows;
  for (const row of rows) mapRow(row, keys);
  return rows;
}
