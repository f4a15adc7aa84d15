#!/usr/bin/env bash
# Measures the library beside the Python `eventsourcing` library on this machine, in one run,
# and prints es-benchmark's table with the Python figures just measured.
#
# Usage: scripts/benchmark-side-by-side.sh [--quick]   (N = 10,000; --quick: N = 1,000)
#
# It installs eventsourcing 9.5.6 in a virtual environment in .build-python/ (once; needs
# python3 with venv and access to PyPI), builds es-benchmark in release, then runs
# benchmarks/python/dog_school.py (median of 3 runs, each in a fresh interpreter) and
# es-benchmark --python with the same N, one after the other. Set BENCHMARK_LOCK to a file to
# run the build and the measurements under `flock` on it, so that other builds sharing the
# machine wait for them.
set -euo pipefail
cd "$(dirname "$0")/.."

count=10000
for argument in "$@"; do
  case "$argument" in
    --quick) count=1000 ;;
    *) echo "usage: $0 [--quick]" >&2; exit 2 ;;
  esac
done

locked() {
  if [[ -n "${BENCHMARK_LOCK:-}" ]]; then flock "$BENCHMARK_LOCK" "$@"; else "$@"; fi
}

venv=.build-python
if ! "$venv/bin/python" -c 'import eventsourcing' 2> /dev/null; then
  echo "Installing eventsourcing 9.5.6 in $venv…" >&2
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet eventsourcing==9.5.6
fi

echo "Building es-benchmark in release…" >&2
locked swift build -c release --scratch-path .build-bench --product es-benchmark >&2
benchmark=.build-bench/release/es-benchmark

figures="$venv/dog-school-$count.json"
echo "Measuring Python eventsourcing, N = $count…" >&2
locked "$venv/bin/python" benchmarks/python/dog_school.py --count "$count" --json-out "$figures"
echo "Measuring es-benchmark, N = $count…" >&2
locked "$benchmark" --count "$count" --python "$figures" --table-only
