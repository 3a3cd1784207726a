import {
  ForeignKeyConstraintViolationException,
  LockMode,
  NotNullConstraintViolationException,
  ReferenceKind,
  UniqueConstraintViolationException,
} from '@mikro-orm/core';
import type { Dictionary, EntityClass, MetadataStorage } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { GraphQLError } from 'graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Int } from 'type-graphql';
import type { ClassType } from 'type-graphql';

import type { AccessRule } from '../../auth/rules.js';
import type { Context } from '../../context/context.js';
import { badUserInput, notFound, unauthenticated } from '../errors.js';
import type { FieldRuleSet } from '../field-rules.js';
import { mutationInputType, validateInput } from './mutation-inputs.js';
import type { InputFieldSpec, MutationInput } from './mutation-inputs.js';
import { selects } from './selection.js';
import { resolverClass } from './table-api.js';
import type { GeneratedField } from './table-api.js';
import { tableModel } from './table-model.js';
import type { ColumnModel, TableModel } from './table-model.js';
import { SqlParams, rowsWhereInStatement, scopeSql } from './table-sql.js';
import { databaseUnavailable, isDatabaseUnavailable } from '../../db/database-faults.js';
import { TENANT_SETTING } from '../../db/read-session.js';
import { statementTimeoutSetting } from '../../db/statement-timeout.js';
import type { Row, Scope } from './table-sql.js';

/**
 * The write side of the table API: typed Create/Update inputs validated before the database, one
 * transaction on the primary per mutation, foreign keys checked against the caller's own client, and
 * the written row read back from the primary so the answer is fresh. Modules declare what is editable;
 * everything else (types, checks, guards, resolvers) is derived from the table's model.
 */

/** An input field that is not a column (a password to hash); the create/update hooks turn it into values. */
export interface ExtraInputField {
  key: string;
  kind: InputFieldSpec['kind'];
  requiredOnCreate?: boolean;
  /** Whether an explicit null is accepted (default: true). */
  nullable?: boolean;
  validators?: PropertyDecorator[];
  description?: string;
}

/** What an `extraValidation` check sees. Throw `badUserInput(message, field)` to refuse the write. */
export type WriteCheck<T> = {
  input: MutationInput;
  ctx: AuthenticatedContext;
  /** The transaction: read what the check needs (the tenant filter is on). */
  em: SqlEntityManager;
} & ({ mode: 'create' } | { mode: 'update'; row: T });

/** Entity property values about to be written, keyed by ORM property (`project`, `storyPoints`). */
export type WriteValues = Dictionary;

export interface TableMutationOptions<T extends object> {
  /** Who may create, update and soft-delete rows of this table. */
  rule: AccessRule;
  /** Input fields: GraphQL keys of the table's columns (`projectId`, `storyPoints`). Never `clientId`. */
  editable: readonly string[];
  /** Required on create besides the NOT NULL columns without a default, which always are. */
  required?: readonly string[];
  /** Extra class-validator decorators by field (enums, formats, ranges). */
  validators?: Readonly<Record<string, PropertyDecorator[]>>;
  /** What a field accepts, for the SDL (lengths, references and defaults are described already). */
  descriptions?: Readonly<Record<string, string>>;
  extraFields?: readonly ExtraInputField[];
  /** Checks needing several fields, the current row or the database; run in the transaction, before the write. */
  extraValidation?: (check: WriteCheck<T>) => void | Promise<void>;
  /** Adjusts the values of a new row (hash a password, derive a flag); runs before the transaction. */
  create?: (values: WriteValues, input: MutationInput, ctx: AuthenticatedContext) => void | Promise<void>;
  /** Adjusts the values of an update; runs before the transaction. */
  update?: (values: WriteValues, input: MutationInput, ctx: AuthenticatedContext) => void | Promise<void>;
  /** `deleteX(id)` sets `active = false`; `false` leaves it out; `guard` may refuse a row. */
  softDelete?: false | { guard?: (row: T, ctx: AuthenticatedContext) => void };
  /**
   * Unique constraints the field cannot be read from (expression indexes), by constraint name. Others
   * are mapped from the entity's unique definitions or PostgreSQL's error detail.
   */
  uniqueFields?: Readonly<Record<string, { field: string; message: string }>>;
}

