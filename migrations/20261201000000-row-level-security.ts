import { Migration } from '@mikro-orm/migrations';

/*
 * The database's own tenant wall: row level security on every table that belongs to a client, keyed on
 * `pulse.client_id`, a setting the gateway sets at the start of each transaction with
 * `set_config('pulse.client_id', '<id>', true)` (transaction-local, so a pooled connection never carries
 * it to the next request). Without the setting `nullif(..., '')` is null, the comparison is never true
 * and a connection sees no tenant row at all.
 *
 * The gateway logs in as a member of the NOLOGIN group `pulse_runtime`, which gets row privileges but
 * owns nothing: RLS is enabled, not forced, so the owner (migrations, the CLI's admin commands) still
 * sees and writes every row, while the runtime role is held to the policies. The DORA reference tables
 * are global: no client, no policy, readable by everyone with the grant.
 *
 * The table lists are written out rather than read from the catalogue, so this migration keeps meaning
 * the same thing when later migrations add tables; a test compares them with the ORM metadata so a new
 * tenant table without a policy does not go unnoticed.
 */

const RUNTIME_ROLE = 'pulse_runtime';
const POLICY = 'tenant_isolation';
const SCHEMA = 'public';
const MIGRATIONS_TABLE = 'pulse_migrations';

/** The viewer's client for this transaction, or null when the gateway has not set one. */
const CURRENT_CLIENT = `nullif(current_setting('pulse.client_id', true), '')::integer`;

/** Tables with a `client_id` column of their own. */
const CLIENT_ID_TABLES = [
  'users',
  'user_sessions',
  'user_permissions',
  'integrations',
  'projects',
  'workflows',
  'status_mappings',
  'issuetype_hierarchies',
  'issuetype_mappings',
  'issuetypes',
  'statuses',
  'issues',
  'issue_changelogs',
  'repositories',
  'pull_requests',
  'pull_request_reviews',
  'pull_request_commits',
  'pull_request_comments',
  'system_settings',
  'jira_pull_request_links',
  'ai_learning_memory',
  'ml_prediction_log',
  'ml_anomaly_alerts',
];

/**
 * The join tables carry no client: a row belongs to the client of its project. Writing one also needs
 * the other side to be the same client's, or a tenant could attach another tenant's issue type or
 * status to its own project.
 */
const JOIN_TABLES = [
  { table: 'projects_issuetypes', other: { column: 'issuetype_id', table: 'issuetypes' } },
  { table: 'projects_statuses', other: { column: 'status_id', table: 'statuses' } },
];

/** Global reference data: no client, no RLS. */
const GLOBAL_TABLES = ['dora_market_benchmarks', 'dora_metric_insights'];

const TENANT_TABLES = ['clients', ...CLIENT_ID_TABLES, ...JOIN_TABLES.map((join) => join.table)];
const ALL_TABLES = [...TENANT_TABLES, ...GLOBAL_TABLES];

const ROW_PRIVILEGES = 'select, insert, update, delete';

// Concurrent migrations of two databases in one cluster may both find the role missing; the loser's
// CREATE ROLE then fails on the unique name, which is the outcome it wanted anyway.
const CREATE_RUNTIME_ROLE = `do $$
begin
  if not exists (select 1 from pg_roles where rolname = '${RUNTIME_ROLE}') then
    begin
      create role ${RUNTIME_ROLE} nologin;
    exception
      when duplicate_object or unique_violation then null;
      when insufficient_privilege then
        raise exception 'role ${RUNTIME_ROLE} does not exist and % may not create it', current_user
          using hint = 'create it once as a superuser: create role ${RUNTIME_ROLE} nologin';
    end;
  end if;
end $$`;

function ownClientPolicy(table: string, key: string): string {
  const condition = `${key} = ${CURRENT_CLIENT}`;
  return `create policy ${POLICY} on "${table}" using (${condition}) with check (${condition})`;
}

function joinTablePolicy({ table, other }: (typeof JOIN_TABLES)[number]): string {
  const projectIsOwn = `exists (select 1 from "projects" t where t.id = "${table}".project_id and t.client_id = ${CURRENT_CLIENT})`;
  const otherIsOwn = `exists (select 1 from "${other.table}" t where t.id = "${table}".${other.column} and t.client_id = ${CURRENT_CLIENT})`;
  return `create policy ${POLICY} on "${table}" using (${projectIsOwn}) with check (${projectIsOwn} and ${otherIsOwn})`;
}

export class Migration20261201000000RowLevelSecurity extends Migration {
  override up(): void {
    this.addSql(CREATE_RUNTIME_ROLE);
    this.addSql(`grant usage on schema ${SCHEMA} to ${RUNTIME_ROLE}`);
    for (const table of ALL_TABLES) this.addSql(`grant ${ROW_PRIVILEGES} on "${table}" to ${RUNTIME_ROLE}`);
    // The gateway checks for pending migrations at start; it never writes the migrator's table.
    this.addSql(`grant select on "${MIGRATIONS_TABLE}" to ${RUNTIME_ROLE}`);
    this.addSql(`grant usage, select on all sequences in schema ${SCHEMA} to ${RUNTIME_ROLE}`);
    // Tables and sequences that later migrations create (as this same owner) are usable at once; their
    // migration still has to add a policy, which the tenant-table test insists on.
    this.addSql(
      `alter default privileges in schema ${SCHEMA} grant ${ROW_PRIVILEGES} on tables to ${RUNTIME_ROLE}`,
    );
    this.addSql(
      `alter default privileges in schema ${SCHEMA} grant usage, select on sequences to ${RUNTIME_ROLE}`,
    );

    for (const table of TENANT_TABLES) this.addSql(`alter table "${table}" enable row level security`);
    this.addSql(ownClientPolicy('clients', 'id'));
    for (const table of CLIENT_ID_TABLES) this.addSql(ownClientPolicy(table, 'client_id'));
    for (const join of JOIN_TABLES) this.addSql(joinTablePolicy(join));
  }

  // The role itself stays: it is shared by every database of the cluster and login roles are members
  // of it, so dropping it here would break the gateways of other databases.
  override down(): void {
    for (const table of TENANT_TABLES) {
      this.addSql(`drop policy if exists ${POLICY} on "${table}"`);
      this.addSql(`alter table "${table}" disable row level security`);
    }
    this.addSql(
      `alter default privileges in schema ${SCHEMA} revoke usage, select on sequences from ${RUNTIME_ROLE}`,
    );
    this.addSql(
      `alter default privileges in schema ${SCHEMA} revoke ${ROW_PRIVILEGES} on tables from ${RUNTIME_ROLE}`,
    );
    this.addSql(`revoke usage, select on all sequences in schema ${SCHEMA} from ${RUNTIME_ROLE}`);
    this.addSql(`revoke select on "${MIGRATIONS_TABLE}" from ${RUNTIME_ROLE}`);
    for (const table of ALL_TABLES)
      this.addSql(`revoke ${ROW_PRIVILEGES} on "${table}" from ${RUNTIME_ROLE}`);
    this.addSql(`revoke usage on schema ${SCHEMA} from ${RUNTIME_ROLE}`);
  }
}
