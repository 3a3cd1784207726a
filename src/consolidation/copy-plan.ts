import { ReferenceKind } from '@mikro-orm/core';
import type { EntityMetadata, MetadataStorage } from '@mikro-orm/core';

/** A foreign-key column of a copied table and the table whose ids it holds. */
export interface CopiedReference {
  column: string;
  target: string;
  nullable: boolean;
}

/**
 * How one table is copied, derived from the ORM metadata: its columns, how its rows are picked for a
 * set of source clients, how they are keyed, and which columns hold ids to rewrite through the id map.
 */
export interface TableCopyPlan {
  table: string;
  columns: string[];
  /** `serial`: one integer id, mapped; `composite`: a join table keyed by its (mapped) references. */
  keyKind: 'serial' | 'composite';
  keyColumns: string[];
  /**
   * Which rows belong to the copied clients: `own` (the table's client_id), `self` (clients itself),
   * `via` (a join table, through its first reference's client) or `global` (reference data of no client).
   */
  scope:
    | { kind: 'own'; column: string }
    | { kind: 'self' }
    | { kind: 'via'; column: string; target: string }
    | { kind: 'global' };
  references: CopiedReference[];
  /** Columns of a unique key the global reference tables are matched on. */
  naturalKey: string[];
  /** Column -> its default, where that default is a constant (what a row gets when a source lacks the column). */
  constantDefaults: Record<string, string>;
}

/** A literal (number, boolean, quoted string): the same value whenever it is evaluated, unlike now(). */
const CONSTANT = /^(-?\d+(\.\d+)?|true|false|'(?:[^']|'')*')$/;

function isTable(meta: EntityMetadata): boolean {
  return !meta.abstract && !meta.embeddable && Boolean(meta.tableName) && !meta.virtual;
}

/**
 * Every table in an order where each one comes after the tables it references (self references aside:
 * they are fixed after the table is complete), so a row's parents are always mapped before it is copied.
 */
export function copyPlans(metadata: MetadataStorage): TableCopyPlan[] {
  const metas = [...metadata].filter(isTable);
  const plans = new Map<string, TableCopyPlan>();
  for (const meta of metas) {
    const columns = Object.values(meta.properties)
      .filter((prop) => prop.kind === ReferenceKind.SCALAR || prop.kind === ReferenceKind.MANY_TO_ONE)
      .flatMap((prop) => prop.fieldNames);
    const references = Object.values(meta.properties)
      .filter((prop) => prop.kind === ReferenceKind.MANY_TO_ONE)
      .map((prop) => ({
        column: prop.fieldNames[0]!,
        target: prop.targetMeta!.tableName,
        nullable: Boolean(prop.nullable),
      }));
    const keyColumns = meta.primaryKeys.flatMap((name) => meta.properties[name]!.fieldNames);
    const clientReference = references.find((reference) => reference.target === 'clients');
    const scope: TableCopyPlan['scope'] =
      meta.tableName === 'clients'
        ? { kind: 'self' }
        : clientReference
          ? { kind: 'own', column: clientReference.column }
          : references.length > 0
            ? { kind: 'via', column: references[0]!.column, target: references[0]!.target }
            : { kind: 'global' };
    const firstUnique = meta.uniques[0];
    plans.set(meta.tableName, {
      table: meta.tableName,
      columns: [...new Set(columns)],
      keyKind: keyColumns.length === 1 ? 'serial' : 'composite',
      keyColumns,
      scope,
      references,
      naturalKey: firstUnique
        ? [firstUnique.properties as string[]].flat().flatMap((name) => meta.properties[name]!.fieldNames)
        : [],
      constantDefaults: Object.fromEntries(
        Object.values(meta.properties)
          .filter((prop) => typeof prop.defaultRaw === 'string' && CONSTANT.test(prop.defaultRaw))
          .flatMap((prop) => (prop.fieldNames ?? []).map((column) => [column, prop.defaultRaw!])),
      ),
    });
  }
  const ordered: TableCopyPlan[] = [];
  const placed = new Set<string>();
  const visit = (plan: TableCopyPlan, path: Set<string>) => {
    if (placed.has(plan.table)) return;
    if (path.has(plan.table)) throw new Error(`reference cycle through ${plan.table}`);
    path.add(plan.table);
    for (const reference of plan.references) {
      if (reference.target !== plan.table) visit(plans.get(reference.target)!, path);
    }
    path.delete(plan.table);
    placed.add(plan.table);
    ordered.push(plan);
  };
  for (const plan of [...plans.values()].sort((a, b) => a.table.localeCompare(b.table)))
    visit(plan, new Set());
  return ordered;
}
