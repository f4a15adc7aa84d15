// Prints how fast the library saves, loads and reads events, in memory and in an SQLite file,
// next to the same work done by raw SQLite through its C API and by the Python
// `eventsourcing` library.
//
//     swift run -c release es-benchmark                     # N = 10,000
//     swift run -c release es-benchmark --quick             # N = 1,000, for CI
//     swift run -c release es-benchmark --count 50000
//     swift run -c release es-benchmark --python py.json    # Python measured in this run
//     swift run -c release es-benchmark --table-only        # without the feature figures
//
// `--python` reads the figures `benchmarks/python/dog_school.py` measured, which
// `scripts/benchmark-side-by-side.sh` runs first; without it the Python columns hold figures
// from another machine, labelled stale. SQLite runs on temporary files in WAL mode,
// synchronous=FULL unless stated. The SQLite contenders take turns in ten rounds, so that all
// of them meet the same disk conditions.

import Foundation

var count = 10_000
var pythonPath: String?
var tableOnly = false
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
  switch argument {
  case "--quick": count = 1_000
  case "--count":
    guard let value = arguments.popFirst().flatMap(Int.init), value >= 100 else {
      print("--count needs a number of at least 100")
      exit(2)
    }
    count = value
  case "--table-only": tableOnly = true
  case "--python":
    guard let path = arguments.popFirst() else {
      print("--python needs the JSON file that benchmarks/python/dog_school.py wrote")
      exit(2)
    }
    pythonPath = path
  default:
    print("usage: es-benchmark [--quick | --count N] [--python FILE] [--table-only]")
    exit(2)
  }
}

let python: PythonReference
do {
  python = try pythonPath.map(PythonReference.measured(readingFrom:)) ?? .stale
} catch {
  print(error)
  exit(1)
}
try await runBenchmark(count: count, python: python)
if tableOnly { exit(0) }
let featureDirectory = FileManager.default.temporaryDirectory
  .appendingPathComponent("es-benchmark-features-\(UUID().uuidString)", isDirectory: true)
try FileManager.default.createDirectory(at: featureDirectory, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: featureDirectory) }
try await runFeatureBenchmark(count: count, in: featureDirectory)
