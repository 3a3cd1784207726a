import { adoptedLearningMemoryColumn, LEARNING_MEMORY_TABLE } from './ai-learning-memory-mapping.js';
import { PREDECESSOR_TABLES } from './predecessor-schema.js';

/** Where a predecessor database's rows are, relative to adoption. */
export type PredecessorState = 'predecessor' | 'adopted';

/**
 * One SELECT that reads every predecessor column of `table`, in the predecessor's column order and
 * under the predecessor's column names, from a predecessor database or from an adopted one; timestamps
 * come back as `timestamptz` (a predecessor `timestamp` is UTC), rows in a stable order. Comparing its
 * rows before and after adoption (or between a predecessor source and its copy) shows that no value
 * changed.
 */
export function predecessorRowsQuery(table: string, state: PredecessorState): string {
  const definition = PREDECESSOR_TABLES.find((candidate) => candidate.name === table);
  if (!definition) throw new Error(`not a predecessor table: ${table}`);
  // Tables the unified schema does not use are left as they were, timestamps without time zone included.
  const converted = state === 'adopted' && (definition.kind === 'core' || table === LEARNING_MEMORY_TABLE);
  const columns = definition.columns.map((column) => {
    const [name, type] = column.split(' ') as [string, string];
    const source = converted && table === LEARNING_MEMORY_TABLE ? adoptedLearningMemoryColumn(name) : name;
    const naiveTimestamp = type === 'timestamp' && !converted;
    return { name, expression: naiveTimestamp ? `(${source} at time zone 'UTC')` : source };
  });
  const order = columns.some((column) => column.name === 'id')
    ? 'id'
    : columns.map((column) => column.name).join(', ');
  return `select ${columns.map((column) => `${column.expression} as "${column.name}"`).join(', ')} from ${table} order by ${order}`;
}
