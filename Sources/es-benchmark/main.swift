// Prints how fast the library saves, loads and reads events, in memory and in an SQLite file,
// next to the same work done by raw SQLite through its C API and to the Python
// `eventsourcing` library's figures.
//
//     swift run -c release es-benchmark            # N = 10,000
//     swift run -c release es-benchmark --quick    # N = 1,000, for CI
//     swift run -c release es-benchmark --count 50000
//
// SQLite runs on temporary files in WAL mode, synchronous=FULL unless stated. The SQLite
// contenders take turns in ten rounds, so that all of them meet the same disk conditions.

import Foundation

var count = 10_000
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
  default:
    print("usage: es-benchmark [--quick | --count N]")
    exit(2)
  }
}

try await runBenchmark(count: count)
let featureDirectory = FileManager.default.temporaryDirectory
  .appendingPathComponent("es-benchmark-features-\(UUID().uuidString)", isDirectory: true)
try FileManager.default.createDirectory(at: featureDirectory, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: featureDirectory) }
try await runFeatureBenchmark(count: count, in: featureDirectory)
