import { MIGRATIONS } from '../../migrations/index.js';
import { UNMAPPED_TABLES } from '../db/orm-options.js';

/**
 * The tables the schema must have. The mapped ones come from the table catalogue (the modules' tables);
 * the tests compare them with what the migrations create in PostgreSQL, which are written by hand, so a
 * table missing from either side still shows.
 */
export { ALL_TABLES, BUSINESS_TABLES, GLOBAL_TABLES, ML_TABLES } from '../modules/table-catalogue.js';

/** The bookkeeping tables of `pulse migrate from` (no entity maps them). */
export const CONSOLIDATION_TABLES = [...UNMAPPED_TABLES].sort();

/** Bookkeeping tables that hold a client's rows, walled by row level security like the tenant tables. */
export const TENANT_BOOKKEEPING_TABLES = ['consolidation_id_map'];

/** Every migration, in the order they run. */
export const MIGRATION_NAMES = MIGRATIONS.map((migration) => migration.name);
