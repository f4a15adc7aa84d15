#!/usr/bin/env bash
# Measures the learner's loop: a saved edit in a chapter's exercise file, then that chapter's
# report on screen. A benchmark that prints figures, never a test that fails on them.
#
# Usage: scripts/measure-learner-loop.sh [runs] [chapter]   (defaults: 10 runs, chapter 1)
#
# For each run it changes code in the chapter's first exercise file, as filling in a task's
# body does: a private function with a new body, so the module really recompiles and the
# tests relink, while the module's interface (what the tests compile against) stays. Then it
# times:
#   - `workshop run N` through the built binary, which is what `watch` does after a save;
#   - `swift run workshop run N`, what a learner types.
# Then it times the first run of another chapter after this one, and prints median, minimum
# and maximum of each. The exercise file is restored at the end, whatever happens.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-10}
chapter=${2:-1}
other=$(( chapter == 2 ? 3 : 2 ))
folder=$(ls -d Exercises/"$(printf '%02d' "$chapter")"-* | head -1)
file=$(ls "$folder"/*.swift | grep -v CodeLocation | head -1)
backup=$(mktemp)
cp "$file" "$backup"
trap 'cp "$backup" "$file"; rm -f "$backup"' EXIT

echo "Building once (not timed)…"
swift build --product workshop > /dev/null
workshop=$(swift build --product workshop --show-bin-path)/workshop
"$workshop" run "$chapter" < /dev/null > /dev/null 2>&1 || true

now() { date +%s%N; }
# Prints "median min max" in seconds of the numbers (nanoseconds) on standard input.
summary() {
  sort -n | awk '{ a[NR] = $1 } END {
    m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2
    printf "median %.2f s, min %.2f s, max %.2f s (%d runs)\n", m / 1e9, a[1] / 1e9, a[NR] / 1e9, NR
  }'
}
edit() { cp "$backup" "$file"; printf '\nprivate func measuredLoopEdit() -> Int { %d }\n' "$1" >> "$file"; }

direct=() through_swift_run=() switches=()
for run in $(seq 1 "$runs"); do
  edit "$run"
  start=$(now); "$workshop" run "$chapter" < /dev/null > /dev/null 2>&1 || true
  direct+=($(( $(now) - start )))
  edit "$(( run + 1000 ))"
  start=$(now); swift run workshop run "$chapter" < /dev/null > /dev/null 2>&1 || true
  through_swift_run+=($(( $(now) - start )))
done
for run in $(seq 1 3); do
  "$workshop" run "$chapter" < /dev/null > /dev/null 2>&1 || true
  start=$(now); "$workshop" run "$other" < /dev/null > /dev/null 2>&1 || true
  switches+=($(( $(now) - start )))
done

echo "save → report, chapter $chapter, 'workshop run' as watch runs it: $(printf '%s\n' "${direct[@]}" | summary)"
echo "save → report, chapter $chapter, 'swift run workshop run':       $(printf '%s\n' "${through_swift_run[@]}" | summary)"
echo "first run of chapter $other right after chapter $chapter:             $(printf '%s\n' "${switches[@]}" | summary)"
