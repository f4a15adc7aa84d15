// Prints how fast the library saves, loads and reads events, in memory and in an SQLite file,
// next to the same work done by raw SQLite through its C API and to the Python
// `eventsourcing` library's figures.
//
//     swift run -c release es-benchmark            # N = 10,000
//     swift run -c release es-benchmark --quick    # N = 1,000, for CI
//     swift run -c release es-benchmark --count 50000
//
// SQLite runs on a temporary file in WAL mode, synchronous=FULL unless stated.

import CSQLite
import DogSchool
import EventSourcing
import Foundation

var count = 10_000
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
  switch argument {
  case "--quick": count = 1_000
  case "--count":
    guard let value = arguments.popFirst().flatMap(Int.init), value >= 10 else {
      print("--count needs a number of at least 10")
      exit(2)
    }
    count = value
  default:
    print("usage: es-benchmark [--quick | --count N]")
    exit(2)
  }
}

let directory = FileManager.default.temporaryDirectory
  .appendingPathComponent("es-benchmark-\(UUID().uuidString)", isDirectory: true)
try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: directory) }
func databasePath(_ name: String) -> String { directory.appendingPathComponent(name).path }

// The raw workloads store states of the size the library's events have.
var sample = EventSourced<Dog>.register(name: "Sample")
sample.addTrick("trick 1234")
let state = try Mapper().storedEvent(sample.pendingEvents[1]).state

print("es-benchmark: N = \(count), SQLite \(String(cString: sqlite3_libversion())), WAL file")
let memory = try await runLibraryWorkloads(recorder: InMemoryRecorder(), count: count)
let sqlite = try await runLibraryWorkloads(
  recorder: SQLiteRecorder(path: databasePath("library.sqlite")), count: count)
let raw = try await runRawWorkloads(
  path: databasePath("raw.sqlite"), synchronous: "FULL", count: count, state: state)
let recorderOnly = try await runRecorderWorkloads(
  recorder: SQLiteRecorder(path: databasePath("recorder.sqlite")), count: count, state: state)
let sqliteNormal = try await runLibraryWorkloads(
  recorder: SQLiteRecorder(path: databasePath("library-normal.sqlite"), synchronous: .normal),
  count: count)
let recorderOnlyNormal = try await runRecorderWorkloads(
  recorder: SQLiteRecorder(path: databasePath("recorder-normal.sqlite"), synchronous: .normal),
  count: count, state: state)
let rawNormal = try await runRawWorkloads(
  path: databasePath("raw-normal.sqlite"), synchronous: "NORMAL", count: count, state: state)

let rows = [
  Row(name: "(a) create dogs, one save each", unit: "events/s", memory: memory.createDogs,
    sqlite: sqlite.createDogs, raw: raw.createDogs, python: .createDogs),
  Row(name: "(b) save 10 events per transaction", unit: "events/s", memory: memory.saveBatches,
    sqlite: sqlite.saveBatches, raw: raw.saveBatches, python: .saveOneStream),
  Row(name: "(c) load one aggregate of N events", unit: "ms", memory: memory.loadMilliseconds,
    sqlite: sqlite.loadMilliseconds, raw: raw.loadMilliseconds, python: .loadMilliseconds,
    lowerIsBetter: true),
  Row(name: "(d) read the log, pages of 1,000", unit: "/s", memory: memory.readLog,
    sqlite: sqlite.readLog, raw: raw.readLog, python: .readLog),
  Row(name: "(d) read the log and decode events", unit: "/s", memory: memory.readLogDecoded,
    sqlite: sqlite.readLogDecoded, raw: nil, python: .readLogDecoded),
  Row(name: "(a) recorder alone, one insert each", unit: "events/s", memory: nil,
    sqlite: recorderOnly.createDogs, raw: raw.createDogs, python: nil),
  Row(name: "(b) recorder alone, 10 per insert", unit: "events/s", memory: nil,
    sqlite: recorderOnly.saveBatches, raw: raw.saveBatches, python: nil),
  Row(name: "(c) recorder alone, fetch N events", unit: "ms", memory: nil,
    sqlite: recorderOnly.loadMilliseconds, raw: raw.loadMilliseconds, python: nil,
    lowerIsBetter: true),
  Row(name: "(a) synchronous=NORMAL", unit: "events/s", memory: nil,
    sqlite: sqliteNormal.createDogs, raw: rawNormal.createDogs, python: nil),
  Row(name: "(b) synchronous=NORMAL", unit: "events/s", memory: nil,
    sqlite: sqliteNormal.saveBatches, raw: rawNormal.saveBatches, python: nil),
  Row(name: "(a) NORMAL, recorder alone", unit: "events/s", memory: nil,
    sqlite: recorderOnlyNormal.createDogs, raw: rawNormal.createDogs, python: nil),
  Row(name: "(b) NORMAL, recorder alone", unit: "events/s", memory: nil,
    sqlite: recorderOnlyNormal.saveBatches, raw: rawNormal.saveBatches, python: nil),
]
print(Row.header)
for row in rows { print(row.line) }
print("SQLite/raw: the library's speed as a share of raw SQLite's (same schema and settings).")
print("recorder alone: SQLiteRecorder with ready-made stored events, without the mapper's JSON.")
print("Py: Python eventsourcing 9.5.6, N = 10,000 (its (b) saves one event per transaction).")
