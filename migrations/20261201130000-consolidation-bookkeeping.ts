import { Migration } from '@mikro-orm/migrations';

/*
 * Bookkeeping of `pulse migrate from`: which source row became which target row (the id map), how far
 * each table of a source has been copied (so a killed run resumes where its last committed batch ended),
 * and one row per run with its statistics and verification. The id map carries the target client, so
 * row level security can show each client's admins only their own mappings.
 */
const UP = [
  `create table "consolidation_runs" (
    "id" serial primary key,
    "source" text not null,
    "source_kind" text not null,
    "status" text not null default 'running',
    "started_at" timestamptz not null default now(),
    "finished_at" timestamptz null,
    "options" jsonb not null default '{}'::jsonb,
    "statistics" jsonb null,
    "verification" jsonb null,
    "validation" jsonb null,
    "error" text null,
    constraint "ck_consolidation_runs_status" check (status in ('running', 'completed', 'failed', 'interrupted'))
  )`,
  'create index "idx_consolidation_runs_source" on "consolidation_runs" ("source", "started_at")',
  `create table "consolidation_id_map" (
    "source" text not null,
    "table_name" text not null,
    "legacy_id" integer not null,
    "new_id" integer not null,
    "client_id" integer null,
    "run_id" integer not null,
    "created_at" timestamptz not null default now(),
    primary key ("source", "table_name", "legacy_id")
  )`,
  'create index "idx_consolidation_id_map_new_id" on "consolidation_id_map" ("table_name", "new_id")',
  'create index "idx_consolidation_id_map_client_id" on "consolidation_id_map" ("client_id")',
  'alter table "consolidation_id_map" add constraint "fk_consolidation_id_map_client_id" foreign key ("client_id") references "clients" ("id") on update no action on delete cascade',
  'alter table "consolidation_id_map" add constraint "fk_consolidation_id_map_run_id" foreign key ("run_id") references "consolidation_runs" ("id") on update no action on delete no action',
  `create table "consolidation_progress" (
    "source" text not null,
    "table_name" text not null,
    "phase" text not null,
    "last_key" jsonb not null,
    "updated_at" timestamptz not null default now(),
    primary key ("source", "table_name", "phase")
  )`,
  // The gateway's runtime role (when the row-level-security setup created it) may read the id map of
  // the client its transaction is set to, and nothing else of these tables.
  `do $$
begin
  if exists (select 1 from pg_roles where rolname = 'pulse_runtime') then
    grant select on "consolidation_id_map" to pulse_runtime;
  end if;
end $$`,
  'alter table "consolidation_id_map" enable row level security',
  `create policy tenant_isolation on "consolidation_id_map"
    using (client_id = nullif(current_setting('pulse.client_id', true), '')::integer)
    with check (client_id = nullif(current_setting('pulse.client_id', true), '')::integer)`,
];

export class Migration20261201130000ConsolidationBookkeeping extends Migration {
  override up(): void {
    for (const statement of UP) this.addSql(statement);
  }

  override down(): void {
    this.addSql('drop table if exists "consolidation_progress"');
    this.addSql('drop table if exists "consolidation_id_map"');
    this.addSql('drop table if exists "consolidation_runs"');
  }
}
