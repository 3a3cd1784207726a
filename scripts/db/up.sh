#!/usr/bin/env bash
# Provision a local, disposable PostgreSQL 15 primary + streaming replica (with
# pgvector) for integration tests and benchmarks.
#
#   eval "$(bash scripts/db/up.sh)"   # or: eval "$(npm run -s db:up)"
#
# stdout carries exactly three lines (also written to <state>/env):
#   export DATABASE_URL=postgresql://pulse_app@127.0.0.1:<primary port>/pulse           (the gateway)
#   export DATABASE_REPLICA_URLS=postgresql://pulse_app@127.0.0.1:<replica port>/pulse  (its replicas)
#   export DATABASE_OWNER_URL=postgresql://postgres@127.0.0.1:<primary port>/pulse      (migrations, CLI)
# `pulse_app` is the gateway's login role: a member of the NOLOGIN group `pulse_runtime` (which the
# migrations grant row privileges to), neither superuser nor BYPASSRLS nor owner of any table, so row
# level security applies to it. Every other message goes to stderr.
#
# Works on a fresh Debian 12 machine (CI: root, no stdin): installs what is missing
# (pgvector is built from Debian trixie's source package: bookworm has no
# pgvector package, and trixie only ships a binary for PG 17). Idempotent: running clusters are reused, stopped ones are
# restarted with their data, a broken replica is re-cloned from the primary.
#
# State lives in ${PULSE_PG_DIR:-<project root>/.pg}:
#   primary/ replica/    data directories (owned by `postgres` when run as root)
#   run/{primary,replica}/  unix sockets      log/  server + setup logs
#   build/pgvector/      pgvector source build (only when it had to be installed)
#   ports.env            PRIMARY_PORT=/REPLICA_PORT= chosen once, reused later
#   env                  the three export lines
# Stop with scripts/db/down.sh (add --purge to delete the state dir).
set -Eeuo pipefail

# --- output discipline -------------------------------------------------------
# Callers eval our stdout, so nothing but the final export lines may reach it.
# Keep the real stdout on fd 3 and point fd 1 at stderr for everything else
# (including chatty child processes). fd 3 must be closed for the postmaster,
# otherwise `$(up.sh)` would wait for the server to exit (see start_cluster).
exec 3>&1 1>&2

log() { printf '[db:up] %s\n' "$*" >&2; }
die() {
  printf '[db:up] ERROR: %s\n' "$*" >&2
  exit 1
}
# Any unexpected failing command aborts loudly with its line number.
# shellcheck disable=SC2154 # rc is assigned inside the trap string
trap 'rc=$?; printf "[db:up] ERROR: command failed (exit %s) at line %s: %s\n" "$rc" "$LINENO" "$BASH_COMMAND" >&2; exit "$rc"' ERR
fail_with_log() { # <message> <log file>
  if [[ -f $2 ]]; then
    log "last lines of $2:"
    tail -n 40 "$2" >&2 || true
  fi
  die "$1"
}

# --- constants ----------------------------------------------------------------
SCRIPT_DIR=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)
ROOT=$(cd -- "$SCRIPT_DIR/../.." && pwd -P)
STATE=${PULSE_PG_DIR:-$ROOT/.pg}

PG_MAJOR=15
PG_BIN=/usr/lib/postgresql/$PG_MAJOR/bin
PG_CONFIG=$PG_BIN/pg_config
VECTOR_CONTROL=/usr/share/postgresql/$PG_MAJOR/extension/vector.control
DB_NAME=pulse
SLOT=pulse_replica    # physical replication slot on the primary; also the
                      # replica's application_name in pg_stat_replication
FIRST_PORT=55432      # away from the default 5432 so a system cluster can coexist
LAST_PORT=55932
START_TIMEOUT=120     # seconds for pg_ctl start (crash recovery may take a while)
STREAM_TIMEOUT=60     # seconds to wait for the replica to stream

# Deterministic, untranslated tool output (we parse pg_controldata's labels).
export LC_ALL=C
# Stray libpq settings from the caller (PGHOST, PGPORT, PGDATA, ...) must not
# redirect our tools to some other server; every call passes explicit options.
while read -r v; do unset "$v"; done < <(compgen -e | grep '^PG' || true)

