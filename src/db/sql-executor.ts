/**
 * Runs one SQL statement and returns its rows. Placeholders are MikroORM's: `?` for a value (an array
 * expands to a comma list, so write `in (?)`), `??` for an identifier. Values must be strings,
 * numbers, booleans, Dates, null, or arrays of those: MikroORM inlines them with its escaping.
 */
export interface SqlExecutor {
  /** Which server answers: `primary`, or the name of a replica (`replica-1`). For health and tests. */
  readonly target: string;
  all<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
}
