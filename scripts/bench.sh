#!/usr/bin/env bash
# The GraphQL API benchmark (`npm run bench`, which builds first): starts or reuses the local PostgreSQL
# primary + streaming replica like scripts/test.sh, then runs dist/src/bench/main.js. Arguments go to the
# benchmark: `npm run bench -- --help`. Results: stdout, bench/results.md, bench/results.json.
set -euo pipefail
cd "$(dirname "$0")/.."

# up.sh gives the gateway's runtime role (DATABASE_URL, DATABASE_REPLICA_URLS) and the tables' owner
# (DATABASE_OWNER_URL); a caller that brings its own DATABASE_URL may set the owner too, or use one role.
if [ -z "${DATABASE_URL:-}" ]; then
  eval "$(bash scripts/db/up.sh)"
fi
export DATABASE_URL DATABASE_REPLICA_URLS DATABASE_OWNER_URL

exec node dist/src/bench/main.js "$@"