export interface RowActionOptions<T extends object> {
  /** Mutation name, e.g. `acknowledgeAnomalyAlert`. */
  name: string;
  rule: AccessRule;
  description: string;
  /** Changes the row (found by id under the tenant filter, locked); the transaction flushes it. */
  apply: (row: T, ctx: AuthenticatedContext, em: SqlEntityManager) => void | Promise<void>;
}

/** A context whose caller signed in: every mutation rule requires it. */
export type AuthenticatedContext = Context & { viewer: NonNullable<Context['viewer']>; scope: Scope };

interface TableMutations {
  kind: 'table';
  entity: ClassType;
  options: TableMutationOptions<Dictionary>;
}

interface RowAction {
  kind: 'row-action';
  entity: ClassType;
  options: RowActionOptions<Dictionary>;
}

/** A module's mutations of one table: made by `tableMutations` or `rowAction`. */
export type MutationDefinition = TableMutations | RowAction;

/**
 * Declares `createX(input: XCreateInput!): X!`, `updateX(id: Int!, input: XUpdateInput!): X!` and
 * (unless turned off) `deleteX(id: Int!): X!` for a client-owned table, all guarded by `rule`.
 *
 * Each call: the input is validated (BAD_USER_INPUT naming the field) before the database is touched;
 * then, in one transaction on the primary, the row to change is found under the tenant filter and
 * locked (NOT_FOUND for a missing id and another client's alike), every foreign key in the input is
 * checked against the caller's client, `extraValidation` runs and the row is written with the token's
 * client as its owner. Constraint violations roll back and answer BAD_USER_INPUT naming the field.
 * After the commit the router learns of the write (read-your-writes) and the row is read back from
 * the primary.
 *
 * ```ts
 * tableMutations(Project, { rule: canEdit, editable: ['key', 'name', 'integrationId'] });
 * ```
 */
export function tableMutations<T extends object>(
  entity: EntityClass<T>,
  options: TableMutationOptions<T>,
): MutationDefinition {
  return {
    kind: 'table',
    entity: entity as unknown as ClassType,
    options: options as unknown as TableMutationOptions<Dictionary>,
  };
}

/** Declares a mutation `name(id: Int!): X!` that changes one row of the caller's client in a fixed way. */
export function rowAction<T extends object>(
  entity: EntityClass<T>,
  options: RowActionOptions<T>,
): MutationDefinition {
  return {
    kind: 'row-action',
    entity: entity as unknown as ClassType,
    options: options as unknown as RowActionOptions<Dictionary>,
  };
}

interface MutationField {
  name: string;
  returns: () => unknown;
  description: string;
  args: { name: string; type: () => unknown; description?: string }[];
  resolve: (
    args: Record<string, unknown>,
    ctx: AuthenticatedContext,
    info: GraphQLResolveInfo,
  ) => Promise<Row>;
}

/** Root mutation fields as the shared resolver-class builder takes them. */
function mutationResolverClass(name: string, fields: MutationField[]): ClassType {
  return resolverClass(
    name,
    'Mutation',
    fields.map((f): GeneratedField => ({
      name: f.name,
      returns: f.returns,
      nullable: false,
      description: f.description,
      args: f.args,
      resolve: (_root, args, ctx, info) => {
        // The shield has already refused anonymous callers; this keeps the types honest.
        if (!ctx.viewer || !ctx.scope) throw unauthenticated();
        return f.resolve(args, ctx as AuthenticatedContext, info);
      },
    })),
  );
}

const CLIENT_PROPERTY = 'client';

