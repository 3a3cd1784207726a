/**
 * The predecessor's `ai_learning_memory` recorded a failed query and what the user did about it
 * (`corrected_query`, `user_feedback`, `user_correction`, `message_id`, `last_updated_at`); the unified
 * table records a suggested fix with a confidence and a JSON context. Adoption maps one to the other
 * without losing a value:
 *
 * | predecessor        | unified                                                              |
 * | ------------------ | -------------------------------------------------------------------- |
 * | id, client_id, error_type, user_intent, failed_query, specific_issue, created_at | same columns |
 * | last_updated_at    | updated_at (renamed)                                                 |
 * | corrected_query    | suggested_fix (`coalesce(corrected_query, user_correction, '')`), and |
 * |                    | learning_context.predecessor.corrected_query                          |
 * | user_feedback      | learning_context.predecessor.user_feedback                            |
 * | user_correction    | learning_context.predecessor.user_correction                          |
 * | message_id         | learning_context.predecessor.message_id                               |
 * | (none)             | confidence = 0: the predecessor never scored its corrections          |
 * | (none)             | active = true                                                         |
 *
 * The original values are kept verbatim (JSON null for NULL) under `learning_context.predecessor`, so
 * `pulse migrate down` puts every one of them back.
 */

export const LEARNING_MEMORY_TABLE = 'ai_learning_memory';

/** The predecessor columns that have no column of their own in the unified table. */
export const LEARNING_MEMORY_CONTEXT_COLUMNS = [
  'corrected_query',
  'user_feedback',
  'user_correction',
  'message_id',
] as const;

/**
 * The unified columns that are computed from a predecessor row, as SQL over the predecessor's columns.
 * Adoption writes them in place; `pulse migrate from` a predecessor source selects them, so a row copied
 * from a predecessor database equals the row its adoption would have produced.
 */
export const LEARNING_MEMORY_DERIVED_COLUMNS: Readonly<Record<string, string>> = {
  suggested_fix: `coalesce(corrected_query, user_correction, '')`,
  confidence: '0',
  learning_context: `jsonb_build_object('predecessor', jsonb_build_object(${LEARNING_MEMORY_CONTEXT_COLUMNS.map((column) => `'${column}', ${column}`).join(', ')}))`,
};

/** Predecessor column -> its unified name, for the columns adoption renames. */
export const LEARNING_MEMORY_RENAMED_COLUMNS: Readonly<Record<string, string>> = {
  last_updated_at: 'updated_at',
};

/** Statements that bring the predecessor's rows into the unified columns, before the schema diff runs. */
export function adoptLearningMemoryStatements(): string[] {
  const derived = Object.entries(LEARNING_MEMORY_DERIVED_COLUMNS);
  return [
    ...Object.entries(LEARNING_MEMORY_RENAMED_COLUMNS).map(
      ([from, to]) => `alter table ${LEARNING_MEMORY_TABLE} rename column ${from} to ${to}`,
    ),
    `alter table ${LEARNING_MEMORY_TABLE} add column suggested_fix text, add column confidence double precision, add column learning_context jsonb`,
    `update ${LEARNING_MEMORY_TABLE} set ${derived.map(([column, expression]) => `${column} = ${expression}`).join(', ')}`,
    `alter table ${LEARNING_MEMORY_TABLE} ${LEARNING_MEMORY_CONTEXT_COLUMNS.map((column) => `drop column ${column}`).join(', ')}`,
  ];
}

/**
 * The way back: the predecessor columns again, filled from `learning_context.predecessor`; rows written
 * after the adoption have none, and their suggested fix becomes the corrected query.
 */
export function revertLearningMemoryStatements(): string[] {
  const restore = LEARNING_MEMORY_CONTEXT_COLUMNS.map(
    (column) =>
      `${column} = case when learning_context ? 'predecessor' then learning_context->'predecessor'->>'${column}' ` +
      `${column === 'corrected_query' ? 'else suggested_fix ' : ''}end`,
  ).join(', ');
  return [
    `alter table ${LEARNING_MEMORY_TABLE} rename column updated_at to last_updated_at`,
    `alter table ${LEARNING_MEMORY_TABLE} add column corrected_query text, add column user_feedback text, add column user_correction text, add column message_id varchar(255)`,
    `update ${LEARNING_MEMORY_TABLE} set ${restore}`,
  ];
}

/**
 * How to read each predecessor column of `ai_learning_memory` once adopted (same name as the
 * predecessor's column, same value).
 */
export function adoptedLearningMemoryColumn(column: string): string {
  if (column === 'last_updated_at') return 'updated_at';
  if ((LEARNING_MEMORY_CONTEXT_COLUMNS as readonly string[]).includes(column))
    return `(learning_context->'predecessor'->>'${column}')`;
  return column;
}
