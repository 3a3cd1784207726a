# Sourced by up.sh and down.sh. initdb/postgres/pg_ctl refuse to run as root, so as root the clusters
# belong to (and run as) the `postgres` OS user; as any other user they simply run as that user.
IS_ROOT=0
[[ $EUID -eq 0 ]] && IS_ROOT=1

as_pg() {
  if ((IS_ROOT)); then
    # env -C / : the caller's cwd (e.g. /root) may be unreadable for postgres,
    # which makes initdb/pg_ctl fail to identify the current directory.
    runuser -u postgres -- env -C / "$@"
  else
    "$@"
  fi
}