function assertClientOwned(model: TableModel): void {
  const client = model.meta.properties[CLIENT_PROPERTY];
  if (!model.tenantScoped || client?.kind !== ReferenceKind.MANY_TO_ONE || model.keyColumns.length !== 1) {
    throw new Error(
      `${model.className}: mutations are generated for client-owned tables with a single id only`,
    );
  }
}

/** The ORM property a column stores: the relation for a foreign key, else the property itself. */
const propertyOf = (column: ColumnModel) => column.relation ?? column.key;

function columnInputSpecs(model: TableModel, options: TableMutationOptions<Dictionary>): InputFieldSpec[] {
  const specs = options.editable.map((key): InputFieldSpec => {
    const column = model.columnsByKey.get(key);
    if (!column) throw new Error(`${model.className} has no column ${key} to edit`);
    if (column.relation === CLIENT_PROPERTY || key === 'id') {
      throw new Error(`${model.className}.${key} is never an input`);
    }
    if (column.kind === 'json')
      throw new Error(`${model.className}.${key}: json columns are not editable yet`);
    const prop = model.meta.properties[propertyOf(column)]!;
    const hasDefault = prop.default !== undefined || prop.defaultRaw !== undefined;
    const notes = [
      column.relation
        ? `Id of ${/^[AEIOU]/.test(prop.type) ? 'an' : 'a'} ${prop.type} of your organisation.`
        : null,
      column.kind === 'string' && column.length ? `At most ${column.length} characters.` : null,
      options.descriptions?.[key] ?? null,
      prop.default !== undefined && prop.default !== null
        ? `Default on create: ${JSON.stringify(prop.default)}.`
        : null,
    ];
    return {
      key,
      kind: column.kind,
      requiredOnCreate: (!column.nullable && !hasDefault) || (options.required ?? []).includes(key),
      nullable: column.nullable,
      maxLength: column.length,
      references: column.relation ? prop.type : undefined,
      validators: options.validators?.[key],
      description: notes.filter(Boolean).join(' ') || undefined,
    };
  });
  // Extra fields carry their own validators and descriptions; these options name columns only.
  const declared = new Set(specs.map((s) => s.key));
  const named = [
    options.required ?? [],
    Object.keys(options.validators ?? {}),
    Object.keys(options.descriptions ?? {}),
  ];
  for (const key of named.flat()) {
    if (!declared.has(key)) throw new Error(`${model.className}: ${key} is not an editable column`);
  }
  return specs;
}

function extraInputSpecs(fields: readonly ExtraInputField[]): InputFieldSpec[] {
  return fields.map((f) => ({
    key: f.key,
    kind: f.kind,
    requiredOnCreate: f.requiredOnCreate ?? false,
    nullable: f.nullable ?? true,
    validators: f.validators,
    description: f.description,
  }));
}

/** The column values of an input, keyed by ORM property; omitted fields are left alone. */
function columnValues(model: TableModel, specs: InputFieldSpec[], input: MutationInput): WriteValues {
  const values: WriteValues = {};
  for (const spec of specs) {
    const value = input[spec.key];
    if (value !== undefined) values[propertyOf(model.columnsByKey.get(spec.key)!)] = value;
  }
  return values;
}

const quote = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

/**
 * Every foreign key the input sets must name a row of the caller's client: one statement, each target
 * scoped exactly as the read side scopes it. A row of another client and a missing row get the same
 * answer, so nothing is learnt about other clients.
 */