# shellcheck source=privileges.sh
source "$(dirname "${BASH_SOURCE[0]}")/privileges.sh"

# Package installs need root; a non-root user gets passwordless sudo or an error.
as_root() {
  if ((IS_ROOT)); then
    "$@"
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo -n "$@"
  else
    die "root is needed to run: $* (re-run as root, or install it yourself)"
  fi
}

# Give a file/dir to the user the clusters run as.
give_to_pg() { if ((IS_ROOT)); then chown postgres:postgres "$@"; fi; }

# Write stdin to a file as the cluster user, so files inside data directories
# stay owned (and readable) by postgres even though we run as root.
write_pg_file() { as_pg tee "$1" >/dev/null; }

# --- state dir layout -------------------------------------------------------------
mkdir -p "$STATE"
STATE=$(cd -- "$STATE" && pwd -P)
PRIMARY_DATA=$STATE/primary
REPLICA_DATA=$STATE/replica
RUN_DIR=$STATE/run
PRIMARY_SOCK=$RUN_DIR/primary
REPLICA_SOCK=$RUN_DIR/replica
LOG_DIR=$STATE/log
SETUP_LOG=$LOG_DIR/setup.log    # output of apt, make, initdb, pg_basebackup
PORTS_FILE=$STATE/ports.env
ENV_FILE=$STATE/env
PRIMARY_INIT_MARKER=$STATE/.primary-initialized

# Marks the directory as ours so `down.sh --purge` never deletes a wrong path.
touch "$STATE/.pulse-pg-state"

# Serialise concurrent up/down runs on the same state dir. fd 9 is closed for
# the postmaster (see start_cluster), or the lock would outlive this script.
exec 9>"$STATE/.lock"
flock -w 1800 9 || die "timed out waiting for another up.sh/down.sh on $STATE"

mkdir -p "$LOG_DIR"
: >>"$SETUP_LOG"

