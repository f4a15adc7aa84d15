#!/usr/bin/env bash
# Measures the PostgreSQL recorder beside the Python eventsourcing library's PostgreSQL recorder
# and beside plain SQL, on one server, alternating the contenders, and prints the median rates
# and their ratios: single and 10-event inserts, reading the log, selecting aggregates, loading
# one aggregate of 10,000 events, and 1, 2, 4 and 8 writer processes inserting at once into one
# table (they start together at a set time, so process start-up is not counted).
#
# Usage: scripts/benchmark-postgres.sh [--count N] [--rounds R]   (N = 2000, R = 3)
#
# With the POSTGRES_* variables set it uses that server; otherwise it starts a throwaway one
# with scripts/postgres-server.sh and stops it at the end. It installs eventsourcing[postgres]
# 9.5.6 in a virtual environment in .build-python-postgres/ (once; needs PyPI), and builds
# postgres-benchmark in release. Each contender gets new tables in every round.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

count=2000
rounds=3
while (($#)); do
  case "$1" in
    --count) count="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    *) echo "usage: $0 [--count N] [--rounds R]" >&2; exit 2 ;;
  esac
done

if [[ -z "${POSTGRES_HOST:-}" ]]; then
  scripts/postgres-server.sh start > /dev/null
  trap 'scripts/postgres-server.sh stop' EXIT
  eval "$(scripts/postgres-server.sh env)"
fi

venv=.build-python-postgres
if ! "$venv/bin/python" -c 'import eventsourcing.postgres' 2> /dev/null; then
  echo "Installing eventsourcing[postgres] 9.5.6 in $venv…" >&2
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet 'eventsourcing[postgres]==9.5.6'
fi

echo "Building postgres-benchmark in release…" >&2
(cd Packages/EventSourcingPostgres && swift build -c release --product postgres-benchmark >&2)
benchmark="Packages/EventSourcingPostgres/.build/release/postgres-benchmark"

results=$(mktemp)
for round in $(seq "$rounds"); do
  echo "Round $round of $rounds, N = $count…" >&2
  "$benchmark" --count "$count" --recorder-only >> "$results"
  "$venv/bin/python" benchmarks/python/postgres_recorder.py --count "$count" >> "$results"
  "$benchmark" --count "$count" --plain-only >> "$results"
  for writers in 1 2 4 8; do
    for contender in swift python plain; do
      table="bench_${contender}_w${writers}_$RANDOM$RANDOM"
      if [[ $contender == python ]]; then
        writer=("$venv/bin/python" benchmarks/python/postgres_recorder.py --writer-table "$table")
      else
        writer=("$benchmark" --writer "$contender" --table "$table")
      fi
      "${writer[@]}" --count 0
      start_at=$(python3 -c 'import time; print(time.time() + 2)')
      ends=$(mktemp)
      for _ in $(seq "$writers"); do
        "${writer[@]}" --count $((count / writers)) --start-at "$start_at" >> "$ends" &
      done
      wait
      python3 - "$ends" "$start_at" "$contender" "$writers" "$((count / writers * writers))" <<'EOF'
import sys
ends = [float(line.split()[1]) for line in open(sys.argv[1]) if line.startswith("END ")]
if len(ends) != int(sys.argv[4]):
    sys.exit(f"only {len(ends)} of {sys.argv[4]} {sys.argv[3]} writers finished")
print(f"{sys.argv[3]} writers_{sys.argv[4]} {int(sys.argv[5]) / (max(ends) - float(sys.argv[2])):.1f}")
EOF
      rm -f "$ends"
    done >> "$results"
  done
done

python3 - "$results" "$count" "$rounds" <<'EOF'
import statistics
import sys

rates = {}
for line in open(sys.argv[1]):
    contender, workload, rate = line.split()
    rates.setdefault((contender, workload), []).append(float(rate))
median = {key: statistics.median(values) for key, values in rates.items()}
workloads = ["insert_one", "insert_ten", "read_log", "select_aggregate", "load_10000",
    "writers_1", "writers_2", "writers_4", "writers_8"]
units = {
    "insert_one": "events/s, one per insert",
    "insert_ten": "events/s, ten per insert",
    "read_log": "notifications/s, pages of 100",
    "select_aggregate": "aggregates of 10 events/s",
    "load_10000": "events/s, one aggregate of 10,000 loaded whole",
    "writers_1": "events/s, 1 writer process",
    "writers_2": "events/s, 2 writer processes at once",
    "writers_4": "events/s, 4 writer processes at once",
    "writers_8": "events/s, 8 writer processes at once",
}
print(f"PostgreSQL, N = {sys.argv[2]}, median of {sys.argv[3]} rounds")
print(f"{'workload':<18}{'Swift':>10}{'Python':>10}{'plain SQL':>11}{'Swift/Py':>10}{'Swift/plain':>13}  unit")
for workload in workloads:
    swift = median.get(("swift", workload))
    python = median.get(("python", workload))
    plain = median.get(("plain", workload))
    def ratio(a, b):
        return f"{a / b:.2f}" if a and b else "-"
    print(
        f"{workload:<18}{swift or 0:>10.0f}{python or 0:>10.0f}{plain or 0:>11.0f}"
        f"{ratio(swift, python):>10}{ratio(swift, plain):>13}  {units[workload]}"
    )
EOF
rm -f "$results"
