#!/usr/bin/env bash
# Benchmark of `pulse migrate from` and `pulse validate` (`npm run bench:consolidation`, which builds
# first). Source: database pulse_bench_consolidation_source with the demo data set at benchmark size
# (4 clients x 25,000 issues with their changelogs, pull requests and reviews; 1% of rows embedded),
# seeded once and reused. Target: a fresh database each run, migrated and seeded with the small demo
# data set (so ids and client names collide). Prints the command's own figures and the wall time.
# SOURCE_SHAPE=predecessor reads a predecessor database instead (pulse_bench_consolidation_predecessor_N,
# generated once like the adoption benchmark's: 4 clients x N issues with their changelogs, pull
# requests, reviews, commits, comments and links; no embeddings) and validates the target at the end.
# Variables: ISSUES_PER_CLIENT (default 25000), BATCH_SIZE (default 500), SOURCE_SHAPE (default unified).
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
shape="${SOURCE_SHAPE:-unified}"
source_db="pulse_bench_consolidation_source_${issues}"
[ "$shape" = predecessor ] && source_db="pulse_bench_consolidation_predecessor_${issues}"
target_db="pulse_bench_consolidation_target"
source_url="$(url_for "$source_db")"
target_url="$(url_for "$target_db")"
# The progress lines of `migrate from` go here; the last ones are shown if it fails.
errors="$(mktemp)"
trap 'rm -f "$errors"' EXIT
export JWT_SECRET="${JWT_SECRET:-bench-only-secret-bench-only-secret-0123}" LOG_LEVEL=warn

if [ "$shape" = predecessor ] && [ "$(psql "$admin" -Atc "select 1 from pg_database where datname = '$source_db'")" != 1 ]; then
  echo "generating $source_db (4 clients x $issues issues), once"
  psql "$admin" -qc "create database \"$source_db\""
  node --input-type=module -e "
    const { withPgClient } = await import('./dist/src/db/pg-client.js');
    const { buildPredecessorDatabase } = await import('./dist/src/testing/predecessor-fixture.js');
    await withPgClient(process.argv[1], (client) => buildPredecessorDatabase(client, { clients: 4, issuesPerClient: Number(process.argv[2]) }));
  " "$source_url" "$issues"
  # The generator plants rows validate reports as errors (see the consolidation test); repaired so the
  # run ends validated, as an operator would repair them before consolidating.
  psql "$source_url" -q -c "update system_settings set setting_type = 'number' where setting_type = 'integer'" \
    -c "update pull_requests p set external_repo_id = r.external_id from repositories r where r.id = p.repository_id and p.external_repo_id is distinct from r.external_id" \
    -c "update issuetypes set hierarchy_level = 0 where hierarchy_level = 7" -c "vacuum analyze"
fi
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
  union all select 'pull_requests ' || count(*) from pull_requests union all select 'pull_request_reviews ' || count(*) from pull_request_reviews
  union all select 'pull_request_commits ' || count(*) from pull_request_commits union all select 'pull_request_comments ' || count(*) from pull_request_comments
  union all select 'jira_pull_request_links ' || count(*) from jira_pull_request_links"

# The demo source has the target's client names and logins; the predecessor's clients and logins are its own.
resolve=()
if [ "$shape" = unified ]; then
  resolve=(--rename-client "Acme Corp=Acme Corp (source)" --rename-client "Globex=Globex (source)"
    --rename-client "Initech=Initech (source)" --rename-client "Umbrella=Umbrella (source)"
    --rename-email-domain acme.example=source.acme.example --rename-email-domain globex.example=source.globex.example
    --rename-email-domain initech.example=source.initech.example --rename-email-domain umbrella.example=source.umbrella.example)
fi
start=$(date +%s.%N)
DATABASE_URL="$target_url" DATABASE_OWNER_URL="$target_url" node bin/pulse.js migrate from "$source_url" \
  --batch-size "$batch" "${resolve[@]}" \
  2> "$errors" | grep -E '^(run|verification|validate|ok:|FAILED:)' || { tail -5 "$errors"; exit 1; }
echo "migrate from wall time: $(echo "$(date +%s.%N) - $start" | bc) s"

# validate needs the unified schema: on a predecessor source, the consolidated target is validated.
if [ "$shape" = predecessor ]; then
  start=$(date +%s.%N)
  DATABASE_URL="$target_url" DATABASE_OWNER_URL="$target_url" node bin/pulse.js validate | tail -1
  echo "validate (consolidated target) wall time: $(echo "$(date +%s.%N) - $start" | bc) s"
  exit 0
fi

start=$(date +%s.%N)
DATABASE_URL="$source_url" DATABASE_OWNER_URL="$source_url" node bin/pulse.js validate | tail -1
echo "validate (source, $issues x 4 issues) wall time: $(echo "$(date +%s.%N) - $start" | bc) s"
