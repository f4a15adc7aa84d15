#!/usr/bin/env bash
# Reads a Swift dog school's notification log with the Python eventsourcing library's own
# NotificationLogJSONClient, over HTTP on loopback: a section, the current section, a
# selection, and the whole log through Python's NotificationLogReader. Fails unless Python
# reads every notification the school recorded.
#
# Usage: scripts/check-http-python-client.sh
#
# It installs eventsourcing 9.5.6 from PyPI into a virtual environment in
# Packages/EventSourcingHTTP/.build-python (kept for the next run), builds dog-school-server,
# and stops the server and deletes its database however it ends.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
package="$root/Packages/EventSourcingHTTP"
venv="$package/.build-python"
if ! "$venv/bin/python" -c "import eventsourcing" 2> /dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q eventsourcing==9.5.6
fi
(cd "$package" && swift build --product dog-school-server >&2)
program="$(cd "$package" && swift build --show-bin-path)/dog-school-server"

work=$(mktemp -d)
trap 'kill "${server:-}" 2> /dev/null || true; wait 2> /dev/null || true; rm -rf "$work"' EXIT
"$program" serve 0 "$work/school.sqlite" > "$work/server.out" 2>&1 &
server=$!
for _ in $(seq 300); do grep -q "^listening on" "$work/server.out" && break; sleep 0.1; done
url="http://127.0.0.1:$(awk '/^listening on/ {print $3}' "$work/server.out")"
for i in $(seq 12); do
  curl -sf -X POST -d "{\"name\": \"Dog $i\"}" "$url/dogs" > /dev/null
done

"$venv/bin/python" - "$url/notifications" << 'PYTHON'
import sys
import urllib.request

from eventsourcing.interface import NotificationLogInterface, NotificationLogJSONClient
from eventsourcing.system import NotificationLogReader


class HTTPInterface(NotificationLogInterface):
    def __init__(self, base):
        self.base = base

    def get_log_section(self, section_id):
        return urllib.request.urlopen(f"{self.base}/sections/{section_id}").read().decode()

    def get_notifications(self, start, limit, topics=(), *, inclusive_of_start=True):
        return urllib.request.urlopen(f"{self.base}?start={start}&limit={limit}").read().decode()


client = NotificationLogJSONClient(HTTPInterface(sys.argv[1]))
first = client["1,10"]
print(f"section {first.id}: {len(first.items)} items, next {first.next_id}; "
      f"first item {first.items[0].originator_id} v{first.items[0].originator_version} "
      f"{first.items[0].topic}")
current = client["current"]
print(f"current section {current.id}: {len(current.items)} items, next {current.next_id}")
selected = [n.id for n in client.select(start=3, limit=4)]
print(f"select(start=3, limit=4): {selected}")
read = [n.id for n in NotificationLogReader(client, section_size=10).read(start=1)]
print(f"NotificationLogReader read IDs {read[0]} to {read[-1]}")
assert first.id == "1,10" and first.next_id == "11,20" and len(first.items) == 10
assert current.id == "11,12" and current.next_id is None
assert selected == [3, 4, 5, 6]
assert read == list(range(1, 13)), read
print("Python's NotificationLogJSONClient read the whole log.")
PYTHON
