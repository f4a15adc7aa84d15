#!/usr/bin/env bash
# Drives `swift run workshop watch` as a learner would, with standard input a real terminal
# (through tmux), a pipe, and /dev/null: it must test chapter 1, re-test it when a file is
# saved (fixed, then broken again), re-run on Enter, quit on q, and leave the terminal as it
# was after q and after Ctrl-C. Chapter 1's exercise file and the saved progress are put back
# afterwards. Needs tmux.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
exercise=Exercises/01-PlainDog/Dog.swift
solution=Solutions/01-PlainDog/Dog.swift
state=.workshop/state.json
work=$(mktemp -d)
session="workshop-watch-$$"

cp "$exercise" "$work/exercise.swift"
[ -f "$state" ] && cp "$state" "$work/state.json"
cleanup() {
  tmux kill-session -t "$session" 2>/dev/null || true
  [ -n "${watcher:-}" ] && kill "$watcher" 2>/dev/null || true
  cp "$work/exercise.swift" "$exercise"
  if [ -f "$work/state.json" ]; then cp "$work/state.json" "$state"; else rm -f "$state"; fi
  rm -rf "$work"
}
trap cleanup EXIT
# Progress as on a fresh clone: chapter 1 is the current chapter.
rm -f "$state"

fail() {
  echo "✘ $*" >&2
  [ -f "$work/screen" ] && { echo "--- last screen:" >&2; cat "$work/screen" >&2; }
  exit 1
}
ok() { echo "✔ $*"; }

screen() { tmux capture-pane -p -t "$session" -S -200 > "$work/screen"; cat "$work/screen"; }
# Waits until the terminal shows text matching a pattern (grep -E), for at most $2 seconds.
wait_for_screen() {
  local pattern=$1 limit=$2 waited=0
  until screen | grep -Eq "$pattern"; do
    sleep 1
    waited=$((waited + 1))
    ((waited < limit)) || fail "the terminal did not show /$pattern/ within $limit s"
  done
}
# The saved progress's modification time: each test run writes it.
state_time() { stat -c %y "$state" 2>/dev/null || echo none; }
# Waits until a file of a run in the background holds at least $3 lines matching a pattern.
wait_for_count() {
  local file=$1 pattern=$2 count=$3 limit=$4 waited=0
  until [ "$(grep -cE "$pattern" "$file")" -ge "$count" ]; do
    sleep 1
    waited=$((waited + 1))
    ((waited < limit)) || { cp "$file" "$work/screen"; fail "$file did not show /$pattern/ $count times within $limit s"; }
  done
}
terminal_mode() {
  tmux send-keys -t "$session" "clear; stty -a | tr ' ;' '\n\n' | grep -xE -- '-?(icanon|echo)' | tr '\n' ' '; echo mode-end" Enter
  wait_for_screen "mode-end$" 20
  screen | grep -E "mode-end$" | grep -v "stty" | tail -n 1 | sed 's/ *mode-end$//'
}

# Build first, so that the waits below are for the tests, not for the command's own build.
swift build --product workshop > /dev/null

echo "== standard input is a terminal (tmux)"
tmux new-session -d -s "$session" -x 100 -y 50 \
  "cd '$root' && env PS1='watch-test\$ ' bash --norc --noprofile"
tmux send-keys -t "$session" "swift run workshop watch" Enter
wait_for_screen "Next: Task 1" 900
ok "watch tests chapter 1 and reports Task 1 as next"

cp "$solution" "$exercise"
wait_for_screen "Chapter 1: A plain Dog passes" 600
wait_for_screen "Chapter 2: .*|Next: Task" 600
ok "saving a fixed file re-tests chapter 1; it passes and watch moves on to chapter 2"

cp "$work/exercise.swift" "$exercise"
wait_for_screen "Chapter 1: A plain Dog$" 600
wait_for_screen "Next: Task 1" 600
ok "saving the broken file again re-tests chapter 1, which fails again"

before=$(state_time)
tmux send-keys -t "$session" Enter
waited=0
until [ "$(state_time)" != "$before" ] && screen | grep -q "Next: Task 1"; do
  sleep 1; waited=$((waited + 1)); ((waited < 600)) || fail "Enter did not re-run the tests"
done
ok "Enter re-runs the tests"

tmux send-keys -t "$session" q
wait_for_screen "^watch-test\\$ ?$" 20
mode=$(terminal_mode)
[[ "$mode" == *"icanon echo"* && "$mode" != *"-icanon"* && "$mode" != *"-echo"* ]] \
  || fail "after q the terminal is left in another mode: $mode"
ok "q quits at once, and the terminal is as it was ($mode)"

tmux send-keys -t "$session" "clear; swift run workshop watch" Enter
wait_for_screen "Next: Task 1" 600
tmux send-keys -t "$session" C-c
mode=$(terminal_mode)
[[ "$mode" == *"icanon echo"* && "$mode" != *"-icanon"* && "$mode" != *"-echo"* ]] \
  || fail "after Ctrl-C the terminal is left in another mode: $mode"
ok "Ctrl-C stops watch and leaves the terminal as it was ($mode)"
tmux kill-session -t "$session"

echo "== standard input is a pipe"
mkfifo "$work/keys"
swift run workshop watch < "$work/keys" > "$work/pipe.out" 2>&1 &
watcher=$!
exec 3> "$work/keys"
wait_for_count "$work/pipe.out" "Next: Task 1" 1 600
printf '\n' >&3
wait_for_count "$work/pipe.out" "Building and testing chapter 1" 2 600
wait_for_count "$work/pipe.out" "Next: Task 1" 2 600
printf 'q' >&3
waited=0
while kill -0 "$watcher" 2>/dev/null; do
  sleep 1; waited=$((waited + 1)); ((waited < 600)) || fail "q through a pipe did not quit"
done
exec 3>&-
watcher=
ok "from a pipe: Enter re-runs, q quits"

echo "== standard input is /dev/null"
swift run workshop watch < /dev/null > "$work/null.out" 2>&1 &
watcher=$!
wait_for_count "$work/null.out" "Next: Task 1" 1 600
printf '\n// a saved change\n' >> "$exercise"
wait_for_count "$work/null.out" "Building and testing chapter 1" 2 600
wait_for_count "$work/null.out" "Next: Task 1" 2 600
kill -INT "$watcher"
wait "$watcher" 2>/dev/null || true
watcher=
ok "from /dev/null: watch keeps watching, and a save re-tests"
echo "watch works with a terminal, a pipe and /dev/null on standard input."
