import type { MigrationObject } from '@mikro-orm/core';

import { Migration20261122000000InitialSchema } from './20261122000000-initial-schema.js';
import { Migration20261201000000RowLevelSecurity } from './20261201000000-row-level-security.js';

/**
 * Every migration, in order. Listed explicitly (not discovered from the file system) so the same list
 * works from TypeScript sources under jest and from the compiled build.
 */
export const MIGRATIONS: MigrationObject[] = [
  { name: '20261122000000-initial-schema', class: Migration20261122000000InitialSchema },
  { name: '20261201000000-row-level-security', class: Migration20261201000000RowLevelSecurity },
];
