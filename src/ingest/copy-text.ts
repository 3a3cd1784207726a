export type CopyValue = string | number | boolean | null;

/** The characters that would end a COPY text field or row, the escape character, and NUL. */
// eslint-disable-next-line no-control-regex -- NUL is exactly what this looks for
const NEEDS_ESCAPE = /[\\\t\n\r\u0000]/;
const ESCAPED = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/**
 * One value in PostgreSQL's COPY text format: `\N` for null, and the four characters that would end a
 * field or a row (backslash, tab, newline, carriage return) escaped. Null when the text holds a NUL
 * character, which no PostgreSQL text value can hold. Most values need no escape: one test finds that.
 */
export function copyTextValue(value: CopyValue): string | null {
  if (value === null) return '\\N';
  if (typeof value !== 'string') return String(value);
  if (!NEEDS_ESCAPE.test(value)) return value;
  if (value.includes('\u0000')) return null;
  return value.replace(ESCAPED, (c) => ESCAPES[c]!);
}

/** A whole COPY text row (the caller has no NUL characters: those are rejected before). */
export function copyTextRow(values: readonly CopyValue[]): string {
  return `${values.map((value) => copyTextValue(value) ?? '').join('\t')}\n`;
}
