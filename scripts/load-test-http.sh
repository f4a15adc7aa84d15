#!/usr/bin/env bash
# A load test of the dog school service over loopback, bounded in time: wrk (Debian package
# `wrk`) reads a full section of the notification log, then registers dogs, each for
# SECONDS seconds (10 unless given) with 2 threads and 16 connections. Prints requests per
# second, the 99th percentile of latency and the number of errors for each, and fails when
# any request failed.
#
# Usage: scripts/load-test-http.sh [SECONDS] [--debug]
#
# It builds dog-school-server in release mode (--debug: debug mode, for a quick check whose
# figures mean little), serves the school from a SQLite file in a temporary folder, and
# stops the server and deletes the folder however it ends.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
seconds=10
config=release
for argument in "$@"; do
  case "$argument" in
    --debug) config=debug ;;
    *[!0-9]* | "") echo "usage: $0 [SECONDS] [--debug]" >&2; exit 2 ;;
    *) seconds=$argument ;;
  esac
done
command -v wrk > /dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }

cd "$root/Packages/EventSourcingHTTP"
echo "Building dog-school-server ($config)…" >&2
swift build -c "$config" --product dog-school-server >&2
server_binary="$(swift build -c "$config" --show-bin-path)/dog-school-server"

work=$(mktemp -d)
trap 'kill "${server:-}" 2> /dev/null || true; wait 2> /dev/null || true; rm -rf "$work"' EXIT
"$server_binary" serve 0 "$work/school.sqlite" > "$work/server.out" 2>&1 &
server=$!
for _ in $(seq 300); do
  grep -q "^listening on" "$work/server.out" && break
  kill -0 "$server" 2> /dev/null || { cat "$work/server.out" >&2; exit 1; }
  sleep 0.1
done
port=$(awk '/^listening on/ {print $3}' "$work/server.out")
[[ -n "$port" ]] || { echo "the server did not start" >&2; exit 1; }
url="http://127.0.0.1:$port"

# Twenty dogs, so that sections 1,10 and 11,20 are full.
for i in $(seq 20); do
  curl -sf -X POST -H 'Content-Type: application/json' -d "{\"name\": \"Dog $i\"}" "$url/dogs" \
    > /dev/null
done

cat > "$work/register.lua" << 'LUA'
wrk.method = "POST"
wrk.body = '{"name": "Loaded"}'
wrk.headers["Content-Type"] = "application/json"
LUA

failed=0
# Prints one line of figures from wrk's output, and counts its errors.
summarise() {
  local name=$1 output=$2
  local rate p99 errors
  rate=$(awk '/^Requests\/sec:/ {print $2}' "$output")
  p99=$(awk '$1 == "99%" {print $2}' "$output")
  errors=$(awk '/Non-2xx or 3xx responses:/ {n += $NF}
    /Socket errors:/ {for (i = 1; i <= NF; i++) if ($i ~ /^[0-9]+,?$/) n += $i + 0}
    END {print n + 0}' "$output")
  printf '%-32s %10s req/s   p99 %8s   errors %s\n' "$name" "$rate" "$p99" "$errors"
  ((errors == 0)) || failed=1
}

wrk -t2 -c16 -d"${seconds}s" --timeout 5s --latency "$url/notifications/sections/1,10" \
  > "$work/read.txt"
summarise "GET section 1,10" "$work/read.txt"
wrk -t2 -c16 -d"${seconds}s" --timeout 5s --latency -s "$work/register.lua" "$url/dogs" \
  > "$work/register.txt"
summarise "POST /dogs (register a dog)" "$work/register.txt"
registered=$(curl -sf "$url/notifications/max-id" | tr -dc '0-9')
echo "notifications in the log afterwards: $registered"
exit "$failed"
