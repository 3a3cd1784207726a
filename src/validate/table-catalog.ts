import { ReferenceKind } from '@mikro-orm/core';
import type { EntityMetadata, EntityProperty, MetadataStorage } from '@mikro-orm/core';

import { quoteIdent } from './integrity-check.js';

/** A foreign key as the ORM declares it: `table.column` references `target.targetColumn`. */
export interface ForeignKeyModel {
  table: string;
  column: string;
  target: string;
  targetColumn: string;
  /** Whether the target table's rows belong to a client (so the two clients can be compared). */
  targetHasClient: boolean;
}

/** What the integrity checks need to know about one table, derived from the ORM metadata. */
export interface CheckedTable {
  table: string;
  /** SQL for the row's key in reports, over alias `t`. */
  keyExpression: string;
  /** The single auto-incremented id column, when the table has one. */
  serialColumn: string | null;
  /** The owning client's column, when the table has one. */
  clientColumn: string | null;
  foreignKeys: ForeignKeyModel[];
  /** Unique keys the ORM declares (column lists). */
  uniqueKeys: string[][];
  embeddingColumn: string | null;
}

function isTable(meta: EntityMetadata): boolean {
  return !meta.abstract && !meta.embeddable && Boolean(meta.tableName) && !meta.virtual;
}

function clientColumnOf(meta: EntityMetadata): string | null {
  const client = meta.properties.client as EntityProperty | undefined;
  return client && client.kind === ReferenceKind.MANY_TO_ONE ? client.fieldNames[0]! : null;
}

function columnsOf(meta: EntityMetadata, propertyNames: string[]): string[] {
  return propertyNames.flatMap((name) => meta.properties[name]!.fieldNames);
}

/**
 * Every table of the ORM metadata with its keys, foreign keys, unique keys and embedding column, sorted by
 * name: the one source the foreign_key, cross_client, duplicate, embedding and sequence checks are
 * generated from, so a table or relation added to the entities is checked without anyone listing it.
 */
export function checkedTables(metadata: MetadataStorage): CheckedTable[] {
  const tables: CheckedTable[] = [];
  for (const meta of [...metadata].filter(isTable)) {
    const keyColumns = columnsOf(meta, meta.primaryKeys);
    const keyExpression =
      keyColumns.length === 1
        ? `t.${quoteIdent(keyColumns[0]!)}`
        : `concat_ws('/', ${keyColumns.map((c) => `t.${quoteIdent(c)}`).join(', ')})`;
    const idProp = meta.primaryKeys.length === 1 ? meta.properties[meta.primaryKeys[0]!] : undefined;
    const serialColumn =
      idProp?.kind === ReferenceKind.SCALAR && idProp.autoincrement !== false ? idProp.fieldNames[0]! : null;
    const foreignKeys = Object.values(meta.properties)
      .filter((prop) => prop.kind === ReferenceKind.MANY_TO_ONE)
      .map((prop) => ({
        table: meta.tableName,
        column: prop.fieldNames[0]!,
        target: prop.targetMeta!.tableName,
        targetColumn: prop.referencedColumnNames[0]!,
        targetHasClient: clientColumnOf(prop.targetMeta!) !== null,
      }));
    const uniqueKeys = [
      ...meta.uniques.map((unique) => columnsOf(meta, [unique.properties as string[]].flat())),
      ...Object.values(meta.properties)
        .filter((prop) => prop.unique === true && prop.kind === ReferenceKind.SCALAR)
        .map((prop) => prop.fieldNames),
    ];
    tables.push({
      table: meta.tableName,
      keyExpression,
      serialColumn,
      clientColumn: clientColumnOf(meta),
      foreignKeys,
      uniqueKeys,
      embeddingColumn: meta.properties.embedding ? meta.properties.embedding.fieldNames[0]! : null,
    });
  }
  return tables.sort((a, b) => a.table.localeCompare(b.table));
}
