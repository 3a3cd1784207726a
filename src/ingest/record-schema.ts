import { Ajv } from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';

import { EMBEDDING_DIMENSIONS, embeddingProblem } from '../common/embedding.type.js';
import { copyTextValue } from './copy-text.js';
import type { CopyValue } from './copy-text.js';
import type { RecordColumn, RecordType, ValueKind } from './record-types.js';

const INT4_MIN = -2_147_483_648;
const INT4_MAX = 2_147_483_647;

/** RFC 3339 date-time with an explicit offset: what PostgreSQL's timestamptz reads without guessing. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$/;

function valueSchema(kind: ValueKind, maxLength: number | null): Record<string, unknown> {
  switch (kind) {
    case 'string':
      return maxLength ? { type: 'string', maxLength } : { type: 'string' };
    case 'int':
      return { type: 'integer', minimum: INT4_MIN, maximum: INT4_MAX };
    case 'float':
      return { type: 'number' };
    case 'boolean':
      return { type: 'boolean' };
    case 'timestamp':
      return { type: 'string', format: 'date-time' };
  }
}

function columnSchema(column: RecordColumn): Record<string, unknown> {
  const schema = valueSchema(column.kind, column.maxLength);
  if (column.required) return schema;
  return { ...schema, type: [schema.type as string, 'null'] };
}

/** The JSON Schema (draft-07, what ajv checks) of one record type; schema/import/ holds these. */
export function recordJsonSchema(type: RecordType): Record<string, unknown> {
  const properties: Record<string, unknown> = {
    type: { const: type.name, description: 'The record type.' },
  };
  const requiredFields = ['type'];
  for (const reference of type.references) {
    for (const part of reference.parts) {
      const base = part.kind === 'int' ? valueSchema('int', null) : { type: 'string', minLength: 1 };
      const description =
        reference.defaultValue !== undefined
          ? `Natural key of the referenced row; default "${reference.defaultValue}".`
          : 'Natural key of the referenced row (within the client).';
      if (reference.required && reference.defaultValue === undefined) {
        properties[part.field] = { ...base, description };
        requiredFields.push(part.field);
      } else {
        properties[part.field] = { ...base, type: [base.type as string, 'null'], description };
      }
    }
  }
  for (const column of type.columns) {
    properties[column.field] = columnSchema(column);
    if (column.required) requiredFields.push(column.field);
  }
  properties.embedding = {
    description: `Absent: the stored embedding stays as it is; null clears it; otherwise exactly ${EMBEDDING_DIMENSIONS} finite numbers, not all zero.`,
    type: ['array', 'null'],
    items: { type: 'number' },
    minItems: EMBEDDING_DIMENSIONS,
    maxItems: EMBEDDING_DIMENSIONS,
  };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: `https://pulse-gateway.invalid/schema/import/${type.name}.schema.json`,
    title: type.name,
    description: type.description,
    type: 'object',
    properties,
    required: [...new Set(requiredFields)],
    additionalProperties: false,
  };
}

/**
 * A record checked and encoded as its staging row: the COPY text fields after `ord`, in
 * {@link stageColumns} order. Encoding here, once, is what lets `pulse import` spool a record as the
 * exact bytes COPY takes and never parse it again.
 */
export interface ValidRecord {
  /** Tab-separated COPY text fields (no `ord`, no line end). */
  fields: string;
  /** The natural key, as one string, to find repeats within a batch. */
  key: string;
}

export type RecordCheck = { ok: true; record: ValidRecord } | { ok: false; reason: string };

function describeError(error: ErrorObject): string {
  const where = error.instancePath ? error.instancePath.slice(1).replace(/\//g, '.') : 'record';
  if (error.keyword === 'additionalProperties')
    return `unknown field ${String(error.params.additionalProperty)}`;
  if (error.keyword === 'required') return `missing field ${String(error.params.missingProperty)}`;
  if (error.keyword === 'maxLength')
    return `${where} is longer than ${String(error.params.limit)} characters`;
  if (error.keyword === 'format') return `${where} must be an RFC 3339 date-time with an offset`;
  return `${where} ${error.message ?? 'is invalid'}`;
}

/** Checks records of one type against its JSON Schema and the rules a schema cannot say. */
export class RecordValidator {
  private readonly validate: ValidateFunction;
  /** The record's columns in staging order, with the COPY text an absent field stands for. */
  private readonly columns: { field: string; absent: string }[];
  private readonly referenceParts: { field: string; defaultValue: string | null; required: boolean }[];

  constructor(readonly type: RecordType) {
    this.columns = type.columns.map((column) => ({
      field: column.field,
      absent: copyTextValue(column.absentValue) ?? '\\N',
    }));
    this.referenceParts = type.references.flatMap((reference) =>
      reference.parts.map((part) => ({
        field: part.field,
        defaultValue: reference.defaultValue ?? null,
        required: reference.required,
      })),
    );
    const ajv = new Ajv({ allErrors: false, strict: true, allowUnionTypes: true });
    ajv.addFormat('date-time', (text: string) => DATE_TIME.test(text) && !Number.isNaN(Date.parse(text)));
    this.validate = ajv.compile(recordJsonSchema(type));
  }

  check(raw: unknown): RecordCheck {
    if (!this.validate(raw))
      return { ok: false, reason: `schema: ${describeError(this.validate.errors![0]!)}` };
    const record = raw as Record<string, unknown>;
    // String concatenation over a fixed field list: this runs once per record of a bulk load.
    let fields = '';
    for (const column of this.columns) {
      const value = record[column.field];
      const text = value === undefined ? column.absent : copyTextValue(value as CopyValue);
      if (text === null) return { ok: false, reason: `schema: ${column.field} contains a NUL character` };
      fields += text + '\t';
    }
    for (const part of this.referenceParts) {
      const value = record[part.field] ?? part.defaultValue;
      if (part.required && value === null)
        return { ok: false, reason: `schema: missing field ${part.field}` };
      const text = copyTextValue(value as CopyValue);
      if (text === null) return { ok: false, reason: `schema: ${part.field} contains a NUL character` };
      fields += text + '\t';
    }
    let key = '';
    for (const field of this.type.keyFields) key += `${String(record[field] ?? '')}\u0000`;

    const embedding = record.embedding;
    if (embedding === undefined) return { ok: true, record: { fields: fields + '\\N\tf', key } };
    if (embedding === null) return { ok: true, record: { fields: fields + '\\N\tt', key } };
    const problem = embeddingProblem(embedding);
    if (problem) return { ok: false, reason: `embedding: ${problem}` };
    if ((embedding as number[]).every((n) => n === 0))
      return { ok: false, reason: 'embedding: all numbers are zero (no direction to compare)' };
    return { ok: true, record: { fields: `${fields}[${(embedding as number[]).join(',')}]\tt`, key } };
  }
}
