import { badUserInput } from '../errors.js';
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

/**
 * Cursors are opaque to callers: the order they belong to plus the row's values in that order. A cursor
 * replayed with another `orderBy` is refused rather than silently paging from the wrong place.
 */
function orderSignature(orderBy: OrderTerm[]): string {
  return orderBy.map((t) => `${t.key}:${t.direction}`).join(',');
}

export function encodeCursor(orderBy: OrderTerm[], row: Row): string {
  return Buffer.from(`${orderSignature(orderBy)}|${row[CURSOR_KEY] as string}`).toString('base64url');
}

function decodeCursor(cursor: string, orderBy: OrderTerm[]): unknown[] {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const bar = text.indexOf('|');
  if (bar < 0 || text.slice(0, bar) !== orderSignature(orderBy)) {
    throw badUserInput('after: the cursor does not belong to this field and orderBy', 'after');
  }
  let values: unknown;
  try {
    values = JSON.parse(text.slice(bar + 1));
  } catch {
    throw badUserInput('after: malformed cursor', 'after');
  }
  if (!Array.isArray(values) || values.length !== orderBy.length) {
    throw badUserInput('after: malformed cursor', 'after');
  }
  return values;
}

/** Validates and completes a connection's arguments: page size within limits, a total order. */
export function pageRequest(
  model: TableModel,
  args: ConnectionArgs,
  limits: PageLimits,
  defaultOrder: OrderTerm[],
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
  const after = args.after ? decodeCursor(args.after, orderBy) : null;
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
): ConnectionValue {
  const hasNextPage = rows.length > page.first;
  const nodes = hasNextPage ? rows.slice(0, page.first) : rows;
  let edges: ConnectionValue['edges'] | undefined;
  const last = nodes.at(-1);
  return {
    nodes,
    get edges() {
      return (edges ??= nodes.map((node) => ({ cursor: encodeCursor(page.orderBy, node), node })));
    },
    pageInfo: {
      hasNextPage,
      hasPreviousPage: page.offset > 0 || Boolean(page.after),
      startCursor: nodes[0] ? encodeCursor(page.orderBy, nodes[0]) : null,
      endCursor: last ? encodeCursor(page.orderBy, last) : null,
    },
    totalCount,
  };
}
