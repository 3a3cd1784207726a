#!/usr/bin/env bash
# The replica clones the primary once (pg_basebackup -R writes standby.signal and primary_conninfo),
# then runs as a hot standby.
set -euo pipefail
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  until pg_isready -h postgres-primary -U "$POSTGRES_USER"; do sleep 1; done
  PGPASSWORD="$POSTGRES_PASSWORD" pg_basebackup -h postgres-primary -U "$POSTGRES_USER" -D "$PGDATA" \
    -R -X stream -S pulse_replica --checkpoint=fast
  chmod 700 "$PGDATA"
fi
exec postgres -c hot_standby=on -c hot_standby_feedback=on
