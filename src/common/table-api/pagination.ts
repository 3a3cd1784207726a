import { badUserInput } from '../errors.js';
import type { ConnectionCursors } from './cursors.js';
import { CURSOR_KEY } from './table-sql.js';
import type { OrderTerm, PageRequest, Row, TableFilter } from './table-sql.js';
import type { TableModel } from './table-model.js';

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 1000;

export interface PageLimits {
  defaultSize: number;
  maxSize: number;
}

/** What a connection field receives. */
export interface ConnectionArgs {
  filter?: TableFilter | null;
  orderBy?: { field: string; direction?: 'asc' | 'desc' | null }[] | null;
  first?: number | null;
  after?: string | null;
  offset?: number | null;
}

/** Validates and completes a connection's arguments: page size within limits, a total order. */
export function pageRequest(
  model: TableModel,
  args: ConnectionArgs,
  limits: PageLimits,
  defaultOrder: OrderTerm[],
  /** This connection's cursors, for this viewer: `after` must be one of them. */
  cursors: ConnectionCursors,
): PageRequest {
  const first = args.first ?? limits.defaultSize;
  if (!Number.isInteger(first) || first < 0 || first > limits.maxSize) {
    throw badUserInput(`first must be between 0 and ${limits.maxSize}`, 'first');
  }
  const offset = args.offset ?? 0;
  if (!Number.isInteger(offset) || offset < 0) throw badUserInput('offset must be 0 or more', 'offset');
  const requested: OrderTerm[] = (args.orderBy ?? []).map((o) => ({
    key: o.field,
    direction: o.direction ?? 'asc',
  }));
  const orderBy = requested.length > 0 ? requested : [...defaultOrder];
  // The key columns close the order, so rows never tie and cursors are exact.
  for (const column of model.keyColumns) {
    if (!orderBy.some((t) => t.key === column.key)) orderBy.push({ key: column.key, direction: 'asc' });
  }
  // An empty string is not a cursor either: only an absent or null `after` means "from the start".
  const after = args.after === undefined || args.after === null ? null : cursors.decode(orderBy, args.after);
  return { filter: args.filter ?? null, orderBy, first, offset, after };
}

export interface PageInfoValue {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface ConnectionValue {
  nodes: Row[];
  edges: { cursor: string; node: Row }[];
  pageInfo: PageInfoValue;
  totalCount: number | null;
}

/**
 * Builds the connection from `first + 1` fetched rows. The edges (a cursor per row) are built only
 * when the query selects them: most pages ask for `nodes` and `pageInfo`, and a cursor per row of every
 * nested page is a string and an object per row for nothing.
 */
export function connectionFromRows(
  page: PageRequest,
  rows: Row[],
  totalCount: number | null,
  cursors: ConnectionCursors,
): ConnectionValue {
  const hasNextPage = rows.length > page.first;
  const nodes = hasNextPage ? rows.slice(0, page.first) : rows;
  return new Connection(page, nodes, hasNextPage, totalCount, cursors);
}

/*
 * A cursor costs an HMAC: signed only when a caller selects it, not for every row of every page (nor
 * twice for every parent of a nested connection). Classes rather than object literals with getters:
 * a nested connection is built once per parent row, and accessors in a literal are new closures and a
 * slower object each time.
 */
class Connection implements ConnectionValue {
  private edgeList: ConnectionValue['edges'] | undefined;
  readonly pageInfo: PageInfoValue;

  constructor(
    private readonly page: PageRequest,
    readonly nodes: Row[],
    hasNextPage: boolean,
    readonly totalCount: number | null,
    private readonly cursors: ConnectionCursors,
  ) {
    this.pageInfo = new PageInfo(this, hasNextPage, page.offset > 0 || Boolean(page.after));
  }

  cursorOf(node: Row): string {
    return this.cursors.encode(this.page.orderBy, node[CURSOR_KEY] as string);
  }

  get edges(): ConnectionValue['edges'] {
    return (this.edgeList ??= this.nodes.map((node) => new Edge(this, node)));
  }
}

class Edge {
  constructor(
    private readonly connection: Connection,
    readonly node: Row,
  ) {}

  get cursor(): string {
    return this.connection.cursorOf(this.node);
  }
}

class PageInfo implements PageInfoValue {
  constructor(
    private readonly connection: Connection,
    readonly hasNextPage: boolean,
    readonly hasPreviousPage: boolean,
  ) {}

  get startCursor(): string | null {
    const first = this.connection.nodes[0];
    return first ? this.connection.cursorOf(first) : null;
  }

  get endCursor(): string | null {
    const last = this.connection.nodes.at(-1);
    return last ? this.connection.cursorOf(last) : null;
  }
}
