#!/usr/bin/env bash
# Runs every instructor demo as an instructor would, in a real terminal 80 columns wide
# (through tmux), and checks what the room would see:
#
# - keys that do not advance (x, ←, PageUp, Esc) leave the demo waiting;
# - space, PageDown and → advance, in turn, one pause each;
# - three spaces typed at once advance one step only: keys typed ahead are dropped;
# - the demo stops at every step it has (as many pauses as `▶` steps when run without a
#   terminal) and ends;
# - no line is wider than 80 columns.
#
# Usage: scripts/check-demos-in-terminal.sh [demo…]    (all demos by default; needs tmux)
set -euo pipefail
cd "$(dirname "$0")/.."
export LC_ALL=C.UTF-8 # ${#line} counts characters, such as ▶ and →, not bytes
work=$(mktemp -d)
session="workshop-demos-$$"
cleanup() {
  tmux kill-session -t "$session" 2> /dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

fail() {
  echo "✘ $*" >&2
  [ -f "$work/screen" ] && { echo "--- the terminal:" >&2; cat "$work/screen" >&2; }
  exit 1
}
screen() { tmux capture-pane -p -J -S - -t "$session" > "$work/screen"; }
pauses() { screen; grep -c '(Enter, space, →)' "$work/screen" || true; }
ended() { grep -q '^demo-exit-' "$work/screen"; }

swift build --product workshop-demo > "$work/build" 2>&1 || { cat "$work/build"; exit 1; }
program="$(swift build --product workshop-demo --show-bin-path)/workshop-demo"
demos=("$@")
((${#demos[@]})) || mapfile -t demos < <("$program" --list | awk '{print $1}')

for demo in "${demos[@]}"; do
  steps=$("$program" "$demo" < /dev/null | grep -c '▶')
  tmux kill-session -t "$session" 2> /dev/null || true
  tmux new-session -d -s "$session" -x 80 -y 50 "'$program' '$demo'; echo demo-exit-\$?; sleep 600"
  tmux set-option -t "$session" history-limit 10000 > /dev/null
  seen=0
  advances=(NPage Right Space) # by pause number: → first, then PageDown, → and space in turn
  for ((poll = 0; poll < 600; poll++)); do
    sleep 0.25
    now=$(pauses)
    ended && break
    ((now > seen + 1)) && fail "$demo: pause $((seen + 1)) was skipped"
    ((now == seen)) && continue
    seen=$now
    sleep 0.25
    if ((seen == 1)); then
      tmux send-keys -t "$session" x Left PPage Escape
      sleep 1
      (($(pauses) == 1)) || fail "$demo: x, ←, PageUp or Esc advanced the demo"
    fi
    if ((seen == 2)); then
      tmux send-keys -t "$session" Space Space Space
      sleep 1.5
      now=$(pauses)
      # One step on, and waiting there: the other two spaces were dropped.
      if ((steps > 2)); then
        ((now == 3)) && ! ended || fail "$demo: three spaces typed at pause 2 went past pause 3"
      fi
    else
      tmux send-keys -t "$session" "${advances[$((seen % 3))]}"
    fi
  done
  screen
  ended || fail "$demo: did not end"
  grep -q '^demo-exit-0$' "$work/screen" || fail "$demo: failed"
  ((seen == steps)) || fail "$demo: $seen pauses in a terminal for $steps steps"
  while IFS= read -r line; do
    ((${#line} <= 80)) || fail "$demo: a line of ${#line} columns: $line"
  done < "$work/screen"
  echo "✔ demo $demo in 80 columns: $steps pauses, advanced by space, PageDown and →; keys typed ahead dropped"
done
