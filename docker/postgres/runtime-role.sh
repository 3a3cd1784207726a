#!/usr/bin/env bash
# Runs once on the primary's first start (after 10-replication.sh): the gateway's login role. It is a
# member of the NOLOGIN group pulse_runtime, which the migrations grant row privileges to; it owns no
# table and is neither superuser nor BYPASSRLS, so row level security applies to everything it runs.
# The owner (POSTGRES_USER) keeps running the migrations. The role reaches the replica through WAL.
set -euo pipefail
psql -v ON_ERROR_STOP=1 -v app_password="${PULSE_APP_PASSWORD:-pulse_app}" \
  -U "$POSTGRES_USER" -d "$POSTGRES_DB" <<'SQL'
select 'create role pulse_runtime nologin'
 where not exists (select 1 from pg_roles where rolname = 'pulse_runtime') \gexec
select format('create role pulse_app login password %L in role pulse_runtime', :'app_password')
 where not exists (select 1 from pg_roles where rolname = 'pulse_app') \gexec
SQL
