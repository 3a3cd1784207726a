import { MIGRATIONS } from '../../migrations/index.js';

/**
 * The tables the schema must have, written out by hand: tests compare the database against this list,
 * not against the ORM metadata, so a mistake in the entities cannot hide itself.
 */

/** The 24 business tables of seed 001; each carries `embedding vector(1536)` and an HNSW index. */
export const BUSINESS_TABLES = [
  'clients',
  'dora_market_benchmarks',
  'dora_metric_insights',
  'issue_changelogs',
  'issues',
  'issuetype_hierarchies',
  'issuetype_mappings',
  'issuetypes',
  'jira_pull_request_links',
  'projects',
  'projects_issuetypes',
  'projects_statuses',
  'pull_request_comments',
  'pull_request_commits',
  'pull_request_reviews',
  'pull_requests',
  'repositories',
  'status_mappings',
  'statuses',
  'system_settings',
  'user_permissions',
  'user_sessions',
  'users',
  'workflows',
];

export const ML_TABLES = ['ai_learning_memory', 'ml_anomaly_alerts', 'ml_prediction_log'];

export const ALL_TABLES = [...BUSINESS_TABLES, 'integrations', ...ML_TABLES].sort();

/** Reference data shared by every client: no `client_id`, no row level security. */
export const GLOBAL_TABLES = ['dora_market_benchmarks', 'dora_metric_insights'];

/** The bookkeeping tables of `pulse migrate from` (no entity maps them). */
export const CONSOLIDATION_TABLES = ['consolidation_id_map', 'consolidation_progress', 'consolidation_runs'];

/** Bookkeeping tables that hold a client's rows, walled by row level security like the tenant tables. */
export const TENANT_BOOKKEEPING_TABLES = ['consolidation_id_map'];

/** Every migration, in the order they run. */
export const MIGRATION_NAMES = MIGRATIONS.map((migration) => migration.name);
