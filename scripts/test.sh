#!/usr/bin/env bash
# The whole test suite: unit tests, then integration tests against a real PostgreSQL 15 primary and
# streaming replica with pgvector (started, or reused, by scripts/db/up.sh). `npm test` runs this.
set -euo pipefail
cd "$(dirname "$0")/.."

# up.sh gives the gateway's runtime role (DATABASE_URL, DATABASE_REPLICA_URLS) and the tables' owner
# (DATABASE_OWNER_URL); a caller that brings its own DATABASE_URL may set the owner too, or use one role.
if [ -z "${DATABASE_URL:-}" ]; then
  eval "$(bash scripts/db/up.sh)"
fi
export DATABASE_URL DATABASE_REPLICA_URLS DATABASE_OWNER_URL

# Native ESM jest: MikroORM 7 is ESM only. Two workers on this two-core machine.
export NODE_OPTIONS="--experimental-vm-modules ${NODE_OPTIONS:-}"
exec jest --maxWorkers=2 "$@"
