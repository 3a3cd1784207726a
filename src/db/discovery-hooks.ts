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

/** Name of the row level security policy on every tenant table. */
export const TENANT_POLICY = 'tenant_isolation';

/**
 * The tenant of the current transaction, as the gateway sets it with `set_config('pulse.client_id', id,
 * true)`. Outside such a transaction the setting is missing or '' (what a transaction-local value
 * reverts to), both of which come out as null here, so a policy comparing with it matches no row.
 */
export const CURRENT_CLIENT_SQL = `nullif(current_setting('pulse.client_id', true), '')::integer`;

/** Tables whose rows belong to one client: `client_id`, or `id` on the clients table itself. */
function ownClientColumn(meta: EntityMetadata, clientClassName: string): string | null {
  if (meta.className === clientClassName) return 'id';
  const client = meta.properties.client;
  if (client?.kind === ReferenceKind.MANY_TO_ONE && client.type === clientClassName) return 'client_id';
  return null;
}

/**
 * Row level security, declared in the metadata so MikroORM's schema diff compares it with the database
 * and a migration generated from the entities carries it. Every table with a client gets a policy on
 * its client column; a table without one whose primary key points at client-owned rows (the project join
 * tables) belongs to the client of its first key, and may only be written when every key it points at
 * is that client's. Tables with neither (the DORA reference data) are global and get no policy.
 */
function addTenantPolicy(meta: EntityMetadata, storage: MetadataStorage, clientClassName: string): void {
  if (meta.abstract || meta.policies.some((policy) => policy.name === TENANT_POLICY)) return;
  const own = ownClientColumn(meta, clientClassName);
  if (own) {
    const condition = `${own} = ${CURRENT_CLIENT_SQL}`;
    meta.policies.push({ name: TENANT_POLICY, using: condition, check: condition });
    return;
  }
  const ownedKeys = meta.primaryKeys
    .map((name) => meta.properties[name]!)
    .filter((prop) => prop.kind === ReferenceKind.MANY_TO_ONE)
    .map((prop) => {
      const target = [...storage.getAll().values()].find((other) => other.className === prop.type);
      const clientColumn = target ? ownClientColumn(target, clientClassName) : null;
      return { column: prop.fieldNames[0]!, table: target?.tableName, clientColumn };
    })
    .filter((key) => key.clientColumn !== null);
  if (ownedKeys.length === 0) return;
  const owned = (key: (typeof ownedKeys)[number]) =>
    `exists (select 1 from "${key.table}" t where t.id = "${meta.tableName}".${key.column} and t.${key.clientColumn} = ${CURRENT_CLIENT_SQL})`;
  meta.policies.push({
    name: TENANT_POLICY,
    using: owned(ownedKeys[0]!),
    check: ownedKeys.map(owned).join(' and '),
  });
}

/** Runs after discovery, once inheritance is resolved, so inherited properties are seen too. */
export function afterDiscovered(storage: MetadataStorage): void {
  // The tenant: the entity every `client` relation points at.
  const clientClassName = 'Client';
  for (const meta of storage.getAll().values()) {
    addEmbeddingIndex(meta);
    useNoActionForNullableRelations(meta);
    addTenantPolicy(meta, storage, clientClassName);
  }
}

/** The tables the tenant policy protects, as the metadata declares them. */
export function tenantTables(storage: MetadataStorage): string[] {
  return [...storage.getAll().values()]
    .filter((meta) => !meta.abstract && meta.policies.some((policy) => policy.name === TENANT_POLICY))
    .map((meta) => meta.tableName)
    .sort();
}