async function checkReferences(
  em: SqlEntityManager,
  scope: Scope,
  specs: InputFieldSpec[],
  input: MutationInput,
): Promise<void> {
  const wanted = specs.filter((s) => s.references && input[s.key] !== undefined && input[s.key] !== null);
  if (wanted.length === 0) return;
  const params = new SqlParams();
  const checks = wanted.map((spec) => {
    const target = tableModel(em.getMetadata().getByClassName(spec.references!));
    const id = target.keyColumns[0]!;
    const conditions = [
      `t.${quote(id.column)} = ${params.add(input[spec.key])}`,
      scopeSql(target, 't', scope, params),
    ];
    const where = conditions.filter(Boolean).join(' and ');
    return `exists (select 1 from ${quote(target.tableName)} as t where ${where}) as ${quote(spec.key)}`;
  });
  const [found] = await em.execute<Dictionary[]>(`select ${checks.join(', ')}`, params.values);
  for (const spec of wanted) {
    if (found?.[spec.key] !== true) {
      throw badUserInput(
        `${spec.key}: there is no ${spec.references} with id ${String(input[spec.key])}`,
        spec.key,
      );
    }
  }
}

/** `Key (client_id, key)=(1, PAY-1) already exists.` -> `['client_id', 'key']`. Values are never echoed. */
function detailColumns(detail: unknown): string[] {
  const match = typeof detail === 'string' ? /^Key \(([^)]*)\)=/.exec(detail) : null;
  return match ? match[1]!.split(',').map((c) => c.trim().replace(/^"|"$/g, '')) : [];
}

/**
 * The input field a constraint is about: its first plain column, else its first foreign key other than
 * the owning client. (repository_id, number) is about the number; (client_id, key) about the key.
 */
function fieldOfColumns(model: TableModel, columns: string[]): string | null {
  const found = columns
    .map((name) => model.columns.find((c) => c.column === name))
    .filter((c): c is ColumnModel => c !== undefined && c.relation !== CLIENT_PROPERTY);
  return (found.find((c) => !c.relation) ?? found[0])?.key ?? null;
}

function uniqueFieldFromMetadata(model: TableModel, constraint: string): string | null {
  // Under row level security PostgreSQL leaves out the detail naming the key, so the constraint's
  // name is all there is to go by: property-level `@Unique({ name })` first, then class-level ones.
  for (const prop of Object.values(model.meta.properties)) {
    if (prop.unique === constraint) return fieldOfColumns(model, prop.fieldNames);
  }
  for (const unique of model.meta.uniques) {
    if (unique.name !== constraint) continue;
    const properties = ([] as unknown[]).concat(unique.properties ?? []).map(String);
    const columns = properties.flatMap((p) => model.meta.properties[p]?.fieldNames ?? []);
    return fieldOfColumns(model, columns);
  }
  return null;
}

/**
 * Constraint violations are the caller's mistakes, answered BAD_USER_INPUT with the field named (the
 * transaction has already been rolled back). Anything else stays an internal error.
 */
function translateWriteError(
  error: unknown,
  model: TableModel,
  options: TableMutationOptions<Dictionary> | null,
): unknown {
  if (error instanceof GraphQLError) return error;
  // The primary is unreachable: the transaction did not commit; the client may send it again.
  if (isDatabaseUnavailable(error)) return databaseUnavailable();
  const details = error as { code?: unknown; constraint?: unknown; detail?: unknown; column?: unknown };
  const constraint = typeof details.constraint === 'string' ? details.constraint : '';
  if (error instanceof UniqueConstraintViolationException || details.code === '23505') {
    const special = options?.uniqueFields?.[constraint];
    if (special) return badUserInput(special.message, special.field);
    const field =
      uniqueFieldFromMetadata(model, constraint) ?? fieldOfColumns(model, detailColumns(details.detail));
    if (field) return badUserInput(`${field} is already in use`, field);
    return badUserInput(`${model.className} would duplicate an existing row`);
  }
  if (error instanceof ForeignKeyConstraintViolationException || details.code === '23503') {
    const field = fieldOfColumns(model, detailColumns(details.detail));
    if (field) return badUserInput(`${field} does not name an existing row`, field);
  }
  if (error instanceof NotNullConstraintViolationException || details.code === '23502') {
    const field = typeof details.column === 'string' ? fieldOfColumns(model, [details.column]) : null;
    if (field) return badUserInput(`${field} is required`, field);
  }
  return error;
}

