import type { EntityClass, Options } from '@mikro-orm/core';
import { ReflectMetadataProvider } from '@mikro-orm/decorators/legacy';
import { Migrator } from '@mikro-orm/migrations';

import { MIGRATIONS } from '../../migrations/index.js';
import type { Config } from '../config/config.js';
import { PulseNamingStrategy } from './naming-strategy.js';
import { afterDiscovered } from './discovery-hooks.js';

export const MIGRATIONS_TABLE = 'pulse_migrations';

/** Tables the migrations own that no entity maps: the bookkeeping of `pulse migrate from`. */
export const UNMAPPED_TABLES = ['consolidation_runs', 'consolidation_id_map', 'consolidation_progress'];

/**
 * Options shared by the PostgreSQL and the embedded PGlite drivers. The entities come from the
 * gateway's modules (src/modules/index.ts), passed in: the database layer knows no module.
 */
export function baseOrmOptions(
  config: Pick<Config, 'logSql'>,
  entities: readonly EntityClass<unknown>[],
): Partial<Options> {
  return {
    entities: [...entities],
    metadataProvider: ReflectMetadataProvider,
    namingStrategy: PulseNamingStrategy,
    discovery: { afterDiscovered },
    // The predecessor's foreign keys are all NO ACTION: deleting a referenced row is an error, not a
    // silent un-linking. The exceptions (ML tables, join tables) say so on their relation.
    schemaGenerator: {
      defaultDeleteRule: 'no action',
      defaultUpdateRule: 'no action',
      skipTables: UNMAPPED_TABLES,
    },
    extensions: [Migrator],
    migrations: {
      tableName: MIGRATIONS_TABLE,
      migrationsList: MIGRATIONS,
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      silent: true,
    },
    // Identity-map entities are per request; a stale read across requests is worse than a re-query.
    allowGlobalContext: false,
    forceUtcTimezone: true,
    debug: config.logSql ? ['query', 'query-params'] : false,
    ignoreUndefinedInQuery: true,
    // The tenant filter on the root table already scopes every row; auto-joining each to-one relation
    // (seven joins on a plain issue list) only to re-check its client costs speed and changes nothing.
    autoJoinRefsForFilters: false,
  };
}
