import {
  LEARNING_MEMORY_DERIVED_COLUMNS,
  LEARNING_MEMORY_RENAMED_COLUMNS,
  LEARNING_MEMORY_TABLE,
} from './ai-learning-memory-mapping.js';
import { PREDECESSOR_TABLES } from './predecessor-schema.js';

/** A column of the unified table, and what adoption gives existing rows when the predecessor lacks it. */
export interface UnifiedColumn {
  name: string;
  /** The column's default as SQL, or null: the value an added column takes in rows that already exist. */
  defaultSql: string | null;
}

/** The predecessor tables whose rows the unified schema keeps (the others are left where they are). */
function isAdoptedPredecessorTable(table: string): boolean {
  const definition = PREDECESSOR_TABLES.find((candidate) => candidate.name === table);
  return definition !== undefined && (definition.kind === 'core' || table === LEARNING_MEMORY_TABLE);
}

/**
 * One SELECT over a predecessor table that yields its rows as adoption would leave them, under the
 * unified column names: timestamps read as UTC (`timestamptz`), columns the predecessor never had set
 * to their default (NULL without one: no embedding), `ai_learning_memory` mapped like adoption maps it.
 * Consumers that read a predecessor database as if it were adopted (`pulse migrate from`) use it, so
 * the copy and the in-place adoption cannot disagree. Null for a table the unified schema does not
 * take from a predecessor database.
 */
export function predecessorRowsAsUnified(table: string, columns: readonly UnifiedColumn[]): string | null {
  if (!isAdoptedPredecessorTable(table)) return null;
  const definition = PREDECESSOR_TABLES.find((candidate) => candidate.name === table)!;
  const types = new Map(
    definition.columns.map((column) => {
      const [name, type] = column.split(' ') as [string, string];
      return [name, type];
    }),
  );
  const learningMemory = table === LEARNING_MEMORY_TABLE;
  const renamedFrom = new Map(
    learningMemory ? Object.entries(LEARNING_MEMORY_RENAMED_COLUMNS).map(([from, to]) => [to, from]) : [],
  );
  const expressions = columns.map(({ name, defaultSql }) => {
    const predecessorName = renamedFrom.get(name) ?? name;
    const type = types.get(predecessorName);
    let expression: string;
    if (type === 'timestamp') expression = `(${predecessorName} at time zone 'UTC')`;
    else if (type !== undefined) expression = predecessorName;
    else if (learningMemory && name in LEARNING_MEMORY_DERIVED_COLUMNS)
      expression = LEARNING_MEMORY_DERIVED_COLUMNS[name]!;
    else expression = defaultSql ?? 'null';
    return `${expression} as "${name}"`;
  });
  return `select ${expressions.join(', ')} from ${table}`;
}