/**
 * Runs `work` in one transaction on the primary (MikroORM's transactional: commit on success, rollback
 * on any error) that begins with the tenant setting row level security checks and the request's
 * statement timeout, then remembers the write for read-your-writes routing.
 */
async function inTransaction(
  ctx: AuthenticatedContext,
  model: TableModel,
  options: TableMutationOptions<Dictionary> | null,
  work: (em: SqlEntityManager) => Promise<number>,
): Promise<number> {
  let id: number;
  try {
    id = await ctx.em.transactional(async (em) => {
      // The request's statement timeout bounds every statement of the write, lock waits included; a
      // cancelled statement rolls the whole transaction back.
      await em.execute(
        `select set_config('${TENANT_SETTING}', ?, true), set_config('statement_timeout', ?, true)`,
        [String(ctx.scope.clientId), statementTimeoutSetting(ctx.database.statementTimeouts.requestMs)],
      );
      return work(em as SqlEntityManager);
    });
  } catch (error) {
    throw translateWriteError(error, model, options);
  }
  if (ctx.viewerKey) ctx.database.router.noteWrite(ctx.viewerKey);
  return id;
}

/** The written row as the read side returns it, read from the primary after the commit. */
async function readBack(
  ctx: AuthenticatedContext,
  model: TableModel,
  id: number,
  info: GraphQLResolveInfo,
): Promise<Row> {
  const withEmbedding = model.hasEmbedding && ctx.viewer.role === 'admin' && selects(info, ['embedding']);
  const statement = rowsWhereInStatement(model, ctx.scope, model.keyColumns[0]!, [id], withEmbedding);
  const primary = ctx.database.openReadSession({
    viewerKey: ctx.viewerKey,
    clientId: ctx.scope.clientId,
    primaryOnly: true,
  });
  let row: Row | undefined;
  try {
    [row] = await ctx.loaders.rows(model, statement, primary);
  } catch (error) {
    // Committed already: sending the mutation again would do it twice, so it is not "retryable".
    if (isDatabaseUnavailable(error)) {
      throw new GraphQLError(
        `The ${model.className} was saved, but the database became unavailable before it could be read back; read it again shortly`,
        { extensions: { code: 'DATABASE_UNAVAILABLE', retryable: false, written: true, id } },
      );
    }
    throw error;
  } finally {
    await primary.end();
  }
  if (!row) throw new Error(`${model.className} ${id} was written but cannot be read back`);
  return row;
}

