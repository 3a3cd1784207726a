import { Ajv } from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';

import { EMBEDDING_DIMENSIONS, embeddingProblem } from '../common/embedding.type.js';
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

/** A record checked and brought into the shape the staging table takes. */
export interface ValidRecord {
  /** Values by staging column: record columns, reference keys (`ref_*`), embedding. */
  values: Map<string, string | number | boolean | null>;
  /** `[1,2,...]` text when the record gives one, null when it clears it. */
  embedding: string | null;
  /** False when the record leaves the embedding out: the stored one stays. */
  embeddingGiven: boolean;
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

function hasNulCharacter(value: unknown): boolean {
  return typeof value === 'string' && value.includes('\u0000');
}

/** Checks records of one type against its JSON Schema and the rules a schema cannot say. */
export class RecordValidator {
  private readonly validate: ValidateFunction;

  constructor(readonly type: RecordType) {
    const ajv = new Ajv({ allErrors: false, strict: true, allowUnionTypes: true });
    ajv.addFormat('date-time', (text: string) => DATE_TIME.test(text) && !Number.isNaN(Date.parse(text)));
    this.validate = ajv.compile(recordJsonSchema(type));
  }

  check(raw: unknown): RecordCheck {
    if (!this.validate(raw))
      return { ok: false, reason: `schema: ${describeError(this.validate.errors![0]!)}` };
    const record = raw as Record<string, unknown>;
    const values = new Map<string, string | number | boolean | null>();
    for (const column of this.type.columns) {
      const value = record[column.field];
      if (hasNulCharacter(value))
        return { ok: false, reason: `schema: ${column.field} contains a NUL character` };
      values.set(
        column.column,
        value === undefined ? column.absentValue : (value as string | number | boolean | null),
      );
    }
    const keyParts: unknown[] = [];
    for (const reference of this.type.references) {
      for (const part of reference.parts) {
        const value = record[part.field] ?? reference.defaultValue ?? null;
        if (hasNulCharacter(value))
          return { ok: false, reason: `schema: ${part.field} contains a NUL character` };
        if (reference.required && value === null)
          return { ok: false, reason: `schema: missing field ${part.field}` };
        values.set(part.stageColumn, value as string | number | null);
      }
    }
    for (const field of this.type.keyFields) keyParts.push(record[field] ?? null);

    let embedding: string | null = null;
    const embeddingGiven = record.embedding !== undefined;
    if (Array.isArray(record.embedding)) {
      const problem = embeddingProblem(record.embedding);
      if (problem) return { ok: false, reason: `embedding: ${problem}` };
      if ((record.embedding as number[]).every((n) => n === 0))
        return { ok: false, reason: 'embedding: all numbers are zero (no direction to compare)' };
      embedding = `[${(record.embedding as number[]).join(',')}]`;
    }
    return { ok: true, record: { values, embedding, embeddingGiven, key: JSON.stringify(keyParts) } };
  }
}
