import { Arg, Args, ArgsType, Ctx, Field, InputType, Int, ObjectType, Query, Resolver } from 'type-graphql';

import { isAdmin } from '../../auth/rules.js';
import { badUserInput, unauthenticated } from '../../common/errors.js';
import { PageInfo } from '../../common/table-api/graphql-types.js';
import { openStructure, sameRule } from '../../common/field-rules.js';
import type { GatewayModule } from '../../common/gateway-module.js';
import type { Context } from '../../context/context.js';

const DEFAULT_PAGE_SIZE = 100;
const MAX_PAGE_SIZE = 1000;

@ObjectType({
  description:
    'One row `pulse migrate from` copied into this client: the id it had in its source database and the id it has here.',
})
export class ConsolidationIdMapEntry {
  @Field(() => String, {
    description: 'The source database (host:port/name), as `pulse migrate history` names it.',
  })
  source!: string;

  @Field(() => String, { description: 'The table the row is in (`issues`, `users`, ...).' })
  table!: string;

  @Field(() => Int, { description: 'Its id in the source database.' })
  legacyId!: number;

  @Field(() => Int, { description: 'Its id here: the same where it was free, a new one where it was taken.' })
  newId!: number;

  @Field(() => Int, { description: 'The run that copied it (`pulse migrate history`).' })
  runId!: number;

  @Field(() => Date)
  createdAt!: Date;
}

@ObjectType()
class ConsolidationIdMapEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => ConsolidationIdMapEntry)
  node!: ConsolidationIdMapEntry;
}

@ObjectType({ description: 'A page of id-map entries, in source, table and legacy id order.' })
export class ConsolidationIdMapConnection {
  @Field(() => [ConsolidationIdMapEdge])
  edges!: ConsolidationIdMapEdge[];

  @Field(() => [ConsolidationIdMapEntry])
  nodes!: ConsolidationIdMapEntry[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

@InputType({ description: 'Every given field must match exactly.' })
class ConsolidationIdMapFilter {
  @Field(() => String, { nullable: true })
  source?: string | null;

  @Field(() => String, { nullable: true })
  table?: string | null;

  @Field(() => Int, { nullable: true })
  legacyId?: number | null;

  @Field(() => Int, { nullable: true })
  newId?: number | null;
}

@ArgsType()
class ConsolidationIdMapArgs {
  @Field(() => Int, {
    nullable: true,
    description: `Page size: default ${DEFAULT_PAGE_SIZE}, at most ${MAX_PAGE_SIZE}.`,
  })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'endCursor of the previous page.' })
  after?: string | null;
}

type EntryKey = [source: string, table: string, legacyId: number];

/** The cursor is the entry's key: keyset pagination over the id map's primary key. */
function encodeCursor(entry: ConsolidationIdMapEntry): string {
  return Buffer.from(JSON.stringify([entry.source, entry.table, entry.legacyId])).toString('base64url');
}

function decodeCursor(cursor: string): EntryKey {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badUserInput('after: malformed cursor', 'after');
  }
  const valid =
    Array.isArray(key) &&
    key.length === 3 &&
    typeof key[0] === 'string' &&
    typeof key[1] === 'string' &&
    Number.isInteger(key[2]);
  if (!valid) throw badUserInput('after: malformed cursor', 'after');
  return key as EntryKey;
}

/**
 * `consolidationIdMap`: which source row became which row of the admin's client. The id map is not an
 * entity of the table API (it is bookkeeping of `pulse migrate from`, keyed by source and table), so
 * this module reads it with one keyset-paginated statement of its own. Row level security on
 * `consolidation_id_map` keeps it to the request's client, and the statement also names the client,
 * like every tenant read.
 */
@Resolver()
export class ConsolidationIdMapResolver {
  @Query(() => ConsolidationIdMapConnection, {
    description:
      "Admins: the ids `pulse migrate from` gave the rows it copied into the admin's client, with the ids they had in their source database.",
  })
  async consolidationIdMap(
    @Ctx() { viewer, reader }: Context,
    @Args(() => ConsolidationIdMapArgs) { first, after }: ConsolidationIdMapArgs,
    @Arg('filter', () => ConsolidationIdMapFilter, { nullable: true })
    filter?: ConsolidationIdMapFilter | null,
  ): Promise<ConsolidationIdMapConnection> {
    if (!viewer) throw unauthenticated();
    const size = first ?? DEFAULT_PAGE_SIZE;
    if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE_SIZE) {
      throw badUserInput(`first must be between 0 and ${MAX_PAGE_SIZE}`, 'first');
    }
    const params: unknown[] = [viewer.clientId];
    const conditions = ['client_id = $1'];
    const equal = (column: string, value: unknown) => {
      if (value === null || value === undefined) return;
      params.push(value);
      conditions.push(`${column} = $${params.length}`);
    };
    equal('source', filter?.source);
    equal('table_name', filter?.table);
    equal('legacy_id', filter?.legacyId);
    equal('new_id', filter?.newId);
    if (after) {
      const [source, table, legacyId] = decodeCursor(after);
      params.push(source, table, legacyId);
      conditions.push(
        `(source, table_name, legacy_id) > ($${params.length - 2}, $${params.length - 1}, $${params.length})`,
      );
    }
    // One row more than asked for tells whether there is a next page.
    params.push(size + 1);
    const rows = await reader.all<{
      source: string;
      table_name: string;
      legacy_id: number;
      new_id: number;
      run_id: number;
      created_at: string;
    }>(
      `select source, table_name, legacy_id, new_id, run_id,
              to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as created_at
         from consolidation_id_map
        where ${conditions.join(' and ')} order by source, table_name, legacy_id limit $${params.length}`,
      params,
    );
    const nodes = rows.slice(0, size).map((row) =>
      Object.assign(new ConsolidationIdMapEntry(), {
        source: row.source,
        table: row.table_name,
        legacyId: row.legacy_id,
        newId: row.new_id,
        runId: row.run_id,
        createdAt: new Date(row.created_at),
      }),
    );
    const edges = nodes.map((node) => ({ cursor: encodeCursor(node), node }));
    return {
      edges,
      nodes,
      pageInfo: {
        hasNextPage: rows.length > size,
        hasPreviousPage: Boolean(after),
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
    };
  }
}

/** The id map's contribution to the schema: one admin-only query and the rules of its types. */
export const consolidationModule: GatewayModule = {
  name: 'consolidation',
  tables: [],
  resolvers: [ConsolidationIdMapResolver],
  rules: {
    Query: { consolidationIdMap: isAdmin },
    ConsolidationIdMapEntry: sameRule(
      ['source', 'table', 'legacyId', 'newId', 'runId', 'createdAt'],
      isAdmin,
    ),
    ConsolidationIdMapConnection: sameRule(['edges', 'nodes', 'pageInfo'], openStructure),
    ConsolidationIdMapEdge: sameRule(['cursor', 'node'], openStructure),
  },
};
