import type { MetadataStorage } from '@mikro-orm/core';
import { MikroORM } from '@mikro-orm/postgresql';

import { baseOrmOptions } from './orm-options.js';

let discovered: MetadataStorage | undefined;

/**
 * The ORM's view of every table (columns, relations, filters), discovered synchronously and without a
 * connection, so the GraphQL schema can be built from it anywhere: at startup, in `pulse schema`, in
 * tests. Both drivers discover the same metadata from the same entities.
 */
export function entityMetadata(): MetadataStorage {
  if (!discovered) {
    const base = baseOrmOptions({ logSql: false });
    const orm = new MikroORM({
      ...base,
      // Never connected: discovery only needs the platform.
      clientUrl: 'postgresql://metadata-only.invalid/none',
      discovery: { ...base.discovery, skipSyncDiscovery: false },
    } as ConstructorParameters<typeof MikroORM>[0]);
    discovered = orm.getMetadata();
  }
  return discovered;
}
