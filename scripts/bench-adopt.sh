#!/usr/bin/env bash
# The adoption benchmark (`npm run bench:adopt`, which builds first): a 100,000-issue predecessor
# database adopted, checked, reverted and adopted again on the local primary (started or reused like
# scripts/test.sh). An argument overrides the issues per client (default 25000, 4 clients).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${DATABASE_URL:-}" ]; then
  eval "$(bash scripts/db/up.sh)"
fi
export DATABASE_URL DATABASE_REPLICA_URLS

exec node dist/src/bench/adoption-bench.js "$@"
