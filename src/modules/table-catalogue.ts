import { TENANT_FILTER } from '../common/tenant-filter.js';
import { entityMetadata } from '../db/entity-metadata.js';
import { GATEWAY_ENTITIES, TABLE_MODULES } from './table-modules.js';

/** One table of the data model, as the modules declare it and the ORM metadata describes it. */
export interface CatalogueTable {
  className: string;
  tableName: string;
  /** The module that owns it. */
  module: string;
  /** `business`: seed 001's 24 tables; `supporting`: integrations; `ml-monitoring`: the three ML tables. */
  group: 'business' | 'supporting' | 'ml-monitoring';
  /** Has an `embedding vector(1536)` column (and its HNSW index). */
  hasEmbedding: boolean;
  /** Reference data shared by every client: no tenant filter, no `client_id`, no row level security. */
  global: boolean;
}

/**
 * Every table the gateway maps, derived from the module list and the ORM metadata. The seed's embedding
 * tables, the health checks' ML tables and the tests' table lists are read from here, so a new table
 * is listed by its module alone.
 */
export const TABLE_CATALOGUE: readonly CatalogueTable[] = (() => {
  const metadata = entityMetadata(GATEWAY_ENTITIES);
  return TABLE_MODULES.flatMap((module) =>
    module.tables.map((table) => {
      const meta = metadata.getByClassName(table.entity.name);
      return {
        className: meta.className,
        tableName: meta.tableName,
        module: module.name,
        group: table.group ?? 'business',
        hasEmbedding: meta.properties.embedding !== undefined,
        global: !meta.filters?.[TENANT_FILTER],
      };
    }),
  );
})();

const namesOf = (tables: readonly CatalogueTable[]) => tables.map((table) => table.tableName).sort();

/** Seed 001's 24 business tables, by name; each carries `embedding vector(1536)` and an HNSW index. */
export const BUSINESS_TABLES = namesOf(TABLE_CATALOGUE.filter((table) => table.group === 'business'));

/** The ML monitoring tables, by name. */
export const ML_TABLES = namesOf(TABLE_CATALOGUE.filter((table) => table.group === 'ml-monitoring'));

/** Reference data shared by every client, by name. */
export const GLOBAL_TABLES = namesOf(TABLE_CATALOGUE.filter((table) => table.global));

/** Every mapped table, by name. */
export const ALL_TABLES = namesOf(TABLE_CATALOGUE);
