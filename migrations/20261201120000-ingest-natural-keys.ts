import { Migration } from '@mikro-orm/migrations';

/*
 * Natural keys for the ETL import (`pulse import`, the `upsert*` mutations). An upsert by natural key
 * needs a unique index on that key so `insert ... on conflict (...) do update` can find the existing
 * row; the tables below had none. Keys are scoped to the client (or to a parent row that is itself
 * scoped to a client), so two clients may use the same external ids. Nullable key columns stay
 * nullable: rows without an external id (entered by hand) never conflict with each other.
 */
const NATURAL_KEYS: readonly [table: string, constraint: string, columns: string][] = [
  ['statuses', 'uk_statuses_client_external_id', '"client_id", "external_id"'],
  ['issuetypes', 'uk_issuetypes_client_external_id', '"client_id", "external_id"'],
  ['issuetype_hierarchies', 'uk_issuetype_hierarchies_client_level_number', '"client_id", "level_number"'],
  ['workflows', 'uk_workflows_client_step_name', '"client_id", "step_name"'],
  ['issue_changelogs', 'uk_issue_changelogs_issue_external_id', '"issue_id", "external_id"'],
  ['repositories', 'uk_repositories_client_full_name', '"client_id", "full_name"'],
  [
    'pull_request_reviews',
    'uk_pull_request_reviews_pull_request_external_id',
    '"pull_request_id", "external_id"',
  ],
  [
    'pull_request_commits',
    'uk_pull_request_commits_pull_request_external_id',
    '"pull_request_id", "external_id"',
  ],
  [
    'pull_request_comments',
    'uk_pull_request_comments_pull_request_external_id',
    '"pull_request_id", "external_id"',
  ],
  [
    'jira_pull_request_links',
    'uk_jira_pull_request_links_issue_repo_number',
    '"issue_id", "repo_full_name", "pull_request_number"',
  ],
];

export class Migration20261201120000IngestNaturalKeys extends Migration {
  override up(): void {
    for (const [table, constraint, columns] of NATURAL_KEYS) {
      this.addSql(`alter table "${table}" add constraint "${constraint}" unique (${columns})`);
    }
  }

  override down(): void {
    for (const [table, constraint] of [...NATURAL_KEYS].reverse()) {
      this.addSql(`alter table "${table}" drop constraint if exists "${constraint}"`);
    }
  }
}
