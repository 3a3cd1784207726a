import type { MigrationObject } from '@mikro-orm/core';

import { Migration20261122000000InitialSchema } from './20261122000000-initial-schema.js';
import { Migration20261201000000RowLevelSecurity } from './20261201000000-row-level-security.js';
import { Migration20261201120000IngestNaturalKeys } from './20261201120000-ingest-natural-keys.js';
import { Migration20261201130000ConsolidationBookkeeping } from './20261201130000-consolidation-bookkeeping.js';

/**
 * Every migration, in order. Listed explicitly (not discovered from the file system) so the same list
 * works from TypeScript sources under jest and from the compiled build.
 */
export const MIGRATIONS: MigrationObject[] = [
  { name: '20261122000000-initial-schema', class: Migration20261122000000InitialSchema },
  { name: '20261201000000-row-level-security', class: Migration20261201000000RowLevelSecurity },
  { name: '20261201120000-ingest-natural-keys', class: Migration20261201120000IngestNaturalKeys },
  {
    name: '20261201130000-consolidation-bookkeeping',
    class: Migration20261201130000ConsolidationBookkeeping,
  },
];
