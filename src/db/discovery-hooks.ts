import { ReferenceKind } from '@mikro-orm/core';
import type { EntityMetadata, MetadataStorage } from '@mikro-orm/core';

/** Name of the HNSW index on a table's embedding column. */
export function hnswIndexName(tableName: string): string {
  return `idx_${tableName}_embedding_hnsw`;
}

/**
 * Every entity with an `embedding` property gets an HNSW index for cosine similarity. Declared once here
 * rather than on 24 classes, and registered in the metadata so MikroORM's schema diff sees the same
 * indexes the migrations create.
 */
function addEmbeddingIndex(meta: EntityMetadata): void {
  if (meta.abstract || !meta.properties.embedding) return;
  const name = hnswIndexName(meta.tableName);
  if (meta.indexes.some((index) => index.name === name)) return;
  meta.indexes.push({
    name,
    expression: `create index "${name}" on "${meta.tableName}" using hnsw ("embedding" vector_cosine_ops)`,
  });
}

/**
 * MikroORM makes nullable foreign keys `ON DELETE SET NULL`; the predecessor's are all NO ACTION, so
 * deleting a referenced row is refused rather than silently un-linking its dependents. Relations that
 * want another rule (ML tables cascade, join tables cascade) declare it explicitly.
 */
function useNoActionForNullableRelations(meta: EntityMetadata): void {
  for (const prop of Object.values(meta.properties)) {
    if (prop.kind === ReferenceKind.MANY_TO_ONE && prop.deleteRule === 'set null')
      prop.deleteRule = 'no action';
  }
}

/** Runs after discovery, once inheritance is resolved, so inherited properties are seen too. */
export function afterDiscovered(storage: MetadataStorage): void {
  for (const meta of storage.getAll().values()) {
    addEmbeddingIndex(meta);
    useNoActionForNullableRelations(meta);
  }
}
