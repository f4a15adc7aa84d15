import Foundation

/// The Python `eventsourcing` library's figures for the benchmark's workloads, for one store
/// (in memory or SQLite). Rates are per second, loads in milliseconds; `nil` where there is
/// no figure.
struct PythonFigures: Decodable {
  var createDogs: Double?
  var saveTenPerSave: Double?
  var saveOneStream: Double?
  var loadMilliseconds: Double?
  var saveSnapshotting: Double?
  var loadSnapshotMilliseconds: Double?
  var readLog: Double?
  var readLogDecoded: Double?

  enum CodingKeys: String, CodingKey {
    case createDogs = "create_dogs", saveTenPerSave = "save_ten_per_save"
    case saveOneStream = "save_one_stream", loadMilliseconds = "load_ms"
    case saveSnapshotting = "save_snapshotting", loadSnapshotMilliseconds = "load_snapshot_ms"
    case readLog = "read_log", readLogDecoded = "read_log_decoded"
  }
}

/// The Python figures the table compares with: measured on this machine by
/// `benchmarks/python/dog_school.py`, or the built-in ones from another machine.
struct PythonReference {
  let memory: PythonFigures
  let sqlite: PythonFigures
  /// Whether the figures are the built-in ones, measured elsewhere at another time.
  let isStale: Bool
  /// Where the figures come from, printed above the table.
  let source: String
  /// The N the Python run used.
  let count: Int

  /// Figures of the Python library (version 9.5.6, Python 3.11.7) on another 2-core machine,
  /// median of 3 runs with N = 10,000, SQLite a WAL file with synchronous=FULL (the kit's
  /// peer benchmark notes of 2026-11-23). That run saved no aggregates of ten events and
  /// timed a single cold load: its load figures are one load, not a median of several.
  static let stale = PythonReference(
    memory: PythonFigures(
      createDogs: 11_100, saveOneStream: 14_509, loadMilliseconds: 275,
      loadSnapshotMilliseconds: 1, readLog: 603_000, readLogDecoded: 145_000),
    sqlite: PythonFigures(
      createDogs: 1_972, saveOneStream: 1_979, loadMilliseconds: 322,
      loadSnapshotMilliseconds: 2, readLog: 198_000, readLogDecoded: 98_000),
    isStale: true,
    source: "Py (stale: 2026-11-23, another machine): built-in figures of eventsourcing 9.5.6, "
      + "N = 10,000, not measured in this run; run scripts/benchmark-side-by-side.sh to measure them",
    count: 10_000)

  /// Reads the JSON that `benchmarks/python/dog_school.py` writes.
  static func measured(readingFrom path: String) throws -> PythonReference {
    struct Summary: Decodable {
      let library: String
      let python: String
      let count: Int
      let runs: Int
      let median: [String: PythonFigures]
      let sqliteSynchronous: String?

      enum CodingKeys: String, CodingKey {
        case library, python, count, runs, median
        case sqliteSynchronous = "sqlite_synchronous"
      }
    }
    let summary: Summary
    do {
      summary = try JSONDecoder().decode(Summary.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
    } catch {
      throw BenchmarkError.python("\(path): \(error)")
    }
    guard let memory = summary.median["memory"], let sqlite = summary.median["sqlite"] else {
      throw BenchmarkError.python("\(path) lacks the memory or the sqlite figures")
    }
    return PythonReference(
      memory: memory, sqlite: sqlite, isStale: false,
      source: "Py: \(summary.library), Python \(summary.python), measured in this run, "
        + "N = \(summary.count), median of \(summary.runs) runs, SQLite synchronous="
        + (summary.sqliteSynchronous ?? "unknown"),
      count: summary.count)
  }
}
