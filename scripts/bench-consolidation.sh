#!/usr/bin/env bash
# Benchmark of `pulse migrate from` and `pulse validate` (`npm run bench:consolidation`, which builds
# first). Source: database pulse_bench_consolidation_source with the demo data set at benchmark size
# (4 clients x 25,000 issues with their changelogs, pull requests and reviews; 1% of rows embedded),
# seeded once and reused. Target: a fresh database each run, migrated and seeded with the small demo
# data set (so ids and client names collide). Prints the command's own figures and the wall time.
# Variables: ISSUES_PER_CLIENT (default 25000), BATCH_SIZE (default 500).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${DATABASE_URL:-}" ]; then
  eval "$(bash scripts/db/up.sh)"
fi
owner="${DATABASE_OWNER_URL:-$DATABASE_URL}"
issues="${ISSUES_PER_CLIENT:-25000}"
batch="${BATCH_SIZE:-500}"
url_for() { node -e 'const u = new URL(process.argv[1]); u.pathname = "/" + process.argv[2]; console.log(u.toString())' "$owner" "$1"; }
admin="$(url_for postgres)"
source_db="pulse_bench_consolidation_source_${issues}"
target_db="pulse_bench_consolidation_target"
source_url="$(url_for "$source_db")"
target_url="$(url_for "$target_db")"
export JWT_SECRET="${JWT_SECRET:-bench-only-secret-bench-only-secret-0123}" LOG_LEVEL=warn

if [ "$(psql "$admin" -Atc "select 1 from pg_database where datname = '$source_db'")" != 1 ]; then
  echo "seeding $source_db (4 clients x $issues issues), once"
  psql "$admin" -qc "create database \"$source_db\""
  DATABASE_URL="$source_url" DATABASE_OWNER_URL="$source_url" node bin/pulse.js migrate up
  DATABASE_URL="$source_url" DATABASE_OWNER_URL="$source_url" node bin/pulse.js seed --clients 4 \
    --issues-per-client "$issues" --embedding-share 0.01 > /dev/null
fi
psql "$admin" -qc "drop database if exists \"$target_db\" with (force)" -c "create database \"$target_db\""
DATABASE_URL="$target_url" DATABASE_OWNER_URL="$target_url" node bin/pulse.js migrate up > /dev/null
DATABASE_URL="$target_url" DATABASE_OWNER_URL="$target_url" node bin/pulse.js seed --issues-per-client 100 > /dev/null

echo "source rows:"
psql "$source_url" -Atc "select 'issues ' || count(*) from issues union all select 'issue_changelogs ' || count(*) from issue_changelogs
  union all select 'pull_requests ' || count(*) from pull_requests union all select 'pull_request_reviews ' || count(*) from pull_request_reviews"

start=$(date +%s.%N)
DATABASE_URL="$target_url" DATABASE_OWNER_URL="$target_url" node bin/pulse.js migrate from "$source_url" \
  --batch-size "$batch" \
  --rename-client "Acme Corp=Acme Corp (source)" --rename-client "Globex=Globex (source)" \
  --rename-client "Initech=Initech (source)" --rename-client "Umbrella=Umbrella (source)" \
  --rename-email-domain acme.example=source.acme.example --rename-email-domain globex.example=source.globex.example \
  --rename-email-domain initech.example=source.initech.example --rename-email-domain umbrella.example=source.umbrella.example \
  2> /dev/null | grep -E '^(run|verification|validate)'
echo "migrate from wall time: $(echo "$(date +%s.%N) - $start" | bc) s"

start=$(date +%s.%N)
DATABASE_URL="$source_url" DATABASE_OWNER_URL="$source_url" node bin/pulse.js validate | tail -1
echo "validate (source, $issues x 4 issues) wall time: $(echo "$(date +%s.%N) - $start" | bc) s"
