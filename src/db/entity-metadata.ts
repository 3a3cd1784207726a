import type { EntityClass, MetadataStorage } from '@mikro-orm/core';
import { MikroORM } from '@mikro-orm/postgresql';

import { baseOrmOptions } from './orm-options.js';

const discovered = new WeakMap<readonly EntityClass<unknown>[], MetadataStorage>();

/**
 * The ORM's view of these entities (columns, relations, filters), discovered synchronously and without
 * a connection, so the GraphQL schema can be built from it anywhere: at startup, in `pulse schema`, in
 * tests. Both drivers discover the same metadata from the same entities. Discovered once per list.
 */
export function entityMetadata(entities: readonly EntityClass<unknown>[]): MetadataStorage {
  let metadata = discovered.get(entities);
  if (!metadata) {
    const base = baseOrmOptions({ logSql: false }, entities);
    const orm = new MikroORM({
      ...base,
      // Never connected: discovery only needs the platform.
      clientUrl: 'postgresql://metadata-only.invalid/none',
      discovery: { ...base.discovery, skipSyncDiscovery: false },
    } as ConstructorParameters<typeof MikroORM>[0]);
    metadata = orm.getMetadata();
    discovered.set(entities, metadata);
  }
  return metadata;
}
