#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for tests and local runs: initdb into a temporary directory,
# pg_ctl start on a free local port (127.0.0.1 and a socket in that directory, trust auth),
# one database "reelcast". Runs the server as the `postgres` user when called as root (CI):
# PostgreSQL refuses to run as root.
#
#   eval "$(scripts/ci/postgres-cluster.sh start --owner $$)"
#       exports REELCAST_PG_CLUSTER_DIR and REELCAST_TEST_DATABASE_URL
#   scripts/ci/postgres-cluster.sh stop "$REELCAST_PG_CLUSTER_DIR"
#       stops the server (fast shutdown) and deletes the directory
#
# --owner PID records the process the cluster belongs to: a later `start` stops and deletes any
# cluster whose owner is gone (a run killed before its exit trap), so none is left holding a
# port or disk. PG_BIN overrides where initdb and pg_ctl are found.
set -euo pipefail

PREFIX=reelcast-pg.

pg_bin() {
  if [[ -n "${PG_BIN:-}" ]]; then echo "$PG_BIN"; return; fi
  if command -v initdb >/dev/null 2>&1; then dirname "$(readlink -f "$(command -v initdb)")"; return; fi
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [[ -z "$found" ]]; then
    echo "postgres-cluster: no initdb on PATH or in /usr/lib/postgresql/*/bin (apt-get install postgresql)" >&2
    exit 1
  fi
  echo "$found"
}

# Runs a command as the cluster's owner: `postgres` when we are root, else ourselves.
as_owner() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

stop_cluster() {
  local dir=$1
  [[ -n "$dir" && -d "$dir" && $(basename "$dir") == ${PREFIX}* ]] || { echo "postgres-cluster: not a cluster directory: $dir" >&2; return 1; }
  if [[ -f "$dir/data/postmaster.pid" ]]; then
    as_owner "$(pg_bin)/pg_ctl" stop -D "$dir/data" -m fast -w >/dev/null 2>&1 || {
      # A server that will not stop cleanly still must not keep the port.
      local pid
      pid=$(head -n 1 "$dir/data/postmaster.pid" 2>/dev/null || true)
      [[ -n "$pid" ]] && kill -9 "$pid" 2>/dev/null || true
    }
  fi
  rm -rf "$dir"
}

reap_orphans() {
  local dir owner
  for dir in "${TMPDIR:-/tmp}"/${PREFIX}*; do
    [[ -d "$dir" && -f "$dir/owner" ]] || continue
    owner=$(cat "$dir/owner")
    if ! kill -0 "$owner" 2>/dev/null; then
      echo "postgres-cluster: stopping a cluster left behind by process $owner ($dir)" >&2
      stop_cluster "$dir" || true
    fi
  done
}

start_cluster() {
  local owner=""
  while (($#)); do
    case $1 in
      --owner) owner=$2; shift 2 ;;
      *) echo "postgres-cluster: unknown option $1" >&2; exit 2 ;;
    esac
  done
  reap_orphans
  local bin dir port
  bin=$(pg_bin)
  dir=$(mktemp -d "${TMPDIR:-/tmp}/${PREFIX}XXXXXX")
  [[ -n "$owner" ]] && echo "$owner" >"$dir/owner"
  chmod 700 "$dir"
  [[ $(id -u) -eq 0 ]] && chown postgres: "$dir"
  as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 || {
    cat "$dir/initdb.log" >&2; rm -rf "$dir"; exit 1
  }
  # A port can be taken between choosing it and binding it: try a few.
  local attempt
  for attempt in 1 2 3 4 5; do
    port=$(free_port)
    if as_owner "$bin/pg_ctl" start -D "$dir/data" -l "$dir/server.log" -w -t 30 \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=200" >/dev/null 2>&1; then
      break
    fi
    port=""
  done
  if [[ -z "$port" ]]; then
    echo "postgres-cluster: the server did not start:" >&2; tail -n 20 "$dir/server.log" >&2 || true
    rm -rf "$dir"; exit 1
  fi
  as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres reelcast || { stop_cluster "$dir"; exit 1; }
  echo "export REELCAST_PG_CLUSTER_DIR=$dir"
  echo "export REELCAST_TEST_DATABASE_URL=postgres://postgres@127.0.0.1:$port/reelcast"
}

case ${1:-} in
  start) shift; start_cluster "$@" ;;
  stop) stop_cluster "${2:?usage: postgres-cluster.sh stop <cluster dir>}" ;;
  reap) reap_orphans ;;
  *) echo "usage: postgres-cluster.sh start [--owner PID] | stop <dir> | reap" >&2; exit 2 ;;
esac
