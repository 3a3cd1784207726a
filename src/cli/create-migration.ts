import 'reflect-metadata';

import { resolve } from 'node:path';

import { loadConfig, ownerConfig } from '../config/config.js';
import { openDatabase } from '../db/database.js';
import { migrateUp } from '../db/migration-runner.js';
import { baseOrmOptions } from '../db/orm-options.js';
import { GATEWAY_ENTITIES } from '../modules/index.js';

/**
 * `npm run migration:create [-- name]`: MikroORM's migrator writes a migration from the difference
 * between the entities and the database DATABASE_OWNER_URL (or DATABASE_URL) points at, after bringing
 * that database up to date, so the file holds only what the entities changed. The new class still
 * needs its one line in migrations/index.ts (the list is explicit so jest and the build share it).
 */
async function main(): Promise<number> {
  const config = ownerConfig(loadConfig());
  if (!config.databaseUrl) {
    console.error(
      'migration:create needs DATABASE_URL (or DATABASE_OWNER_URL): a PostgreSQL to diff against',
    );
    return 2;
  }
  const name = process.argv[2];
  if (name !== undefined && !/^[a-z0-9-]+$/.test(name)) {
    console.error('the migration name may hold lower-case letters, digits and dashes only');
    return 2;
  }
  const folder = resolve('migrations');
  const database = await openDatabase(config, {
    entities: GATEWAY_ENTITIES,
    migrations: {
      ...baseOrmOptions(config, GATEWAY_ENTITIES).migrations,
      path: folder,
      pathTs: folder,
      emit: 'ts',
    },
  });
  try {
    await migrateUp(database.orm);
    const result = await database.orm.migrator.create(folder, false, false, name);
    if (!result.fileName) {
      console.log('the entities match the database: no migration needed');
      return 0;
    }
    console.log(`wrote migrations/${result.fileName}; add it to MIGRATIONS in migrations/index.ts`);
    return 0;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('migration:create failed:', error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
