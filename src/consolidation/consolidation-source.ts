import type { TableCopyPlan } from './copy-plan.js';

/** A client of the source database, as the source knows it. */
export interface SourceClient {
  legacyId: number;
  name: string;
}

/** One source row in the unified shape (column name -> JSON value), with its key values in key order. */
export interface SourceRow {
  key: (number | string)[];
  values: Record<string, unknown>;
}

/**
 * What `pulse migrate from` needs of a source database, whatever its shape. One adapter per shape
 * (another installation's unified database, a predecessor database) presents its rows in the unified
 * shape, so the copy, the id map, the conflicts and the verification are written once.
 */
export interface ConsolidationSource {
  readonly kind: 'unified' | 'predecessor';
  /** Where the rows come from, without credentials: the id map and the runs are keyed by it. */
  readonly label: string;
  clients(): Promise<SourceClient[]>;
  /** How many rows of the plan's table belong to the given clients. */
  count(plan: TableCopyPlan, clientIds: number[]): Promise<number>;
  /** The largest id of the plan's (serial-keyed) table among the given clients' rows, or null. */
  maxId(plan: TableCopyPlan, clientIds: number[]): Promise<number | null>;
  /** The next rows after `after` (a key, or null for the first batch), in key order. */
  batch(
    plan: TableCopyPlan,
    clientIds: number[],
    after: (number | string)[] | null,
    limit: number,
  ): Promise<SourceRow[]>;
  close(): Promise<void>;
}

/** The database cannot serve as a source (unreachable, unknown shape, a schema that differs). */
export class SourceUnusableError extends Error {}
