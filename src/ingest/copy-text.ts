/**
 * One value in PostgreSQL's COPY text format: `\N` for null, and the four characters that would end a
 * field or a row (backslash, tab, newline, carriage return) escaped.
 */
export function copyTextValue(value: string | number | boolean | null): string {
  if (value === null) return '\\N';
  if (typeof value !== 'string') return String(value);
  return value.replace(/[\\\t\n\r]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
  );
}

export function copyTextRow(values: readonly (string | number | boolean | null)[]): string {
  return `${values.map(copyTextValue).join('\t')}\n`;
}
