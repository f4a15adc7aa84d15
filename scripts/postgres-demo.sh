#!/usr/bin/env bash
# An instructor's demo of PostgreSQL persistence across processes, narrated step by step:
# two writer processes and a follower on one table, told of new events by LISTEN/NOTIFY;
# a writer killed with SIGKILL in the middle of its inserts, and the log without a gap; the
# follower killed and started again, resuming where its tracking position says.
#
# Usage: scripts/postgres-demo.sh [--pause]   (--pause waits for Enter between steps)
#
# With the POSTGRES_* variables set it uses that server; otherwise it starts a throwaway one
# with scripts/postgres-server.sh and stops it at the end. It builds postgres-stress, the
# package's child process for such tests, and leaves its tables in the database.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

pause=false
[[ "${1:-}" == "--pause" ]] && pause=true

step() {
  printf '\n▶ %s\n' "$*"
  if $pause; then read -r -p "  (Enter)" < /dev/tty; else sleep 1; fi
}

if [[ -z "${POSTGRES_HOST:-}" ]]; then
  scripts/postgres-server.sh start > /dev/null
  trap 'kill -9 ${writer1:-} ${writer2:-} ${follower_pid:-} 2> /dev/null || true
    scripts/postgres-server.sh stop' EXIT
  eval "$(scripts/postgres-server.sh env)"
else
  trap 'kill -9 ${writer1:-} ${writer2:-} ${follower_pid:-} 2> /dev/null || true' EXIT
fi

echo "Building postgres-stress…" >&2
(cd Packages/EventSourcingPostgres && swift build --product postgres-stress >&2)
stress="Packages/EventSourcingPostgres/.build/debug/postgres-stress"
suffix=$(date +%s)
leader="demo_school_$suffix"
follower="demo_view_$suffix"
tracking="demo_tracking_$suffix"
sql() {
  PGPASSWORD="$POSTGRES_PASSWORD" psql -X -q -A -t -h "$POSTGRES_HOST" -p "$POSTGRES_PORT" \
    -U "$POSTGRES_USER" -d "$POSTGRES_DBNAME" -c "$1"
}
count() { sql "SELECT count(*) FROM $1" 2> /dev/null || echo 0; }
gaps() {
  sql "SELECT count(*) FROM generate_series(1, (SELECT coalesce(max(notification_id), 0) FROM $leader)) AS n
       WHERE n NOT IN (SELECT notification_id FROM $leader)"
}
logs=$(mktemp -d)
# Kills a child with SIGKILL and waits until it is gone; the children are disowned, so that
# the shell does not print a job report of its own.
stop() {
  kill -9 "$1" 2> /dev/null || true
  while kill -0 "$1" 2> /dev/null; do sleep 0.05; done
}

step "Two writer processes save events into the table $leader, each insert one transaction"
"$stress" write "$leader" 20 > "$logs/writer-1" 2>&1 &
writer1=$!
disown
"$stress" write "$leader" 20 > "$logs/writer-2" 2>&1 &
writer2=$!
disown
sleep 2
echo "  events so far: $(count "$leader")"

step "A follower process starts: it LISTENs, catches up, and records each notification with its position"
"$stress" follow "$leader" "$follower" "$tracking" > "$logs/follower-1" 2>&1 &
follower_pid=$!
disown
sleep 2
echo "  leader: $(count "$leader") events; follower: $(count "$follower") processed"

step "kill -9 writer 1, in the middle of whatever it was doing"
stop "$writer1"
echo "  writer 1 had seen $(grep -c '^ok ' "$logs/writer-1") events commit; writer 2 goes on"
sleep 1
echo "  the server rolled back whatever writer 1 had begun, and freed its table lock:"
echo "  leader: $(count "$leader") events, $(gaps) gaps in the notification IDs"

step "kill -9 the follower, then start it again: it resumes from its tracking position"
stop "$follower_pid"
echo "  position when killed: $(sql "SELECT notification_id FROM $tracking")"
"$stress" follow "$leader" "$follower" "$tracking" > "$logs/follower-2" 2>&1 &
follower_pid=$!
disown
sleep 2

step "Stop writer 2 and let the follower catch up"
stop "$writer2"
sleep 2
stop "$follower_pid"
"$stress" follow "$leader" "$follower" "$tracking" --until-caught-up
total=$(count "$leader")
processed=$(count "$follower")
echo "  leader: $total events, $(gaps) gaps; follower: $processed processed, each once"
echo "  (each processed event has the key of the leader's event: a second processing would clash)"
[[ "$total" == "$processed" ]] || { echo "  must not happen: the follower missed events" >&2; exit 1; }
rm -rf "$logs"
echo
echo "End of the demo."
