import type DataLoader from 'dataloader';
import { getArgumentValues, isObjectType } from 'graphql';
import type { FieldNode, GraphQLResolveInfo } from 'graphql';
import {
  Arg,
  Args,
  Ctx,
  Extensions,
  FieldResolver,
  Info,
  Mutation,
  Int,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { ClassType } from 'type-graphql';

import { isAdmin } from '../../auth/rules.js';
import type { AccessRule } from '../../auth/rules.js';
import type { Context } from '../../context/context.js';
import { ReferenceKind } from '@mikro-orm/core';
import type { MetadataStorage } from '@mikro-orm/core';

import type { SqlExecutor } from '../../db/sql-executor.js';
import { connectionFieldsOf } from '../base.entities.js';
import { openStructure } from '../field-rules.js';
import type { FieldRuleSet } from '../field-rules.js';
import { tableTypes } from './graphql-types.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, connectionFromRows, pageRequest } from './pagination.js';
import type { ConnectionArgs, ConnectionValue, PageLimits } from './pagination.js';
import { selectedFieldNames, selectedFields, selects } from './selection.js';
import type { ManyRelation } from './table-loaders.js';
import { declaredGraphqlField, graphqlFieldNames, tableModel } from './table-model.js';
import type { ColumnModel, DeclaredField, TableModel } from './table-model.js';
import {
  COUNT_KEY,
  countStatement,
  countsInPage,
  directSource,
  linkSource,
  mapRows,
  nestedKey,
  pageStatement,
  projectionKey,
  relatedKey,
  rowByKeyStatement,
  rowMapper,
} from './table-sql.js';
import type {
  NestedPageRead,
  OrderTerm,
  PageRequest,
  ParentRowCondition,
  Projection,
  RelatedRead,
  RelationSource,
  Row,
} from './table-sql.js';

/** How one table is exposed. Everything not said here is derived from the entity and its metadata. */
export interface TableApiOptions {
  /** Connection field name; default: camelCase plural of the class (`issueChangelogs`). */
  plural?: string;
  /** By-id field name; default: camelCase of the class (`issueChangelog`). */
  singular?: string;
  /** Who may read the rows (every field, and every relation leading to them). */
  read: AccessRule;
  /** Extra lookups by unique columns, e.g. `{ field: 'issueByKey', keys: ['key'] }`. */
  naturalKeys?: { field: string; keys: string[]; description?: string }[];
  defaultOrder?: OrderTerm[];
  limits?: PageLimits;
  /** Root connection runs in the tuned, read-only ML session (seed 002). */
  mlSession?: boolean;
  description?: string;
}

/** One table of a module: its entity and how it is exposed. */
export interface TableDefinition extends TableApiOptions {
  entity: ClassType;
  /**
   * Which of the data model's groups the table belongs to (default `business`: seed 001's 24 tables);
   * the table catalogue (src/modules/table-catalogue.ts) lists the groups from this.
   */
  group?: 'business' | 'supporting' | 'ml-monitoring';
}

export interface TableApi {
  entity: ClassType;
  model: TableModel;
  options: TableApiOptions;
  plural: string;
  singular: string;
  limits: PageLimits;
  defaultOrder: OrderTerm[];
}

/**
 * The SQL of a to-many relation no foreign key carries (a join table, or a match on non-key columns).
 * The owner's entity declares the field itself (`@ConnectionField(() => PullRequest, { description })`
 * on `Issue.pullRequests`), with its target and description; this supplies how its rows are found.
 */
export interface LinkRelationOptions {
  owner: ClassType;
  field: string;
  /** Selects `__parent` and the link columns named in `on`; `ids` is the parent ids' array parameter (`= any(${ids})`). */
  linkSql: (ids: string) => string;
  on: [string, string][];
  /**
   * The same link as a condition on one target row for one parent row, given the parent's columns:
   * used when the page is read inside its parent's statement. Without it, that page reads the link
   * through `linkSql` with the one parent id.
   */
  parentRow?: ParentRowCondition;
}

export function pluralize(word: string): string {
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  if (/(s|x|ch|sh)$/.test(word)) return `${word}es`;
  return `${word}s`;
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** Each table's API (connection, by-id and natural-key queries, relations), from its definition and the ORM metadata. */
export function tableApis(
  tables: readonly TableDefinition[],
  metadata: MetadataStorage,
): Map<string, TableApi> {
  const apis = new Map<string, TableApi>();
  for (const { entity, group: _group, ...options } of tables) {
    if (apis.has(entity.name)) throw new Error(`${entity.name} is exposed twice`);
    const model = tableModel(metadata.getByClassName(entity.name));
    const singular = options.singular ?? lowerFirst(entity.name);
    apis.set(entity.name, {
      entity,
      model,
      options,
      singular,
      plural: options.plural ?? pluralize(singular),
      limits: options.limits ?? { defaultSize: DEFAULT_PAGE_SIZE, maxSize: MAX_PAGE_SIZE },
      defaultOrder: options.defaultOrder ?? [],
    });
  }
  return apis;
}

/**
 * The columns to read for a selection at `paths` below the current field: the selected columns, the
 * foreign keys of selected relations, and the key. Selecting `embedding` is the opt-in to that column;
 * it is read only for admins, who alone may see it (the field's rule refuses everyone else).
 */
function projectionFor(
  model: TableModel,
  ctx: Context,
  info: GraphQLResolveInfo,
  paths: string[][],
  mustInclude?: ColumnModel,
  fieldNodes: readonly FieldNode[] = info.fieldNodes,
): Projection {
  const names = selectedFieldNames(info, paths, fieldNodes);
  const columns = model.columns.filter(
    (c) =>
      names.has(c.key) ||
      (c.relation !== undefined && names.has(c.relation)) ||
      model.keyColumns.includes(c) ||
      c === mustInclude,
  );
  return { columns, embedding: model.hasEmbedding && ctx.viewer?.role === 'admin' && names.has('embedding') };
}
const CONNECTION_NODES = [['nodes'], ['edges', 'node']];

/**
 * The to-one relations selected on the rows at `paths` that their page's statement can read as well
 * (RelatedRead): every one whose table is exposed with a single key. A relation selected under several
 * aliases is read once with the columns of all of them.
 */
function relatedReads(
  catalogue: ReadCatalogue,
  model: TableModel,
  ctx: Context,
  info: GraphQLResolveInfo,
  paths: string[][],
  fieldNodes: readonly FieldNode[] = info.fieldNodes,
): RelatedRead[] {
  const names = selectedFieldNames(info, paths, fieldNodes);
  const reads: RelatedRead[] = [];
  for (const toOne of model.toOne) {
    if (!names.has(toOne.field)) continue;
    const target = catalogue.apis.get(toOne.target)?.model;
    if (!target || target.keyColumns.length !== 1) continue;
    const projection = projectionFor(
      target,
      ctx,
      info,
      paths.map((path) => [...path, toOne.field]),
      undefined,
      fieldNodes,
    );
    reads.push({ field: toOne.field, foreignKey: model.columnsByKey.get(toOne.key)!, target, projection });
  }
  return reads;
}

/** A to-many relation of an owner type, as the pages that read it need it. */
interface ManyRelationApi {
  relation: ManyRelation;
  targetApi: TableApi;
}

/** Each type's to-many relations by field: `Issue` → `pullRequests` → its relation. */
type ManyRelations = ReadonlyMap<string, ReadonlyMap<string, ManyRelationApi>>;

/** What reads look tables and relations up in while they plan a statement: built once per schema. */
interface ReadCatalogue {
  /** Every exposed table by its class name. */
  apis: ReadonlyMap<string, TableApi>;
  relations: ManyRelations;
}

/** How deep nested pages are read into their root's statement; deeper ones are batched by loaders. */
const MAX_NESTED_DEPTH = 4;

/**
 * The to-many pages selected on the rows at `paths` below `fieldNodes` that their rows' statement can
 * read as well (NestedPageRead), each with its own relations and nested pages. A page is left to its
 * loader when it continues after a cursor (bound to one parent row), when it wants a count past its
 * first row, or when its arguments are wrong: its own resolver then reports that error at its field.
 */
function nestedReads(
  catalogue: ReadCatalogue,
  model: TableModel,
  ctx: Context,
  info: GraphQLResolveInfo,
  paths: string[][],
  fieldNodes: readonly FieldNode[],
  depth = 0,
): NestedPageRead[] {
  const own = catalogue.relations.get(model.className);
  const type = info.schema.getType(model.className);
  if (!own || depth >= MAX_NESTED_DEPTH || !isObjectType(type)) return [];
  const reads: NestedPageRead[] = [];
  for (const [key, nodes] of selectedFields(info, paths, fieldNodes)) {
    const name = nodes[0]!.name.value;
    const many = own.get(name);
    const field = type.getFields()[name];
    if (!many || !field) continue;
    const { relation, targetApi } = many;
    let page: PageRequest;
    try {
      const args = getArgumentValues(field, nodes[0]!, info.variableValues) as ConnectionArgs;
      if (args.after !== undefined && args.after !== null) continue;
      const cursors = ctx.cursors.forConnection(relation.id);
      page = pageRequest(targetApi.model, args, targetApi.limits, targetApi.defaultOrder, cursors);
    } catch {
      continue;
    }
    const withCount = selectedFieldNames(info, OWN_SELECTION, nodes).has('totalCount');
    if (withCount && !countsInPage(page)) continue;
    const target = targetApi.model;
    reads.push({
      key,
      target,
      source: relation.source,
      page,
      projection: projectionFor(target, ctx, info, CONNECTION_NODES, undefined, nodes),
      related: relatedReads(catalogue, target, ctx, info, CONNECTION_NODES, nodes),
      nested: nestedReads(catalogue, target, ctx, info, CONNECTION_NODES, nodes, depth + 1),
      withCount,
    });
  }
  return reads;
}

/** A field's response key (its alias, or its name): where its parent row carries a nested page. */
function responseKey(info: GraphQLResolveInfo): string {
  return info.fieldNodes[0]!.alias?.value ?? info.fieldName;
}

/**
 * What the reads of a page's rows are, as text: part of the loader's key (TableLoaders.relationPage), so
 * selections that read the same (one field under several aliases of the root) share one batch.
 */
const rowReads = (related: readonly RelatedRead[], nested: readonly NestedPageRead[]) => ({
  related,
  nested,
  key: readsKey(related, nested),
});

function readsKey(related: readonly RelatedRead[], nested: readonly NestedPageRead[]): string {
  const ones = related.map((read) => `${read.field}:${projectionKey(read.projection)}`);
  const pages = nested.map(
    (read) =>
      `${read.key}:${JSON.stringify(read.page)}:${projectionKey(read.projection)}` +
      `${read.withCount ? '#count' : ''}(${readsKey(read.related, read.nested)})`,
  );
  return `${ones.join(',')};${pages.join(',')}`;
}

const selectionWork = new WeakMap<readonly FieldNode[], { ctx: Context; value: unknown }>();

/**
 * What a relation field derives from its selection and arguments (page, projection, loader), worked
 * out once per request and field rather than once per parent row. graphql-js hands every item of a
 * list the same `fieldNodes` array for a given field (its sub-field collection is memoised per
 * execution), and within one request the arguments (variables included) and the viewer are fixed, so
 * that array identifies the work; the request's context is checked too, so nothing crosses requests.
 */
function perSelection<T>(ctx: Context, info: GraphQLResolveInfo, derive: () => T): T {
  const cached = selectionWork.get(info.fieldNodes);
  if (cached && cached.ctx === ctx) return cached.value as T;
  const value = derive();
  selectionWork.set(info.fieldNodes, { ctx, value });
  return value;
}
const OWN_SELECTION: string[][] = [[]];

type Resolve = (root: Row, args: Record<string, unknown>, ctx: Context, info: GraphQLResolveInfo) => unknown;

export interface GeneratedField {
  name: string;
  returns: () => unknown;
  nullable: boolean;
  description?: string;
  /** An ArgsType class, or named single arguments. */
  args?: ClassType | { name: string; type: () => unknown; nullable?: boolean; description?: string }[];
  resolve: Resolve;
}

/**
 * The field extension that carries a generated read field's resolver as graphql-js calls it
 * (`(source, args, context, info)`). TypeGraphQL's own wrapper around a resolver method rebuilds the
 * parameter list, converts the arguments into class instances and validates them on every call; the
 * read fields take plain arguments and check them themselves (pagination.ts, table-sql.ts), so the
 * gateway's schema calls this directly (build-schema.ts) while TypeGraphQL still declares the field.
 */
export const PLAIN_RESOLVE = 'pulsePlainResolve';

/** What a generated resolver class serves: fields of an object type, or root Query/Mutation fields. */
export type ResolverTarget = ClassType | 'Query' | 'Mutation';

/**
 * A TypeGraphQL resolver class built from a list of fields: `@Resolver(() => Type)` with one
 * `@FieldResolver` per field, or a root `@Resolver()` with `@Query` or `@Mutation` fields.
 */
export function resolverClass(name: string, target: ResolverTarget, fields: GeneratedField[]): ClassType {
  const of = typeof target === 'string' ? null : target;
  const cls = class {};
  Object.defineProperty(cls, 'name', { value: name });
  const proto = cls.prototype as Record<string, unknown>;
  for (const f of fields) {
    const named = Array.isArray(f.args) ? f.args : [];
    // Parameter order: [root], args..., ctx, info.
    const offset = of ? 1 : 0;
    const argCount = f.args ? (Array.isArray(f.args) ? named.length : 1) : 0;
    proto[f.name] = function generated(...params: unknown[]) {
      const root = (of ? params[0] : null) as Row;
      let args: Record<string, unknown> = {};
      if (f.args && !Array.isArray(f.args)) args = (params[offset] ?? {}) as Record<string, unknown>;
      else named.forEach((arg, i) => (args[arg.name] = params[offset + i]));
      return f.resolve(
        root,
        args,
        params[offset + argCount] as Context,
        params[offset + argCount + 1] as GraphQLResolveInfo,
      );
    };
    const descriptor = Object.getOwnPropertyDescriptor(proto, f.name)!;
    Reflect.defineMetadata('design:returntype', Object, proto, f.name);
    Reflect.defineMetadata('design:paramtypes', Array(offset + argCount + 2).fill(Object), proto, f.name);
    const options = { nullable: f.nullable, description: f.description };
    const decorator = of ? FieldResolver : target === 'Mutation' ? Mutation : Query;
    decorator(f.returns as never, options)(proto, f.name, descriptor);
    // Mutations keep TypeGraphQL's argument conversion: their inputs are read as its classes.
    if (target !== 'Mutation') {
      const plain = (
        source: unknown,
        args: Record<string, unknown>,
        ctx: Context,
        info: GraphQLResolveInfo,
      ) => f.resolve(source as Row, args, ctx, info);
      Extensions({ [PLAIN_RESOLVE]: plain })(proto, f.name, descriptor);
    }
    if (of) Root()(proto, f.name, 0);
    if (f.args && !Array.isArray(f.args)) Args(() => f.args as ClassType)(proto, f.name, offset);
    named.forEach((arg, i) =>
      Arg(arg.name, arg.type as never, { nullable: arg.nullable ?? false, description: arg.description })(
        proto,
        f.name,
        offset + i,
      ),
    );
    Ctx()(proto, f.name, offset + argCount);
    Info()(proto, f.name, offset + argCount + 1);
  }
  if (of) Resolver(() => of)(cls);
  else Resolver()(cls);
  return cls;
}

function rootFields(api: TableApi, catalogue: ReadCatalogue): GeneratedField[] {
  const { model, entity, limits, defaultOrder } = api;
  const types = tableTypes(model, entity);
  const idColumn = model.keyColumns.length === 1 ? model.keyColumns[0]! : null;
  const fields: GeneratedField[] = [
    {
      name: api.plural,
      returns: () => types.Connection,
      nullable: false,
      description: api.options.description ?? `Rows of ${model.tableName} visible to the caller.`,
      args: types.ConnectionArgs,
      resolve: async (_root, args, ctx, info) => {
        const cursors = ctx.cursors.forConnection(`Query.${api.plural}`);
        const page = pageRequest(model, args as ConnectionArgs, limits, defaultOrder, cursors);
        const projection = projectionFor(model, ctx, info, CONNECTION_NODES);
        const related = relatedReads(catalogue, model, ctx, info, CONNECTION_NODES);
        const nested = nestedReads(catalogue, model, ctx, info, CONNECTION_NODES, info.fieldNodes);
        const scope = ctx.scope;
        const wantsCount = selects(info, ['totalCount']);
        const read = async (executor: SqlExecutor) => {
          const statement = pageStatement(model, scope, page, projection, related, wantsCount, nested);
          const rows = await ctx.loaders.rows(model, statement, executor);
          let count: number | null = null;
          if (wantsCount) {
            // The page's rows carry the count; a page with no row says it only when it starts at the first.
            if (rows[0]) count = Number(rows[0][COUNT_KEY]);
            else if (countsInPage(page)) count = 0;
            else {
              const counting = countStatement(model, scope, page.filter);
              count = Number(
                (await executor.all<{ count: number }>(counting.sql, counting.params))[0]!.count,
              );
            }
          }
          return connectionFromRows(page, rows, count, cursors);
        };
        if (!api.options.mlSession) return read(ctx.reader);
        return ctx.database.router.withMlSession(read, {
          viewerKey: ctx.viewerKey,
          clientId: ctx.scope?.clientId ?? null,
          readAfterLsn: ctx.readAfterLsn,
        });
      },
    },
  ];
  const lookup = (field: string, keys: string[], description: string): GeneratedField => ({
    name: field,
    returns: () => entity,
    nullable: true,
    description,
    args: keys.map((key) => {
      const column = model.columnsByKey.get(key);
      if (!column) throw new Error(`${model.className} has no column ${key} for ${field}`);
      return { name: key, type: () => ({ int: Int, string: String })[column.kind as 'int' | 'string'] };
    }),
    resolve: async (_root, args, ctx, info) => {
      if (keys.length === 1) {
        const column = model.columnsByKey.get(keys[0]!)!;
        const projection = projectionFor(model, ctx, info, OWN_SELECTION, column);
        return ctx.loaders.byColumn(model, column, projection).load(args[keys[0]!]);
      }
      const projection = projectionFor(model, ctx, info, OWN_SELECTION);
      const rows = await ctx.loaders.rows(model, rowByKeyStatement(model, ctx.scope, args, projection));
      return rows[0] ?? null;
    },
  });
  const keyNames = model.keyColumns.map((c) => c.key);
  fields.push(
    lookup(
      api.singular,
      keyNames,
      idColumn
        ? `One row of ${model.tableName} by id; null when it does not exist or is not the caller's.`
        : `One row of ${model.tableName} by its key.`,
    ),
  );
  for (const natural of api.options.naturalKeys ?? []) {
    fields.push(
      lookup(
        natural.field,
        natural.keys,
        natural.description ?? `One row of ${model.tableName} by ${natural.keys.join(' and ')}.`,
      ),
    );
  }
  return fields;
}

function toManyField(
  name: string,
  ownerKey: string,
  many: ManyRelationApi,
  declared: DeclaredField,
  catalogue: ReadCatalogue,
): GeneratedField {
  const { relation, targetApi } = many;
  const target = targetApi.model;
  const types = tableTypes(target, targetApi.entity);
  return {
    name,
    returns: declared.getType,
    nullable: false,
    description: declared.description,
    args: types.ConnectionArgs,
    resolve: async (root, args, ctx, info) => {
      const parentId = root[ownerKey] as number;
      // Bound to this parent row: a cursor of one project's issues is refused on another project.
      const cursors = ctx.cursors.forConnection(relation.id, parentId);
      const work = () => {
        const request = pageRequest(
          target,
          args as ConnectionArgs,
          targetApi.limits,
          targetApi.defaultOrder,
          cursors,
        );
        const wantsCount = selects(info, ['totalCount']);
        // The page's statement counts too when its window starts at the first row (countsInPage).
        const countInPage = wantsCount && countsInPage(request);
        let loaders:
          { rows: DataLoader<number, Row[]>; count: DataLoader<number, number> | null } | undefined;
        return {
          page: request,
          wantsCount,
          countInPage,
          // Only for parents whose statement did not read this page (a by-id lookup, a cursor).
          loaders: () =>
            (loaders ??= {
              rows: ctx.loaders.relationPage(
                relation,
                request,
                projectionFor(target, ctx, info, CONNECTION_NODES),
                countInPage,
                rowReads(
                  relatedReads(catalogue, target, ctx, info, CONNECTION_NODES),
                  nestedReads(catalogue, target, ctx, info, CONNECTION_NODES, info.fieldNodes),
                ),
              ),
              count: wantsCount && !countInPage ? ctx.loaders.relationCount(relation, request.filter) : null,
            }),
        };
      };
      // Without `after`, the page is the same for every parent row and is worked out once per selection;
      // an `after` cursor is bound to one parent row, so it is checked for the row it is used on.
      const { page, wantsCount, countInPage, loaders } = (args as ConnectionArgs).after
        ? work()
        : perSelection(ctx, info, work);
      // Read with the parent row by its statement (NestedPageRead), or else batched by a loader.
      const embedded = root[nestedKey(responseKey(info))] as Row[] | undefined;
      if (embedded !== undefined) {
        const rows = mapRows(target, embedded);
        const count = wantsCount ? ((rows[0]?.[COUNT_KEY] as number | undefined) ?? 0) : null;
        return connectionFromRows(page, rows, count, cursors) satisfies ConnectionValue;
      }
      const { rows: rowsLoader, count: countLoader } = loaders();
      const [rows, loadedCount] = await Promise.all([
        rowsLoader.load(parentId),
        countLoader ? countLoader.load(parentId) : null,
      ]);
      const count = countInPage ? ((rows[0]?.[COUNT_KEY] as number | undefined) ?? 0) : loadedCount;
      return connectionFromRows(page, rows, count, cursors) satisfies ConnectionValue;
    },
  };
}

interface DeclaredManyRelation extends ManyRelationApi {
  owner: TableApi;
  declared: DeclaredField;
}

/**
 * Every to-many relation: exactly the connection fields the entities declare (ConnectionField). A field
 * on a `@OneToMany` collection reads the rows whose `mappedBy` foreign key is the parent, as the ORM
 * metadata says; any other declared connection is a link, whose SQL a module supplies.
 */
function manyRelations(
  apis: ReadonlyMap<string, TableApi>,
  links: readonly LinkRelationOptions[],
): Map<string, Map<string, DeclaredManyRelation>> {
  const relations = new Map<string, Map<string, DeclaredManyRelation>>();
  const linksByField = new Map<string, LinkRelationOptions>();
  for (const link of links) {
    const id = `${link.owner.name}.${link.field}`;
    if (linksByField.has(id)) throw new Error(`${id} is linked twice`);
    linksByField.set(id, link);
  }
  for (const ownerApi of apis.values()) {
    const { model: ownerModel, entity: ownerEntity } = ownerApi;
    for (const connection of connectionFieldsOf(ownerEntity)) {
      const id = `${ownerModel.className}.${connection.field}`;
      const target = connection.target();
      const targetApi = apis.get(target.name);
      if (!targetApi) throw new Error(`${id} is a connection to ${target.name}, which no module exposes`);
      if (ownerModel.keyColumns.length !== 1) throw new Error(`${id}: connections need a single-column key`);
      const declared = declaredGraphqlField(ownerEntity, connection.field)!;
      const collection = ownerModel.meta.properties[connection.field];
      const link = linksByField.get(id);
      linksByField.delete(id);
      let source: RelationSource;
      if (collection?.kind === ReferenceKind.ONE_TO_MANY) {
        if (link) throw new Error(`${id} is a @OneToMany collection and a link`);
        if (collection.type !== target.name) {
          throw new Error(
            `${id}: the collection holds ${collection.type}, the connection says ${target.name}`,
          );
        }
        const foreignKey = targetApi.model.toOne.find((toOne) => toOne.field === collection.mappedBy);
        if (!foreignKey)
          throw new Error(`${id}: ${target.name}.${collection.mappedBy} is not a to-one relation`);
        source = directSource(targetApi.model, foreignKey.column);
      } else if (link) {
        source = linkSource(targetApi.model, link.linkSql, link.on, link.parentRow);
      } else {
        throw new Error(`${id}: a connection field needs a @OneToMany collection or a module's link`);
      }
      const relation: ManyRelation = { id, target: targetApi.model, source };
      const own = relations.get(ownerModel.className) ?? new Map<string, DeclaredManyRelation>();
      own.set(connection.field, { relation, targetApi, owner: ownerApi, declared });
      relations.set(ownerModel.className, own);
    }
  }
  for (const id of linksByField.keys()) {
    throw new Error(`${id} is linked, but its entity declares no @ConnectionField for it`);
  }
  return relations;
}

/** Builds every table's resolvers (queries, relations, links) and adds their field rules to `rules`. */
export function tableApiResolvers(
  apis: ReadonlyMap<string, TableApi>,
  links: readonly LinkRelationOptions[],
  rules: FieldRuleSet,
): ClassType[] {
  const resolvers: ClassType[] = [];
  const relations = manyRelations(apis, links);
  const catalogue: ReadCatalogue = { apis, relations };
  const relationFields = new Map<string, GeneratedField[]>();
  const addRelation = (owner: TableApi, field: GeneratedField, rule: AccessRule) => {
    if (owner.model.columnsByKey.has(field.name)) {
      throw new Error(`${owner.model.className}.${field.name} would be both a column and a relation`);
    }
    const list = relationFields.get(owner.model.className) ?? [];
    if (list.some((f) => f.name === field.name))
      throw new Error(`${owner.model.className}.${field.name} declared twice`);
    list.push(field);
    relationFields.set(owner.model.className, list);
    rules.guard(owner.model.className, field.name, rule);
  };

  for (const api of apis.values()) {
    const { model, entity, options } = api;
    // Foreign-key ids are fields too (`projectId`); the entity declares them (ForeignKeyId), so its file
    // shows every column field of its type.
    const declared = graphqlFieldNames(entity);
    for (const column of model.columns) {
      if (column.relation && !declared.has(column.key)) {
        throw new Error(
          `${model.className}.${column.key}: declare the foreign key's id with @ForeignKeyId()`,
        );
      }
    }
    rules.guardColumnFields(
      model.className,
      model.columns.map((c) => c.key),
      options.read,
    );
    if (model.hasEmbedding) rules.guard(model.className, 'embedding', isAdmin);
    rules.guardFields(
      `${model.className}Connection`,
      ['nodes', 'edges', 'pageInfo', 'totalCount'],
      openStructure,
    );
    rules.guardFields(`${model.className}Edge`, ['cursor', 'node'], openStructure);

    const queries = rootFields(api, catalogue);
    for (const q of queries) rules.guard('Query', q.name, options.read);
    resolvers.push(resolverClass(`${model.className}Queries`, 'Query', queries));

    for (const toOne of model.toOne) {
      // Served when the entity declares the relation's field (`@Field(() => Project)` beside the
      // `@ManyToOne`); the field's type, nullability and description are the entity's.
      const declared = declaredGraphqlField(entity, toOne.field);
      if (!declared) continue;
      const targetApi = apis.get(toOne.target);
      if (!targetApi) {
        throw new Error(
          `${model.className}.${toOne.field} points at ${toOne.target}, which no module exposes`,
        );
      }
      const idColumn = targetApi.model.keyColumns[0]!;
      addRelation(
        api,
        {
          name: toOne.field,
          returns: declared.getType,
          nullable: Boolean(declared.typeOptions.nullable),
          description: declared.description,
          resolve: (root, _args, ctx, info) => {
            const id = root[toOne.key];
            if (id === null || id === undefined) return null;
            // Read with the row by its page's statement (RelatedRead), or else batched by a loader.
            const read = root[relatedKey(toOne.field)] as Row | null | undefined;
            if (read !== undefined) return read && rowMapper(targetApi.model)(read);
            const loader = perSelection(ctx, info, () => {
              const projection = projectionFor(targetApi.model, ctx, info, OWN_SELECTION);
              return ctx.loaders.byColumn(targetApi.model, idColumn, projection);
            });
            return loader.load(id);
          },
        },
        targetApi.options.read,
      );
    }
    rules.guardFields(
      'PageInfo',
      ['hasNextPage', 'hasPreviousPage', 'startCursor', 'endCursor'],
      openStructure,
    );
  }

  for (const own of relations.values()) {
    for (const [field, many] of own) {
      const { owner, declared } = many;
      addRelation(
        owner,
        toManyField(field, owner.model.keyColumns[0]!.key, many, declared, catalogue),
        many.targetApi.options.read,
      );
    }
  }

  for (const [className, fields] of relationFields) {
    resolvers.push(resolverClass(`${className}Relations`, apis.get(className)!.entity, fields));
  }
  return resolvers;
}
