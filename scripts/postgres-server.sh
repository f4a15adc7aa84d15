#!/usr/bin/env bash
# A throwaway PostgreSQL server for the kit's PostgreSQL persistence, its tests and demos.
#
#   scripts/postgres-server.sh start   # creates and starts a server; prints the settings
#   eval "$(scripts/postgres-server.sh env)"   # exports POSTGRES_* for this shell
#   scripts/postgres-server.sh stop    # stops the server and deletes its data
#   scripts/postgres-server.sh status  # says whether it runs
#
# The server keeps its data in .build-postgres/ (or $POSTGRES_SERVER_DIR), listens on 127.0.0.1
# on a free port and in a unix socket in that folder, and has a user `eventsourcing` with the
# password `eventsourcing` and a database `eventsourcing` that the user owns. TCP connections
# need the password (scram-sha-256), so a wrong password fails as it would on a real server.
#
# Needs PostgreSQL's server programs (Debian: apt-get install postgresql; macOS: brew install
# postgresql@15). initdb refuses to run as root; as root the script runs the server as the
# `postgres` user (created by Debian's package), which then owns the data folder.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
dir="${POSTGRES_SERVER_DIR:-$root/.build-postgres}"
data="$dir/data"
user=eventsourcing
password=eventsourcing
database=eventsourcing

die() { echo "postgres-server: $*" >&2; exit 1; }

# The folder of initdb and pg_ctl: on the PATH, or Debian's versioned folder.
find_bin() {
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    dirname "$(command -v pg_ctl)"
    return
  fi
  local candidate
  for candidate in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [[ -x "$candidate/initdb" && -x "$candidate/pg_ctl" ]]; then
      echo "$candidate"
      return
    fi
  done
  die "initdb and pg_ctl not found: install PostgreSQL's server (Debian: apt-get install postgresql)."
}

# Runs a server program as the user who owns the data: `postgres` when we are root.
as_owner() {
  if [[ "$(id -u)" == 0 ]]; then
    getent passwd postgres >/dev/null ||
      die "running as root needs a 'postgres' user to own the server (Debian's postgresql package makes one)."
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

is_running() {
  [[ -f "$data/postmaster.pid" ]] && as_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1
}

print_env() {
  [[ -f "$dir/port" ]] || die "no server in $dir: run '$0 start' first."
  cat <<EOF
export PERSISTENCE_MODULE=postgres
export POSTGRES_HOST=127.0.0.1
export POSTGRES_PORT=$(cat "$dir/port")
export POSTGRES_USER=$user
export POSTGRES_PASSWORD=$password
export POSTGRES_DBNAME=$database
EOF
}

start() {
  if is_running; then
    echo "# already running in $dir" >&2
    print_env
    return
  fi
  rm -rf "$dir"
  mkdir -p "$dir"
  [[ "$(id -u)" == 0 ]] && chown postgres "$dir"
  local port
  port="$(free_port)"
  # Local (socket) connections are trusted so that this script can set the server up; TCP
  # connections, which the library makes, need the password.
  as_owner "$bin/initdb" -D "$data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
    -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 ||
    die "initdb failed; see $dir/initdb.log"
  as_owner "$bin/pg_ctl" -D "$data" -l "$dir/server.log" -w \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1" start >/dev/null ||
    die "the server did not start; see $dir/server.log"
  echo "$port" >"$dir/port"
  as_owner psql -q -h "$dir" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 <<EOF
CREATE ROLE $user LOGIN PASSWORD '$password';
CREATE DATABASE $database OWNER $user;
EOF
  echo "# PostgreSQL on 127.0.0.1:$port, data in $dir; export these:" >&2
  print_env
}

stop() {
  if is_running; then
    as_owner "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null
  fi
  rm -rf "$dir"
}

bin="$(find_bin)"
case "${1:-}" in
  start) start ;;
  stop) stop ;;
  env) print_env ;;
  status) if is_running; then echo "running on port $(cat "$dir/port")"; else echo "stopped"; exit 1; fi ;;
  *) die "usage: $0 start|stop|env|status" ;;
esac
