#!/usr/bin/env bash
# Runs once on the primary's first start: allow the replica to stream, and keep WAL for it in a slot.
set -euo pipefail
echo "host replication ${POSTGRES_USER} all scram-sha-256" >> "$PGDATA/pg_hba.conf"
psql -v ON_ERROR_STOP=1 -U "$POSTGRES_USER" -d "$POSTGRES_DB" <<SQL
select pg_create_physical_replication_slot('pulse_replica') where not exists
  (select 1 from pg_replication_slots where slot_name = 'pulse_replica');
create extension if not exists vector;
SQL
