#!/usr/bin/env bash
# The GraphQL API benchmark (`npm run bench`): builds, starts or reuses the local PostgreSQL primary +
# streaming replica like scripts/test.sh, then runs dist/src/bench/main.js. Arguments go to the
# benchmark: `npm run bench -- --help` prints the usage and starts nothing (no build, no database).
# Results: stdout, bench/results.md, bench/results.json.
set -euo pipefail
cd "$(dirname "$0")/.."

for argument in "$@"; do
  case "$argument" in
  -h | --help)
    # Node strips the types of this import-free file itself: the usage needs no build.
    exec node src/bench/bench-usage.ts
    ;;
  esac
done

npm run build

if [ -z "${DATABASE_URL:-}" ]; then
  eval "$(bash scripts/db/up.sh)"
fi
# up.sh gives the gateway's runtime role (DATABASE_URL, DATABASE_REPLICA_URLS) and the tables' owner
# (DATABASE_OWNER_URL); a caller that brings its own DATABASE_URL may set the owner too, or use one role.
export DATABASE_URL DATABASE_REPLICA_URLS
if [ -n "${DATABASE_OWNER_URL:-}" ]; then export DATABASE_OWNER_URL; fi

exec node dist/src/bench/main.js "$@"
