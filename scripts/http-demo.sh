#!/usr/bin/env bash
# An instructor's demo of a projection in another process, following the dog school over
# HTTP: the school serves its notification log on 127.0.0.1; a follower process counts dogs
# per trick in a SQLite view, told of new notifications by long polling; the follower is
# killed with SIGKILL while dogs are being registered, started again, and resumes after the
# last notification its view recorded: none missed, none processed twice.
#
# Usage: scripts/http-demo.sh [--pause]   (--pause waits for Enter between steps)
#
# It builds dog-school-server (Packages/EventSourcingHTTP), keeps its databases in a
# temporary folder, and stops both processes and deletes the folder however it ends.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"

pause=false
[[ "${1:-}" == "--pause" ]] && pause=true

step() {
  printf '\n▶ %s\n' "$*"
  if $pause; then read -r -p "  (Enter)" < /dev/tty; else sleep 1; fi
}

echo "Building dog-school-server…" >&2
(cd "$root/Packages/EventSourcingHTTP" && swift build --product dog-school-server >&2)
program="$(cd "$root/Packages/EventSourcingHTTP" && swift build --show-bin-path)/dog-school-server"

work=$(mktemp -d)
trap 'kill -9 ${server:-} ${follower:-} 2> /dev/null || true; rm -rf "$work"' EXIT
# Kills a child with SIGKILL and waits until it is gone.
stop() {
  kill -9 "$1" 2> /dev/null || true
  while kill -0 "$1" 2> /dev/null; do sleep 0.05; done
}
# Waits (at most 30 s) until a file has a line matching a pattern.
wait_for() {
  for _ in $(seq 300); do grep -q "$2" "$1" 2> /dev/null && return 0; sleep 0.1; done
  echo "timed out waiting for '$2' in $1" >&2
  exit 1
}

step "The school serves its log on 127.0.0.1 (a SQLite file holds its events)"
"$program" serve 0 "$work/school.sqlite" > "$work/server.out" 2>&1 &
server=$!
disown
wait_for "$work/server.out" "^listening on"
url="http://127.0.0.1:$(awk '/^listening on/ {print $3}' "$work/server.out")"
echo "  $url"

register() {  # register N dogs, each taught "sit"
  for _ in $(seq "$1"); do
    id=$(curl -sf -X POST -d '{"name": "Fido"}' "$url/dogs" | sed 's/.*"id":"\([0-9a-f]*\)".*/\1/')
    curl -sf -X POST -d '{"trick": "sit"}' "$url/dogs/$id/tricks" > /dev/null
  done
}
step "Five dogs are registered and taught to sit: ten events"
register 5
curl -sf "$url/notifications/sections/1,10" | head -c 300
echo "…"

step "A follower in another process reads the log over HTTP into its own SQLite view"
"$program" follow "$url/notifications" "$work/view.sqlite" > "$work/follower-1.out" 2>&1 &
follower=$!
disown
wait_for "$work/follower-1.out" "^processed 10$"
echo "  it processed notifications 1 to 10, and waits on a long poll"

step "More dogs arrive; the follower is killed with SIGKILL in the middle"
register 10 &
registering=$!
wait_for "$work/follower-1.out" "^processed 16$"
stop "$follower"
echo "  killed after: $(tail -1 "$work/follower-1.out")"
wait "$registering"
newest=$(curl -sf "$url/notifications/max-id" | tr -dc '0-9')
echo "  the school has $newest notifications"

step "The follower starts again, from the position its view recorded"
"$program" follow "$url/notifications" "$work/view.sqlite" > "$work/follower-2.out" 2>&1 &
follower=$!
disown
wait_for "$work/follower-2.out" "^processed $newest$"
head -1 "$work/follower-2.out" | sed 's/^/  /'
echo "  and caught up to $newest"

step "Nothing missed, nothing processed twice"
repeated=$(cat "$work/follower-1.out" "$work/follower-2.out" | grep '^processed' | sort | uniq -d)
sitting=$(sqlite3 "$work/view.sqlite" "SELECT count(*) FROM dog_tricks WHERE trick = 'sit'")
echo "  notifications processed twice: ${repeated:-none}"
echo "  dogs that sit, in the view: $sitting of 15"
[[ -z "$repeated" && "$sitting" == 15 ]] || { echo "This must not happen." >&2; exit 1; }
printf '\nEnd of the demo.\n'
