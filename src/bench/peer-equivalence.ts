/**
 * Whether a peer answered with the same data as the gateway: the same rows and nested rows (ids, in the
 * same order, with the same counts) everywhere, and the first rows of the compared list value by value.
 * Cursors are opaque and differ by design; they are not compared.
 */

export interface EquivalenceOptions {
  /** Path in `data` of the list whose first rows are compared value by value. */
  rowsPath: readonly string[];
  /** How many of its rows are compared value by value (all of them are compared by id). */
  valueRows: number;
}

const OPAQUE_KEYS = new Set(['endCursor', 'startCursor', 'cursor']);
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * Two scalars are the same value when they are equal, or are the same instant written two ways
 * (`...T21:00:00.000Z` and `...T21:00:00.000000+00:00`), or the same number as a number and a string
 * (PostgreSQL numerics and bigints come as strings from PostGraphile).
 */
export function sameScalar(expected: unknown, actual: unknown): boolean {
  if (Object.is(expected, actual)) return true;
  if (typeof expected === 'string' && typeof actual === 'string') {
    return (
      ISO_DATE_TIME.test(expected) &&
      ISO_DATE_TIME.test(actual) &&
      Date.parse(expected) === Date.parse(actual)
    );
  }
  if (typeof expected === 'number' && typeof actual === 'string')
    return actual !== '' && Number(actual) === expected;
  if (typeof expected === 'string' && typeof actual === 'number')
    return expected !== '' && Number(expected) === actual;
  return false;
}

function describe(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? 'undefined' : text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * The differences between the gateway's `data` and a peer's, as `path: what differs` lines (empty when
 * they agree). Identity (ids, list lengths, counts, page info, nulls) is compared everywhere; other
 * values only inside the first `valueRows` rows of `rowsPath`.
 */
export function responseDifferences(
  expected: unknown,
  actual: unknown,
  options: EquivalenceOptions,
): string[] {
  const differences: string[] = [];
  const rowsKey = options.rowsPath.join('.');
  const walk = (left: unknown, right: unknown, path: string[], compareValues: boolean): void => {
    if (differences.length >= 20) return;
    const where = path.join('.') || 'data';
    if (Array.isArray(left) || Array.isArray(right)) {
      if (!Array.isArray(left) || !Array.isArray(right)) {
        differences.push(`${where}: expected ${describe(left)}, got ${describe(right)}`);
        return;
      }
      if (left.length !== right.length) {
        differences.push(`${where}: expected ${left.length} rows, got ${right.length}`);
        return;
      }
      const isRows = path.join('.') === rowsKey;
      left.forEach((item, index) =>
        walk(
          item,
          right[index],
          [...path, String(index)],
          compareValues || (isRows && index < options.valueRows),
        ),
      );
      return;
    }
    if (isRecord(left) || isRecord(right)) {
      if (!isRecord(left) || !isRecord(right)) {
        differences.push(`${where}: expected ${describe(left)}, got ${describe(right)}`);
        return;
      }
      for (const key of Object.keys(left)) {
        if (OPAQUE_KEYS.has(key)) continue;
        if (!(key in right)) {
          differences.push(`${[...path, key].join('.')}: missing`);
          continue;
        }
        walk(left[key], right[key], [...path, key], compareValues);
      }
      return;
    }
    const identity = path.at(-1) === 'id' || path.at(-1) === 'totalCount' || path.at(-1) === 'hasNextPage';
    const nullness = (left === null) !== (right === null);
    if ((compareValues || identity || nullness) && !sameScalar(left, right)) {
      differences.push(`${where}: expected ${describe(left)}, got ${describe(right)}`);
    }
  };
  walk(expected, actual, [], false);
  return differences;
}

/** How many rows (objects with an `id`) the answer holds, nested ones included: what the check covered. */
export function countRows(value: unknown): number {
  if (Array.isArray(value)) return value.reduce<number>((sum, item) => sum + countRows(item), 0);
  if (!isRecord(value)) return 0;
  return (
    ('id' in value ? 1 : 0) + Object.values(value).reduce<number>((sum, child) => sum + countRows(child), 0)
  );
}
