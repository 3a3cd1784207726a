#!/usr/bin/env bash
# The GraphQL API benchmark (`npm run bench`): builds, starts or reuses the local PostgreSQL primary +
# streaming replica like scripts/test.sh, then runs dist/src/bench/main.js. Arguments go to the
# benchmark. `npm run bench -- --help` only prints the usage: no build (unless there is none yet), no
# database. Results: stdout, bench/results.md, bench/results.json.
set -euo pipefail
cd "$(dirname "$0")/.."

for argument in "$@"; do
  if [[ $argument == "--help" || $argument == "-h" ]]; then
    # The usage text lives in the compiled benchmark; build only when nothing was ever built.
    [[ -f dist/src/bench/main.js ]] || npx tsc -p tsconfig.build.json >&2
    exec node dist/src/bench/main.js --help
  fi
done

npx tsc -p tsconfig.build.json
if [ -z "${DATABASE_URL:-}" ]; then
  eval "$(bash scripts/db/up.sh)"
fi
export DATABASE_URL DATABASE_REPLICA_URLS

exec node dist/src/bench/main.js "$@"
