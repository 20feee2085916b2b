#!/usr/bin/env bash
# A throw-away PostgreSQL server for tests and benchmarks, on a loopback port.
#
#   eval "$(.ci/postgres.sh start)"   # prints `export HOSTRUN_TEST_POSTGRES_URL=…` and HOSTRUN_PG_BIN
#   .ci/postgres.sh stop
#
# `start` installs Debian's postgresql package if it is missing, runs initdb into a temporary
# folder (as the postgres user when run as root: the server refuses to run as root), starts it
# with pg_ctl on 127.0.0.1:$HOSTRUN_PG_PORT (default 54329) with its Unix socket in the same
# folder, creates the role and database `hostrun`, and prints the shell lines that point the
# tests at it. The server trusts local connections: it is for tests only, never for data.
# fsync is off for speed: a crash of this server loses its data, which nobody keeps.
set -euo pipefail

PORT="${HOSTRUN_PG_PORT:-54329}"
STATE="${HOSTRUN_PG_DIR:-${TMPDIR:-/tmp}/hostrun-postgres-$PORT}"
BIN="${HOSTRUN_PG_BIN:-}"

find_bin() {
    if [ -z "$BIN" ]; then
        BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
    fi
    if [ -z "$BIN" ] || [ ! -x "$BIN/pg_ctl" ]; then
        echo "postgres.sh: installing Debian's postgresql package" >&2
        apt-get update -qq >&2
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
        BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
    fi
}

# Runs a server command as the owner of the data folder.
as_owner() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start() {
    find_bin
    if [ -f "$STATE/data/postmaster.pid" ] && as_owner "$BIN/pg_ctl" -D "$STATE/data" status >/dev/null 2>&1; then
        echo "postgres.sh: already running in $STATE" >&2
    else
        rm -rf "$STATE"
        mkdir -p "$STATE"
        if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$STATE"; fi
        as_owner "$BIN/initdb" -D "$STATE/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
        as_owner "$BIN/pg_ctl" -D "$STATE/data" -l "$STATE/server.log" -w -t 60 \
            -o "-p $PORT -k $STATE -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 -c shared_buffers=256MB" \
            start >/dev/null
        "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -q \
            -c "CREATE ROLE hostrun LOGIN CREATEDB" -c "CREATE DATABASE hostrun OWNER hostrun" >&2
    fi
    echo "export HOSTRUN_TEST_POSTGRES_URL=postgres://hostrun@127.0.0.1:$PORT/hostrun?sslmode=disable"
    echo "export HOSTRUN_PG_BIN=$BIN"
}

stop() {
    find_bin
    if [ -d "$STATE/data" ]; then
        as_owner "$BIN/pg_ctl" -D "$STATE/data" -m fast -w stop >/dev/null 2>&1 || true
        rm -rf "$STATE"
    fi
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
