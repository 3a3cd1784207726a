import DataLoader from 'dataloader';

import type { ReadPathMetrics } from '../../db/read-path-metrics.js';
import { NO_READ_PATH_METRICS } from '../../db/read-path-metrics.js';
import type { SqlExecutor } from '../../db/sql-executor.js';
import type { ColumnModel, TableModel } from './table-model.js';
import {
  PARENT_KEY,
  partitionedCountStatement,
  partitionedPageStatement,
  projectionKey,
  mapRows,
  rowsWhereInStatement,
} from './table-sql.js';
import type {
  NestedPageRead,
  PageRequest,
  ProjectionLike,
  RelatedRead,
  RelationSource,
  Row,
  Scope,
  Statement,
  TableFilter,
} from './table-sql.js';

const NO_READS = { related: [], nested: [], key: '' };

/** A to-many relation as the loaders see it. */
export interface ManyRelation {
  /** `Issue.changelogs`: unique name, part of the loader key. */
  id: string;
  target: TableModel;
  source: RelationSource;
}

/**
 * The DataLoaders of one request. Created with the request's context and dropped with it: nothing is
 * cached across requests or clients. Each loader batches every key asked for in one tick into a single
 * statement on the request's read connection, so a page of 500 parents costs what a page of 10 does.
 */
export class TableLoaders {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  constructor(
    readonly executor: SqlExecutor,
    readonly scope: Scope | null,
    private readonly metrics: ReadPathMetrics = NO_READ_PATH_METRICS,
  ) {}

  async rows(model: TableModel, statement: Statement, executor: SqlExecutor = this.executor): Promise<Row[]> {
    return mapRows(model, await executor.all(statement.sql, statement.params));
  }

  /** A request-scoped loader for module-specific batches (one per `key`, created on first use). */
  loader<K, V>(key: string, batch: (keys: readonly K[]) => Promise<V[]>): DataLoader<K, V> {
    let loader = this.loaders.get(key) as DataLoader<K, V> | undefined;
    if (!loader) {
      // The metrics label is the part of the key before `|`: the table and relation, never ids or filters.
      const kind = key.split('|', 1)[0]!;
      loader = new DataLoader<K, V>(
        (keys) => {
          this.metrics.recordLoaderBatch(kind, keys.length);
          return batch(keys);
        },
        { maxBatchSize: 1000 },
      );
      this.loaders.set(key, loader as DataLoader<unknown, unknown>);
    }
    return loader;
  }

  /** Rows by a unique column (the id, or a natural key), null where none is visible to this client. */
  byColumn(
    model: TableModel,
    column: ColumnModel,
    projection: ProjectionLike,
  ): DataLoader<unknown, Row | null> {
    return this.loader(`${model.className}.${column.key}|${projectionKey(projection)}`, async (keys) => {
      const rows = await this.rows(model, rowsWhereInStatement(model, this.scope, column, keys, projection));
      const byKey = new Map(rows.map((row) => [String(row[column.key]), row]));
      return keys.map((key) => byKey.get(String(key)) ?? null);
    });
  }

  /**
   * The same page (filter, order, window) of a to-many relation for many parents, `first + 1` rows
   * each; `withCount` puts each parent's total on its rows (COUNT_KEY), saving the count's statement.
   * `reads` are the rows' own to-one relations and nested pages, read in the same statement; `readsKey`
   * tells one selection's reads from another's.
   */
  relationPage(
    relation: ManyRelation,
    page: PageRequest,
    projection: ProjectionLike,
    withCount = false,
    reads: { related: readonly RelatedRead[]; nested: readonly NestedPageRead[]; key: string } = NO_READS,
  ): DataLoader<number, Row[]> {
    const key =
      `${relation.id}|${JSON.stringify(page)}|${projectionKey(projection)}${withCount ? '#count' : ''}` +
      `|${reads.key}`;
    return this.loader(key, async (parentIds) => {
      const statement = partitionedPageStatement(
        relation.target,
        relation.source,
        this.scope,
        parentIds,
        page,
        projection,
        withCount,
        reads.related,
        reads.nested,
      );
      const rows = await this.rows(relation.target, statement);
      const byParent = new Map<string, Row[]>();
      for (const row of rows) {
        const parent = String(row[PARENT_KEY]);
        const list = byParent.get(parent);
        if (list) list.push(row);
        else byParent.set(parent, [row]);
      }
      return parentIds.map((id) => byParent.get(String(id)) ?? []);
    });
  }

  relationCount(relation: ManyRelation, filter: TableFilter | null | undefined): DataLoader<number, number> {
    return this.loader(`${relation.id}#count|${JSON.stringify(filter ?? null)}`, async (parentIds) => {
      const statement = partitionedCountStatement(
        relation.target,
        relation.source,
        this.scope,
        parentIds,
        filter,
      );
      const rows = await this.executor.all<{ __parent: unknown; count: number }>(
        statement.sql,
        statement.params,
      );
      const counts = new Map(rows.map((row) => [String(row.__parent), Number(row.count)]));
      return parentIds.map((id) => counts.get(String(id)) ?? 0);
    });
  }
}
