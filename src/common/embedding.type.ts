import { ValidationError } from '@mikro-orm/core';
import type { EntityProperty, Platform } from '@mikro-orm/core';
import { VectorType } from 'pgvector/mikro-orm';

/** Every embedding in the schema is an OpenAI-style 1536-dimension vector. */
export const EMBEDDING_DIMENSIONS = 1536;

export class InvalidEmbeddingError extends ValidationError {}

/**
 * Checks that a value is exactly {@link EMBEDDING_DIMENSIONS} finite numbers.
 * Returns a human-readable reason, or null when the value is acceptable.
 */
export function embeddingProblem(value: unknown): string | null {
  if (!Array.isArray(value)) return 'embedding must be a list of numbers';
  if (value.length !== EMBEDDING_DIMENSIONS) {
    return `embedding must have exactly ${EMBEDDING_DIMENSIONS} numbers, got ${value.length}`;
  }
  const badIndex = value.findIndex((n) => typeof n !== 'number' || !Number.isFinite(n));
  if (badIndex >= 0) return `embedding[${badIndex}] is not a finite number`;
  return null;
}

/**
 * pgvector's column type, pinned to vector(1536) and strict on write: PostgreSQL would reject a wrong
 * length anyway, but only after the statement reached it, and NaN/Infinity would surface as a raw SQL error.
 */
export class EmbeddingType extends VectorType {
  override convertToDatabaseValue(value: number[] | null, platform: Platform): string | null {
    if (value === null || value === undefined) return null;
    const problem = embeddingProblem(value);
    if (problem) throw new InvalidEmbeddingError(problem);
    return super.convertToDatabaseValue(value, platform);
  }

  override getColumnType(_prop: EntityProperty, _platform: Platform): string {
    return `vector(${EMBEDDING_DIMENSIONS})`;
  }

  override compareAsType(): string {
    return 'string';
  }
}