/** Finds the row by id under the tenant filter, locked for the rest of the transaction. */
async function lockedRow(
  em: SqlEntityManager,
  entity: ClassType,
  className: string,
  id: number,
): Promise<Dictionary> {
  const row = await em.findOne(
    entity as EntityClass<Dictionary>,
    { id },
    // Read under the lock even when an earlier mutation of this request left the row in the identity map.
    { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
  );
  // Another client's id is answered exactly like a missing one.
  if (!row) throw notFound(className);
  return row;
}

function idArg(className: string) {
  return { name: 'id', type: () => Int, description: `Id of the ${className} (of your organisation).` };
}

function rowActionField(
  entity: ClassType,
  model: TableModel,
  name: string,
  description: string,
  apply: RowActionOptions<Dictionary>['apply'],
): MutationField {
  return {
    name,
    returns: () => entity,
    description,
    args: [idArg(model.className)],
    resolve: async (args, ctx, info) => {
      const id = await inTransaction(ctx, model, null, async (em) => {
        const row = await lockedRow(em, entity, model.className, args.id as number);
        await apply(row, ctx, em);
        await em.flush();
        return args.id as number;
      });
      return readBack(ctx, model, id, info);
    },
  };
}

function tableMutationFields(
  { entity, options }: TableMutations,
  metadata: MetadataStorage,
  rules: FieldRuleSet,
): MutationField[] {
  const model = tableModel(metadata.getByClassName(entity.name));
  assertClientOwned(model);
  const name = model.className;
  const columns = columnInputSpecs(model, options);
  const specs = [...columns, ...extraInputSpecs(options.extraFields ?? [])];
  const CreateInput = mutationInputType(
    `${name}CreateInput`,
    specs,
    'create',
    `A new row of ${model.tableName}.`,
  );
  const UpdateInput = mutationInputType(
    `${name}UpdateInput`,
    specs,
    'update',
    `Changes to a row of ${model.tableName}: omitted fields keep their value, null clears a nullable one.`,
  );
  const inputArg = (type: ClassType) => ({ name: 'input', type: () => type });

  const fields: MutationField[] = [
    {
      name: `create${name}`,
      returns: () => entity,
      description: `Creates a row of ${model.tableName} in your organisation.`,
      args: [inputArg(CreateInput)],
      resolve: async (args, ctx, info) => {
        const input = args.input as MutationInput;
        await validateInput(CreateInput, input);
        const values = columnValues(model, columns, input);
        await options.create?.(values, input, ctx);
        const id = await inTransaction(ctx, model, options, async (em) => {
          await checkReferences(em, ctx.scope, columns, input);
          await options.extraValidation?.({ mode: 'create', input, ctx, em });
          // The owner comes from the token, never from the input.
          const row = em.create(entity as EntityClass<Dictionary>, {
            ...values,
            [CLIENT_PROPERTY]: ctx.scope.clientId,
          });
          await em.flush();
          return row.id as number;
        });
        return readBack(ctx, model, id, info);
      },
    },
    {
      name: `update${name}`,
      returns: () => entity,
      description: `Changes a row of ${model.tableName} of your organisation.`,
      args: [idArg(name), inputArg(UpdateInput)],
      resolve: async (args, ctx, info) => {
        const input = args.input as MutationInput;
        await validateInput(UpdateInput, input);
        const values = columnValues(model, columns, input);
        await options.update?.(values, input, ctx);
        const id = await inTransaction(ctx, model, options, async (em) => {
          const row = await lockedRow(em, entity, name, args.id as number);
          await checkReferences(em, ctx.scope, columns, input);
          await options.extraValidation?.({ mode: 'update', input, ctx, em, row });
          em.assign(row, values);
          await em.flush();
          return args.id as number;
        });
        return readBack(ctx, model, id, info);
      },
    },
  ];
  if (options.softDelete !== false) {
    const guard = options.softDelete?.guard;
    fields.push(
      rowActionField(
        entity,
        model,
        `delete${name}`,
        `Soft-deletes a row of ${model.tableName} of your organisation (active = false) and returns it.`,
        (row, ctx) => {
          guard?.(row, ctx);
          row.active = false;
        },
      ),
    );
  }
  for (const field of fields) rules.guard('Mutation', field.name, options.rule);
  return fields;
}

/** Builds the modules' mutations and adds their rules to `rules`. */
export function tableMutationResolvers(
  definitions: readonly MutationDefinition[],
  metadata: MetadataStorage,
  rules: FieldRuleSet,
): ClassType[] {
  const resolvers: ClassType[] = [];
  const actions: RowAction[] = [];
  for (const definition of definitions) {
    if (definition.kind === 'row-action') {
      actions.push(definition);
      continue;
    }
    resolvers.push(
      mutationResolverClass(
        `${definition.entity.name}Mutations`,
        tableMutationFields(definition, metadata, rules),
      ),
    );
  }
  if (actions.length > 0) {
    const fields = actions.map(({ entity, options }) => {
      const model = tableModel(metadata.getByClassName(entity.name));
      assertClientOwned(model);
      rules.guard('Mutation', options.name, options.rule);
      return rowActionField(entity, model, options.name, options.description, options.apply);
    });
    resolvers.push(mutationResolverClass('RowActionMutations', fields));
  }
  return resolvers;
}
