#!/usr/bin/env bash
# The load and soak test (`npm run loadtest`, which builds first): starts or reuses the local PostgreSQL
# primary + streaming replica like scripts/test.sh, then runs dist/src/loadtest/main.js (loopback only,
# about seven minutes).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${DATABASE_URL:-}" ]; then
  eval "$(bash scripts/db/up.sh)"
fi
export DATABASE_URL DATABASE_REPLICA_URLS

exec node dist/src/loadtest/main.js "$@"