# unix socket paths are limited to 107 bytes ("<dir>/.s.PGSQL.NNNNN").
((${#PRIMARY_SOCK} + 15 <= 107)) ||
  die "state dir path too long for unix sockets: $STATE (set PULSE_PG_DIR to a shorter path)"

# --- apt helpers ------------------------------------------------------------------
APT_GET=(env DEBIAN_FRONTEND=noninteractive apt-get -y -qq
  -o DPkg::Lock::Timeout=600 -o Dpkg::Use-Pty=0
  -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold)
APT_UPDATED=0

apt_update() {
  ((APT_UPDATED)) && return 0
  log "apt-get update"
  as_root "${APT_GET[@]}" update </dev/null >>"$SETUP_LOG" 2>&1 ||
    fail_with_log "apt-get update failed" "$SETUP_LOG"
  APT_UPDATED=1
}

pkg_installed() { [[ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" == "install ok installed" ]]; }
pkg_known() { # apt has an installable candidate in its current lists
  local cand
  cand=$(apt-cache policy "$1" 2>/dev/null | awk '/Candidate:/ {print $2}')
  [[ -n $cand && $cand != "(none)" ]]
}

# Install only the packages that are missing; `apt-get update` only when apt
# does not know one of them (or the download fails because the lists are stale).
apt_install() {
  local missing=() p
  for p in "$@"; do pkg_installed "$p" || missing+=("$p"); done
  ((${#missing[@]})) || return 0
  for p in "${missing[@]}"; do
    if ! pkg_known "$p"; then
      apt_update
      break
    fi
  done
  log "installing: ${missing[*]}"
  if ! as_root "${APT_GET[@]}" install --no-install-recommends "${missing[@]}" </dev/null >>"$SETUP_LOG" 2>&1; then
    ((APT_UPDATED)) && fail_with_log "apt-get install ${missing[*]} failed" "$SETUP_LOG"
    apt_update
    as_root "${APT_GET[@]}" install --no-install-recommends "${missing[@]}" </dev/null >>"$SETUP_LOG" 2>&1 ||
      fail_with_log "apt-get install ${missing[*]} failed" "$SETUP_LOG"
  fi
}

# --- PostgreSQL server + pgvector ----------------------------------------------------
ensure_server() {
  if [[ ! -x $PG_BIN/postgres || ! -x $PG_BIN/initdb || ! -x $PG_BIN/pg_basebackup ]]; then
    # (Debian's package also creates/starts a default 15/main cluster on 5432;
    # harmless, we use our own ports.)
    apt_install postgresql-$PG_MAJOR postgresql-client-$PG_MAJOR
  fi
  [[ -x $PG_BIN/postgres ]] || die "PostgreSQL $PG_MAJOR server not found in $PG_BIN"
  if ((IS_ROOT)) && ! id -u postgres >/dev/null 2>&1; then
    die "OS user 'postgres' does not exist (normally created by the postgresql-$PG_MAJOR package)"
  fi
}

# apt source entry for Debian trixie (sources only): bookworm has no pgvector,
# trixie's source package (0.8.x) builds fine against PG 15. Mirror and keyring are copied from the
# machine's own Debian entry so it goes through the same mirror/proxy.
TRIXIE_SRC_LIST=/etc/apt/sources.list.d/pulse-pgvector-trixie-src.sources
ensure_trixie_deb_src() {
  [[ -f $TRIXIE_SRC_LIST ]] && return 0
  local uri="" keyring=""
  if [[ -f /etc/apt/sources.list.d/debian.sources ]]; then
    # deb822 paragraphs: take the first stanza whose URI ends in /debian (not -security).
    read -r uri keyring < <(awk 'BEGIN { RS = ""; FS = "\n" }
      { u = ""; k = ""
        for (i = 1; i <= NF; i++) {
          if ($i ~ /^URIs:/)      { s = $i; sub(/^URIs:[ \t]*/, "", s); split(s, a, /[ \t]+/); u = a[1] }
          if ($i ~ /^Signed-By:/) { s = $i; sub(/^Signed-By:[ \t]*/, "", s); k = s }
        }
        if (u ~ /\/debian\/?$/) { print u, k; exit } }' /etc/apt/sources.list.d/debian.sources) || true
  fi
  [[ -n $uri ]] || uri=http://deb.debian.org/debian
  [[ -n $keyring && -f $keyring ]] || keyring=/usr/share/keyrings/debian-archive-keyring.gpg
  log "adding $TRIXIE_SRC_LIST (deb-src trixie from $uri)"
  as_root tee "$TRIXIE_SRC_LIST" >/dev/null <<EOF
# Added by pulse-gateway scripts/db/up.sh: source packages only, used to build
# pgvector for PostgreSQL $PG_MAJOR. No binary packages come from trixie.
Types: deb-src
URIs: $uri
Suites: trixie
Components: main
Signed-By: $keyring
EOF
}

ensure_pgvector() {
  [[ -f $VECTOR_CONTROL ]] && return 0
  local t0=$SECONDS build=$STATE/build/pgvector src
  log "pgvector is not installed; building it from Debian trixie sources (one-time, a few minutes)"
  # server-dev pulls in clang/llvm (PG is built --with-llvm, so PGXS also
  # emits bitcode). Its candidate may be a newer 15.x minor than the installed
  # server (e.g. 15.20 vs 15.18): fine, the extension ABI is stable within a major.
  apt_install build-essential dpkg-dev "postgresql-server-dev-$PG_MAJOR"
  ensure_trixie_deb_src
  # Refresh the lists only if apt cannot resolve the trixie source package yet.
  apt-get -qq source --print-uris pgvector/trixie </dev/null >/dev/null 2>&1 || apt_update

  rm -rf "$build"
  mkdir -p "$build"
  # As root, apt wants to download as the sandbox user _apt, which cannot write
  # into our build dir ("Download is performed unsandboxed as root" warning);
  # this is a throwaway build dir, so download as root directly.
  local sandbox=()
  ((IS_ROOT)) && sandbox=(-o APT::Sandbox::User=root)
  (cd "$build" && apt-get -qq "${sandbox[@]}" source pgvector/trixie) </dev/null >>"$SETUP_LOG" 2>&1 ||
    fail_with_log "apt-get source pgvector failed" "$SETUP_LOG"
  src=$(find "$build" -mindepth 1 -maxdepth 1 -type d -name 'pgvector-*' | head -n 1)
  [[ -n $src && -f $src/Makefile ]] || fail_with_log "pgvector source tree not found in $build" "$SETUP_LOG"

  # OPTFLAGS="": never build with pgvector's upstream default -march=native
  # (Debian's no-native patch already drops it; this keeps it so if the patch
  # goes away), so the binary stays valid if this machine image is reused on
  # another CPU. pgvector >= 0.7 picks SIMD code paths at runtime anyway.
  log "building $(basename "$src")"
  make -C "$src" -j"$(nproc)" PG_CONFIG="$PG_CONFIG" OPTFLAGS="" </dev/null >>"$SETUP_LOG" 2>&1 ||
    fail_with_log "pgvector build failed" "$SETUP_LOG"
  as_root make -C "$src" PG_CONFIG="$PG_CONFIG" OPTFLAGS="" install </dev/null >>"$SETUP_LOG" 2>&1 ||
    fail_with_log "pgvector install failed" "$SETUP_LOG"
  [[ -f $VECTOR_CONTROL ]] || fail_with_log "pgvector installed but $VECTOR_CONTROL is missing" "$SETUP_LOG"
  log "pgvector $(basename "$src") installed in $((SECONDS - t0))s"
}

# --- cluster helpers ------------------------------------------------------------------
# Socket and log dirs are written by the server, hence owned by the cluster user.
# (Runs after ensure_server, which guarantees that the postgres user exists.)
prepare_dirs() {
  mkdir -p "$PRIMARY_SOCK" "$REPLICA_SOCK"
  give_to_pg "$LOG_DIR" "$RUN_DIR" "$PRIMARY_SOCK" "$REPLICA_SOCK"
  ensure_traversable
}

# postgres must be able to reach the state dir; a project checked out under a
# private dir (e.g. /root) needs o+x on the way down.
ensure_traversable() {
  ((IS_ROOT)) || return 0
  as_pg test -x "$STATE" && return 0
  local path="" part parts
  IFS=/ read -ra parts <<<"${STATE#/}"
  for part in "${parts[@]}"; do
    path+=/$part
    if ! as_pg test -x "$path"; then
      log "chmod o+x $path (so the postgres user can reach $STATE)"
      chmod o+x "$path"
    fi
  done
}

port_in_use() {
  local p=$1
  if command -v ss >/dev/null 2>&1 && [[ -n "$(ss -Hltn "sport = :$p" 2>/dev/null)" ]]; then
    return 0
  fi
  # Fallback / double check: can we connect to it?
  timeout 1 bash -c "exec 5<>/dev/tcp/127.0.0.1/$p" 2>/dev/null
}

# pick_port <preferred or ""> <port to avoid or ""> : preferred if free, else
# the first free port from FIRST_PORT up.
pick_port() {
  local want=$1 avoid=$2 p
  if [[ $want =~ ^[0-9]+$ && $want != "$avoid" ]] && ! port_in_use "$want"; then
    echo "$want"
    return 0
  fi
  for ((p = FIRST_PORT; p <= LAST_PORT; p++)); do
    [[ $p == "$avoid" ]] && continue
    if ! port_in_use "$p"; then
      echo "$p"
      return 0
    fi
  done
  die "no free TCP port in $FIRST_PORT-$LAST_PORT"
}

is_running() { [[ -f $1/PG_VERSION ]] && as_pg "$PG_BIN/pg_ctl" status -D "$1" >/dev/null 2>&1; }
running_port() { sed -n 4p "$1/postmaster.pid"; } # line 4 of postmaster.pid = port

psql_at() { # <port> <sql> [db]
  as_pg "$PG_BIN/psql" -X -q -At -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$1" -U postgres -d "${3:-postgres}" -c "$2"
}

# Our settings live in <data>/pulse.conf, included at the end of
# postgresql.conf and regenerated before every start, so editing this script
# is enough to change them (postgresql.auto.conf still wins, as in any cluster).
write_conf() { # <primary|replica> <data dir> <port> <socket dir>
  local name=$1 data=$2 port=$3 sock=${4//\'/\'\'}
  write_pg_file "$data/pulse.conf" <<EOF
# Managed by pulse-gateway scripts/db/up.sh, regenerated on every start.
cluster_name = 'pulse-$name'
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$sock'
max_connections = 200
shared_buffers = 256MB
shared_preload_libraries = ''

# Streaming replication (primary -> replica through slot '$SLOT').
wal_level = replica
max_wal_senders = 10
max_replication_slots = 10
hot_standby = on
# Fewer query cancellations on the replica while the primary vacuums.
hot_standby_feedback = on
# Bound the WAL the slot can pin while the replica is stopped; a replica that
# falls further behind is re-cloned by up.sh.
max_slot_wal_keep_size = 4GB

# DISPOSABLE TEST CLUSTER: crash safety traded for speed. An OS crash or power
# loss can corrupt the data; recover with scripts/db/down.sh --purge && up.sh.
fsync = off
synchronous_commit = off
full_page_writes = off
# With synchronous_commit=off, commits reach the WAL (and thus the replica)
# only when the WAL writer flushes: up to 3 x wal_writer_delay (default 200ms).
# Flush often so tests that read back from the replica see writes quickly.
wal_writer_delay = 10ms
EOF
  if ! grep -qxF "include = 'pulse.conf'" "$data/postgresql.conf"; then
    printf "\ninclude = 'pulse.conf'\n" | as_pg tee -a "$data/postgresql.conf" >/dev/null
  fi
}

start_cluster() { # <name> <data dir>
  # The postmaster outlives this script, so it must not inherit any descriptor
  # beyond stdin/stdout/stderr (pg_ctl points those at /dev/null and the log):
  # least of all fd 3, the caller's `$(...)` pipe (eval "$(up.sh)" would wait
  # for EOF as long as the server runs), or the lock on fd 9. Descriptors
  # leaked to us by the caller (CI runners, IDEs) are dropped too.
  (
    if [[ -d /proc/$BASHPID/fd ]]; then
      for fd in /proc/"$BASHPID"/fd/*; do
        fd=${fd##*/}
        if ((fd > 2)); then eval "exec $fd>&-"; fi
      done
    else
      exec 3>&- 9>&-
    fi
    as_pg "$PG_BIN/pg_ctl" start -s -w -t "$START_TIMEOUT" -D "$2" -l "$LOG_DIR/$1.log" </dev/null
  )
}

stop_cluster() { # <data dir> <fast|immediate>
  is_running "$1" || return 0
  as_pg "$PG_BIN/pg_ctl" stop -s -w -t 60 -D "$1" -m "$2" ||
    as_pg "$PG_BIN/pg_ctl" stop -s -w -t 30 -D "$1" -m immediate
}

system_id() { # "Database system identifier" of a data dir; the replica must match the primary
  as_pg "$PG_BIN/pg_controldata" -D "$1" 2>/dev/null | awk -F': *' '/^Database system identifier/ {print $2}'
}

save_ports() { # (keeps the recorded replica port until a new one is chosen)
  printf 'PRIMARY_PORT=%s\nREPLICA_PORT=%s\n' "${PRIMARY_PORT:-}" "${REPLICA_PORT:-$REC_REPLICA_PORT}" >"$PORTS_FILE.tmp"
  mv -f "$PORTS_FILE.tmp" "$PORTS_FILE"
}

# --- primary ----------------------------------------------------------------------------
init_primary() {
  log "initializing primary cluster in $PRIMARY_DATA"
  rm -f "$PRIMARY_INIT_MARKER"
  stop_cluster "$PRIMARY_DATA" immediate || true
  rm -rf "$PRIMARY_DATA"
  mkdir -m 700 "$PRIMARY_DATA"
  give_to_pg "$PRIMARY_DATA"
  as_pg "$PG_BIN/initdb" -D "$PRIMARY_DATA" -U postgres --auth=trust -E UTF8 --locale=C \
    --no-instructions >>"$SETUP_LOG" 2>&1 || fail_with_log "initdb failed" "$SETUP_LOG"
  # Local-only trust, including replication connections (pg_basebackup, replica).
  write_pg_file "$PRIMARY_DATA/pg_hba.conf" <<'EOF'
# Managed by pulse-gateway scripts/db/up.sh: local test cluster, trust everything local.
# TYPE  DATABASE     USER  ADDRESS       METHOD
local   all          all                 trust
host    all          all   127.0.0.1/32  trust
local   replication  all                 trust
host    replication  all   127.0.0.1/32  trust
EOF
  # (A replica cloned from an earlier primary no longer matches its system
  # identifier; ensure_replica notices and re-clones it.)
  touch "$PRIMARY_INIT_MARKER"
}

ensure_primary() {
  # The marker is written only after a complete initdb, so an interrupted
  # initdb is redone instead of leaving a half-made cluster behind.
  if [[ ! -f $PRIMARY_DATA/PG_VERSION || ! -f $PRIMARY_INIT_MARKER ]]; then
    init_primary
  fi
  if is_running "$PRIMARY_DATA"; then
    PRIMARY_PORT=$(running_port "$PRIMARY_DATA")
    log "primary already running on port $PRIMARY_PORT"
  else
    PRIMARY_PORT=$(pick_port "$REC_PRIMARY_PORT" "")
    [[ -n $REC_PRIMARY_PORT && $REC_PRIMARY_PORT != "$PRIMARY_PORT" ]] &&
      log "recorded primary port $REC_PRIMARY_PORT is taken, using $PRIMARY_PORT"
    write_conf primary "$PRIMARY_DATA" "$PRIMARY_PORT" "$PRIMARY_SOCK"
    log "starting primary on port $PRIMARY_PORT"
    # Never wipe an existing primary automatically: it may hold data someone wants.
    start_cluster primary "$PRIMARY_DATA" ||
      fail_with_log "primary failed to start; if its data is broken, run scripts/db/down.sh --purge" "$LOG_DIR/primary.log"
  fi
  save_ports

  if [[ "$(psql_at "$PRIMARY_PORT" "select 1 from pg_database where datname = '$DB_NAME'")" != 1 ]]; then
    log "creating database $DB_NAME"
    psql_at "$PRIMARY_PORT" "create database $DB_NAME owner postgres"
  fi
  ensure_slot
}

ensure_slot() {
  # immediately_reserve => WAL is kept from now on, before the replica connects.
  psql_at "$PRIMARY_PORT" "select pg_create_physical_replication_slot('$SLOT', true)
    where not exists (select 1 from pg_replication_slots where slot_name = '$SLOT')" >/dev/null
}

# Fresh slot for a fresh clone: releases WAL pinned for the old replica and
# recovers from a slot invalidated by max_slot_wal_keep_size.
reset_slot() {
  local i active
  for ((i = 0; i < 50; i++)); do # walsender of a just-stopped replica may linger
    active=$(psql_at "$PRIMARY_PORT" "select active from pg_replication_slots where slot_name = '$SLOT'")
    [[ $active == t ]] || break
    sleep 0.2
  done
  if [[ $active == t ]]; then
    psql_at "$PRIMARY_PORT" "select pg_terminate_backend(active_pid) from pg_replication_slots
      where slot_name = '$SLOT' and active_pid is not null" >/dev/null
    sleep 1
  fi
  psql_at "$PRIMARY_PORT" "select pg_drop_replication_slot('$SLOT') from pg_replication_slots
    where slot_name = '$SLOT'" >/dev/null
  ensure_slot
}

# --- replica ------------------------------------------------------------------------------
replica_usable() {
  [[ -f $REPLICA_DATA/PG_VERSION && -f $REPLICA_DATA/standby.signal &&
    -f $REPLICA_DATA/global/pg_control && -f $REPLICA_DATA/postgresql.auto.conf &&
    -f $REPLICA_DATA/postgresql.conf ]] || return 1
  local rid pid
  rid=$(system_id "$REPLICA_DATA") || return 1
  pid=$(system_id "$PRIMARY_DATA") || return 1
  [[ -n $rid && $rid == "$pid" ]]
}

rebuild_replica() {
  log "cloning replica from the primary (pg_basebackup)"
  stop_cluster "$REPLICA_DATA" immediate || true
  rm -rf "$REPLICA_DATA"
  mkdir -m 700 "$REPLICA_DATA"
  give_to_pg "$REPLICA_DATA"
  reset_slot
  # -R writes standby.signal + primary_conninfo/primary_slot_name; we rewrite
  # the conninfo right after (set_replica_conninfo) to our canonical form.
  # --checkpoint=fast: don't wait for a spread checkpoint on the primary.
  as_pg "$PG_BIN/pg_basebackup" -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -D "$REPLICA_DATA" \
    -R -X stream -S "$SLOT" --checkpoint=fast >>"$SETUP_LOG" 2>&1 ||
    fail_with_log "pg_basebackup failed" "$SETUP_LOG"
}

# primary_conninfo must follow the primary's current port (it can change when
# the recorded port was taken). Sets CONNINFO_CHANGED=1 when the file changed.
set_replica_conninfo() {
  local auto=$REPLICA_DATA/postgresql.auto.conf conninfo slotline
  conninfo="primary_conninfo = 'host=127.0.0.1 port=$PRIMARY_PORT user=postgres application_name=$SLOT'"
  slotline="primary_slot_name = '$SLOT'"
  CONNINFO_CHANGED=0
  if grep -qxF "$conninfo" "$auto" && grep -qxF "$slotline" "$auto"; then
    return 0
  fi
  {
    grep -vE '^[[:space:]]*(primary_conninfo|primary_slot_name)[[:space:]]*=' "$auto" || true
    printf '%s\n%s\n' "$conninfo" "$slotline"
  } >"$STATE/.auto.conf.tmp"
  write_pg_file "$auto" <"$STATE/.auto.conf.tmp"
  rm -f "$STATE/.auto.conf.tmp"
  CONNINFO_CHANGED=1
}

wait_ready() { # <port> <seconds>: until the server accepts connections
  local deadline=$((SECONDS + $2))
  until as_pg "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$1" -t 2; do
    ((SECONDS < deadline)) || return 1
    sleep 0.2
  done
}

wait_streaming() { # <seconds>: replica in recovery + primary sees a streaming walsender
  local deadline=$((SECONDS + $1)) rec n
  while ((SECONDS < deadline)); do
    rec=$(psql_at "$REPLICA_PORT" "select pg_is_in_recovery()" 2>/dev/null || true)
    n=$(psql_at "$PRIMARY_PORT" "select count(*) from pg_stat_replication
      where application_name = '$SLOT' and state = 'streaming'" 2>/dev/null || true)
    if [[ $rec == t && $n =~ ^[1-9] ]]; then
      return 0
    fi
    sleep 0.2
  done
  return 1
}

ensure_replica() {
  local attempt
  # Two attempts: reuse what's there; if it cannot start or stream, re-clone once.
  for attempt in 1 2; do
    if is_running "$REPLICA_DATA"; then
      REPLICA_PORT=$(running_port "$REPLICA_DATA")
      wait_ready "$REPLICA_PORT" 30 || true
      if ! replica_usable || [[ "$(psql_at "$REPLICA_PORT" "select pg_is_in_recovery()" 2>/dev/null || true)" != t ]]; then
        log "running replica is not a standby of this primary; re-cloning"
        rebuild_replica
      fi
    elif ! replica_usable; then
      [[ -e $REPLICA_DATA ]] && log "replica data dir missing or unusable; re-cloning"
      rebuild_replica
    fi

    set_replica_conninfo
    if is_running "$REPLICA_DATA"; then
      log "replica already running on port $REPLICA_PORT"
      if ((CONNINFO_CHANGED)); then
        log "primary moved to port $PRIMARY_PORT; reloading replica's primary_conninfo"
        as_pg "$PG_BIN/pg_ctl" reload -s -D "$REPLICA_DATA"
      fi
    else
      REPLICA_PORT=$(pick_port "$REC_REPLICA_PORT" "$PRIMARY_PORT")
      [[ -n $REC_REPLICA_PORT && $REC_REPLICA_PORT != "$REPLICA_PORT" ]] &&
        log "recorded replica port $REC_REPLICA_PORT is taken, using $REPLICA_PORT"
      write_conf replica "$REPLICA_DATA" "$REPLICA_PORT" "$REPLICA_SOCK"
      log "starting replica on port $REPLICA_PORT"
      if ! start_cluster replica "$REPLICA_DATA"; then
        ((attempt == 1)) || fail_with_log "replica failed to start" "$LOG_DIR/replica.log"
        log "replica failed to start (see $LOG_DIR/replica.log); re-cloning"
        stop_cluster "$REPLICA_DATA" immediate || true
        rm -rf "$REPLICA_DATA" # forces rebuild_replica on the next attempt
        continue
      fi
    fi
    save_ports

    if wait_streaming "$STREAM_TIMEOUT"; then
      log "replica on port $REPLICA_PORT is streaming from primary on port $PRIMARY_PORT"
      return 0
    fi
    ((attempt == 1)) || break
    log "replica is not streaming after ${STREAM_TIMEOUT}s (see $LOG_DIR/replica.log); re-cloning"
    stop_cluster "$REPLICA_DATA" immediate || true
    rm -rf "$REPLICA_DATA"
  done
  fail_with_log "replica is not streaming from the primary" "$LOG_DIR/replica.log"
}

# --- roles -----------------------------------------------------------------------------------
RUNTIME_GROUP=pulse_runtime # granted row privileges by the migrations; owns nothing
APP_ROLE=pulse_app          # the gateway logs in as this member of the group

# Roles belong to the cluster, so they are created on the primary and reach the replica through WAL.
# Password-less like everything else here (pg_hba trusts local connections). A migration of another
# database may create the group at the same moment: losing that race is fine.
ensure_roles() {
  psql_at "$PRIMARY_PORT" "do \$\$
begin
  begin
    create role $RUNTIME_GROUP nologin;
  exception when duplicate_object or unique_violation then null;
  end;
  begin
    create role $APP_ROLE login;
  exception when duplicate_object or unique_violation then null;
  end;
end \$\$"
  # Re-asserted on every run, so a role someone widened by hand is brought back to what the gateway's
  # start-up check accepts.
  psql_at "$PRIMARY_PORT" "alter role $RUNTIME_GROUP nologin nosuperuser nobypassrls nocreatedb nocreaterole"
  psql_at "$PRIMARY_PORT" "alter role $APP_ROLE login nosuperuser nobypassrls nocreatedb nocreaterole"
  if [[ "$(psql_at "$PRIMARY_PORT" "select pg_has_role('$APP_ROLE', '$RUNTIME_GROUP', 'member')")" != t ]]; then
    psql_at "$PRIMARY_PORT" "grant $RUNTIME_GROUP to $APP_ROLE"
  fi
}

# --- main ----------------------------------------------------------------------------------
REC_PRIMARY_PORT="" REC_REPLICA_PORT="" PRIMARY_PORT="" REPLICA_PORT=""
if [[ -f $PORTS_FILE ]]; then
  REC_PRIMARY_PORT=$(sed -n 's/^PRIMARY_PORT=\([0-9]\{1,5\}\)$/\1/p' "$PORTS_FILE" | tail -n 1)
  REC_REPLICA_PORT=$(sed -n 's/^REPLICA_PORT=\([0-9]\{1,5\}\)$/\1/p' "$PORTS_FILE" | tail -n 1)
fi

ensure_server
ensure_pgvector
prepare_dirs
ensure_primary
ensure_replica
ensure_roles

{
  echo "export DATABASE_URL=postgresql://$APP_ROLE@127.0.0.1:$PRIMARY_PORT/$DB_NAME"
  echo "export DATABASE_REPLICA_URLS=postgresql://$APP_ROLE@127.0.0.1:$REPLICA_PORT/$DB_NAME"
  echo "export DATABASE_OWNER_URL=postgresql://postgres@127.0.0.1:$PRIMARY_PORT/$DB_NAME"
} >"$ENV_FILE.tmp"
mv -f "$ENV_FILE.tmp" "$ENV_FILE"
cat "$ENV_FILE" >&3
