#!/usr/bin/env bash
# Stop the local PostgreSQL primary + replica started by scripts/db/up.sh.
#
#   scripts/db/down.sh           stop both (data kept; up.sh restarts with it)
#   scripts/db/down.sh --purge   stop both and delete the whole state dir
#
# --purge deletes everything under ${PULSE_PG_DIR:-<project root>/.pg},
# including the pgvector build cache (build/pgvector): pgvector is already
# installed system-wide by then, and up.sh only rebuilds it if its
# vector.control file disappears, so the cache is never reused anyway.
# Idempotent: stopping stopped clusters or purging a missing dir is a no-op.
set -Eeuo pipefail

log() { printf '[db:down] %s\n' "$*" >&2; }
die() {
  printf '[db:down] ERROR: %s\n' "$*" >&2
  exit 1
}
# shellcheck disable=SC2154 # rc is assigned inside the trap string
trap 'rc=$?; printf "[db:down] ERROR: command failed (exit %s) at line %s: %s\n" "$rc" "$LINENO" "$BASH_COMMAND" >&2; exit "$rc"' ERR

usage() { sed -n '2,6s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"; }

PURGE=0
for arg in "$@"; do
  case $arg in
    --purge) PURGE=1 ;;
    -h | --help)
      usage
      exit 0
      ;;
    *) die "unknown argument: $arg (see --help)" ;;
  esac
done

SCRIPT_DIR=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)
ROOT=$(cd -- "$SCRIPT_DIR/../.." && pwd -P)
STATE=${PULSE_PG_DIR:-$ROOT/.pg}
PG_BIN=/usr/lib/postgresql/15/bin

export LC_ALL=C
while read -r v; do unset "$v"; done < <(compgen -e | grep '^PG' || true)

if [[ ! -d $STATE ]]; then
  log "nothing to do: $STATE does not exist"
  exit 0
fi
STATE=$(cd -- "$STATE" && pwd -P)

# shellcheck source=privileges.sh
source "$(dirname "${BASH_SOURCE[0]}")/privileges.sh"

# Wait for a concurrent up.sh/down.sh on the same state dir to finish.
exec 9>>"$STATE/.lock"
flock -w 1800 9 || die "timed out waiting for another up.sh/down.sh on $STATE"

stop_cluster() { # <name>
  local data=$STATE/$1
  if [[ ! -f $data/PG_VERSION ]] || { ((IS_ROOT)) && ! id -u postgres >/dev/null 2>&1; }; then
    return 0 # no cluster there (or no postgres user, so nothing can be running)
  fi
  if ! as_pg "$PG_BIN/pg_ctl" status -D "$data" >/dev/null 2>&1; then
    log "$1 is not running"
    return 0
  fi
  log "stopping $1"
  # fast = roll back open transactions and disconnect clients, then a clean
  # shutdown; fall back to immediate if that hangs.
  if ! as_pg "$PG_BIN/pg_ctl" stop -s -w -t 60 -D "$data" -m fast; then
    log "fast shutdown of $1 failed; using immediate"
    as_pg "$PG_BIN/pg_ctl" stop -s -w -t 30 -D "$data" -m immediate
  fi
}

# Replica first: stopping the primary first would leave the replica retrying
# its connection (and logging errors) until it is stopped too.
stop_cluster replica
stop_cluster primary

if ((PURGE)); then
  # Refuse to rm -rf anything up.sh did not create (e.g. a mistyped PULSE_PG_DIR).
  [[ $STATE != / && $STATE != "$ROOT" && $STATE != "${HOME:-/}" ]] ||
    die "refusing to purge $STATE"
  [[ -f $STATE/.pulse-pg-state ]] ||
    die "refusing to purge $STATE: no .pulse-pg-state marker (not created by up.sh?)"
  log "purging $STATE"
  rm -rf -- "$STATE"
fi
