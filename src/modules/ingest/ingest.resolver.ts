import type pg from 'pg';
import {
  Arg,
  Ctx,
  Field,
  Float,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Resolver,
  registerEnumType,
} from 'type-graphql';
import type { ClassType } from 'type-graphql';

import { canIngest } from '../../auth/rules.js';
import { badUserInput, forbidden, unauthenticated } from '../../common/errors.js';
import { sameRule } from '../../common/field-rules.js';
import type { GatewayModule } from '../../common/gateway-module.js';
import type { Context } from '../../context/context.js';
import { upsertRecords } from '../../ingest/ingest-records.js';
import { IngestSession } from '../../ingest/ingest-session.js';
import type { RowStatus } from '../../ingest/ingest-session.js';
import { RECORD_TYPES } from '../../ingest/record-types.js';
import type { RecordType, ValueKind } from '../../ingest/record-types.js';

/** Rows per call: a bigger load belongs in `pulse import` (or several calls). */
export const MAX_UPSERT_ROWS = 1000;

const UpsertStatus = {
  INSERTED: 'inserted',
  UPDATED: 'updated',
  UNCHANGED: 'unchanged',
  REJECTED: 'rejected',
} as const;
registerEnumType(UpsertStatus, {
  name: 'UpsertStatus',
  description: 'What an upsert did with one row: unchanged rows keep their lastUpdatedAt.',
});

@ObjectType({ description: 'The outcome of one row of an upsert, by its position in `rows`.' })
export class UpsertRowResult {
  @Field(() => Int, { description: '0-based position of the row in the call.' })
  index!: number;

  @Field(() => UpsertStatus)
  status!: RowStatus;

  @Field(() => String, {
    nullable: true,
    description: 'Why the row was rejected (schema, unknown reference, constraint).',
  })
  reason?: string | null;
}

@ObjectType({
  description: 'Counts and per-row outcomes of one bulk upsert (one transaction on the primary).',
})
export class UpsertResult {
  @Field(() => Int)
  inserted!: number;

  @Field(() => Int)
  updated!: number;

  @Field(() => Int)
  unchanged!: number;

  @Field(() => Int)
  rejected!: number;

  @Field(() => [UpsertRowResult])
  rows!: UpsertRowResult[];
}

const GRAPHQL_TYPE: Record<ValueKind, () => unknown> = {
  string: () => String,
  int: () => Int,
  float: () => Float,
  boolean: () => Boolean,
  timestamp: () => Date,
};

/** The input type of one record type, built from the same declaration as its JSON Schema. */
function upsertInput(type: RecordType): new () => Record<string, unknown> {
  const name = `${type.graphqlName}UpsertInput`;
  const Input = { [name]: class {} }[name]!;
  InputType(name, { description: `${type.description} Same fields as the \`${type.name}\` import record.` })(
    Input,
  );
  for (const reference of type.references) {
    for (const part of reference.parts) {
      const nullable = !reference.required || reference.defaultValue !== undefined;
      const description =
        reference.defaultValue !== undefined
          ? `Natural key; default "${reference.defaultValue}".`
          : 'Natural key.';
      Field(part.kind === 'int' ? () => Int : () => String, { nullable, description })(
        Input.prototype,
        part.field,
      );
    }
  }
  for (const column of type.columns) {
    Field(GRAPHQL_TYPE[column.kind] as () => StringConstructor, { nullable: !column.required })(
      Input.prototype,
      column.field,
    );
  }
  Field(() => [Float], {
    nullable: true,
    description:
      'Absent: the stored embedding stays; null clears it; otherwise 1536 finite numbers, not all zero.',
  })(Input.prototype, 'embedding');
  return Input as new () => Record<string, unknown>;
}

/** A GraphQL input object as the import record it stands for: dates back to RFC 3339, absent fields left out. */
function asRecord(type: RecordType, input: Record<string, unknown>): Record<string, unknown> {
  const record: Record<string, unknown> = { type: type.name };
  for (const [field, value] of Object.entries(input)) {
    if (value === undefined) continue;
    record[field] = value instanceof Date ? value.toISOString() : value;
  }
  return record;
}

async function primaryPool(ctx: Context): Promise<pg.Pool> {
  if (ctx.database.kind !== 'postgresql') {
    throw forbidden('Bulk upserts need PostgreSQL (COPY); the embedded database does not serve them');
  }
  const connection = ctx.database.orm.em.getConnection('write') as unknown as {
    getNativeClient(): Promise<pg.Pool>;
  };
  return connection.getNativeClient();
}

/** Runs one call: one transaction on the primary, the same validation and SQL as `pulse import`. */
async function runUpsert(
  ctx: Context,
  type: RecordType,
  rows: Record<string, unknown>[],
): Promise<UpsertResult> {
  if (!ctx.viewer) throw unauthenticated();
  if (rows.length > MAX_UPSERT_ROWS) {
    throw badUserInput(`At most ${MAX_UPSERT_ROWS} rows per call, got ${rows.length}`, 'rows');
  }
  const pool = await primaryPool(ctx);
  const connection = await pool.connect();
  const session = new IngestSession(connection, ctx.viewer.clientId);
  let outcomes;
  try {
    await session.begin({ statementTimeoutMs: ctx.database.statementTimeouts.requestMs });
    outcomes = await upsertRecords(
      session,
      type,
      rows.map((row) => asRecord(type, row)),
    );
    // A parent sent in an earlier call than its children is linked here.
    if (type.name === 'issue') await session.linkIssueParents();
    await session.commit();
  } catch (error) {
    await session.rollback().catch(() => undefined);
    throw error;
  } finally {
    connection.release();
  }
  const count = (status: RowStatus) => outcomes.filter((outcome) => outcome.status === status).length;
  return Object.assign(new UpsertResult(), {
    inserted: count('inserted'),
    updated: count('updated'),
    unchanged: count('unchanged'),
    rejected: count('rejected'),
    rows: outcomes.map((outcome, index) =>
      Object.assign(new UpsertRowResult(), { index, status: outcome.status, reason: outcome.reason ?? null }),
    ),
  });
}

// TypeGraphQL takes resolver classes as plain constructors.
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type ResolverClass = Function;

function upsertResolver(type: RecordType): ResolverClass {
  const Input = upsertInput(type);
  const mutation = `upsert${type.plural}`;
  @Resolver()
  class UpsertResolver {
    @Mutation(() => UpsertResult, {
      name: mutation,
      description: `Bulk upsert of ${type.table} by natural key (at most ${MAX_UPSERT_ROWS} rows, one transaction). Roles: etl, admin.`,
    })
    upsert(
      @Arg('rows', () => [Input]) rows: Record<string, unknown>[],
      @Ctx() ctx: Context,
    ): Promise<UpsertResult> {
      return runUpsert(ctx, type, rows);
    }
  }
  Object.defineProperty(UpsertResolver, 'name', { value: `${type.graphqlName}UpsertResolver` });
  return UpsertResolver;
}

/**
 * The ingest module's contribution to the schema: one `upsert<Plural>` mutation per record type, and
 * the rules that let only ETL service accounts and admins call them.
 */
export const ingestModule: GatewayModule = {
  name: 'ingest',
  tables: [],
  resolvers: RECORD_TYPES.map(upsertResolver) as ClassType[],
  rules: {
    Mutation: sameRule(
      RECORD_TYPES.map((type) => `upsert${type.plural}`),
      canIngest,
    ),
    UpsertResult: sameRule(['inserted', 'updated', 'unchanged', 'rejected', 'rows'], canIngest),
    UpsertRowResult: sameRule(['index', 'status', 'reason'], canIngest),
  },
};
