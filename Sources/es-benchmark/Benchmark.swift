import CSQLite
import DogSchool
import EventSourcing
import Foundation

/// Runs every workload with N = `count` and prints the table.
func runBenchmark(count: Int) async throws {
  let directory = FileManager.default.temporaryDirectory
    .appendingPathComponent("es-benchmark-\(UUID().uuidString)", isDirectory: true)
  try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: directory) }
  func databasePath(_ name: String) -> String { directory.appendingPathComponent(name).path }

  // The recorder-alone and raw contenders store states of the size a dog's event has.
  var sample = EventSourced<Dog>.register(name: "Sample")
  sample.addTrick("trick 1234")
  let state = try Mapper().storedEvent(sample.pendingEvents[1]).state

  print(
    "es-benchmark: N = \(count), SQLite \(String(cString: sqlite3_libversion())), WAL files, "
      + "\(ProcessInfo.processInfo.activeProcessorCount) processors")
  let memoryLibrary = LibraryContender(application: Application(recorder: InMemoryRecorder()))
  let memory = try await measure([memoryLibrary], count: count, rounds: 1)[0]
  let decodeTime = try await medianSeconds(runs: 3) { _ = try await memoryLibrary.readLogDecoded() }
  let memoryDecoded = Double(try await memoryLibrary.readLog()) / decodeTime

  var bySetting: [SQLiteRecorder.Synchronous: [Figures]] = [:]
  var sqliteDecoded = 0.0
  for synchronous in [SQLiteRecorder.Synchronous.full, .normal] {
    let name = synchronous.rawValue.lowercased()
    let library = LibraryContender(application: Application(
      recorder: try SQLiteRecorder(path: databasePath("library-\(name).sqlite"), synchronous: synchronous)))
    let recorder = RecorderContender(
      recorder: try SQLiteRecorder(path: databasePath("recorder-\(name).sqlite"), synchronous: synchronous),
      state: state)
    let raw = try RawSQLite(
      path: databasePath("raw-\(name).sqlite"), synchronous: synchronous.rawValue, state: state)
    bySetting[synchronous] = try await measure([library, recorder, raw], count: count, rounds: 10)
    if synchronous == .full {
      let time = try await medianSeconds(runs: 3) { _ = try await library.readLogDecoded() }
      sqliteDecoded = Double(try await library.readLog()) / time
    }
  }
  let full = bySetting[.full] ?? []
  let normal = bySetting[.normal] ?? []
  let (library, recorderAlone, raw) = (full[0], full[1], full[2])

  let rows = [
    Row(name: "(a) create dogs, one save each", unit: "events/s", memory: memory.create,
      sqlite: library.create, raw: raw.create, python: .createDogs),
    Row(name: "(b) save 10 events per transaction", unit: "events/s", memory: memory.batches,
      sqlite: library.batches, raw: raw.batches, python: .saveOneStream),
    Row(name: "(c) load one aggregate of N events", unit: "ms", memory: memory.loadMilliseconds,
      sqlite: library.loadMilliseconds, raw: raw.loadMilliseconds, python: .loadMilliseconds,
      lowerIsBetter: true),
    Row(name: "(c) load, best of \(loadRuns)", unit: "ms", memory: memory.loadBestMilliseconds,
      sqlite: library.loadBestMilliseconds, raw: raw.loadBestMilliseconds, python: nil,
      lowerIsBetter: true),
    Row(name: "(c) load, decoding in one task", unit: "ms",
      memory: memory.loadInOneTaskMilliseconds, sqlite: library.loadInOneTaskMilliseconds,
      raw: nil, python: nil, lowerIsBetter: true),
    Row(name: "(d) read the log, pages of 1,000", unit: "/s", memory: memory.readLog,
      sqlite: library.readLog, raw: raw.readLog, python: .readLog),
    Row(name: "(d) read the log and decode events", unit: "/s", memory: memoryDecoded,
      sqlite: sqliteDecoded, raw: nil, python: .readLogDecoded),
    Row(name: "(a) recorder alone", unit: "events/s", memory: nil,
      sqlite: recorderAlone.create, raw: raw.create, python: nil),
    Row(name: "(b) recorder alone", unit: "events/s", memory: nil,
      sqlite: recorderAlone.batches, raw: raw.batches, python: nil),
    Row(name: "(c) recorder alone, no decoding", unit: "ms", memory: nil,
      sqlite: recorderAlone.loadMilliseconds, raw: raw.loadMilliseconds, python: nil,
      lowerIsBetter: true),
    Row(name: "(a) synchronous=NORMAL", unit: "events/s", memory: nil,
      sqlite: normal[0].create, raw: normal[2].create, python: nil),
    Row(name: "(b) synchronous=NORMAL", unit: "events/s", memory: nil,
      sqlite: normal[0].batches, raw: normal[2].batches, python: nil),
    Row(name: "(a) NORMAL, recorder alone", unit: "events/s", memory: nil,
      sqlite: normal[1].create, raw: normal[2].create, python: nil),
    Row(name: "(b) NORMAL, recorder alone", unit: "events/s", memory: nil,
      sqlite: normal[1].batches, raw: normal[2].batches, python: nil),
  ]
  print(Row.header)
  for row in rows { print(row.line) }
  print("""
    SQLite/raw: the library's speed as a share of raw SQLite's, same schema and settings.
    recorder alone: SQLiteRecorder given ready-made stored events (no mapper JSON).
    (c): median of \(loadRuns) loads. The repository decodes a long history's pages in parallel;
    "decoding in one task" reads the same events and decodes them one after another.
    Py: Python eventsourcing 9.5.6, N = 10,000; its (b) saves one event per transaction.
    """)
}

/// The figures of one contender.
struct Figures {
  var create: Double?, batches: Double?
  /// The median and the best of ``loadRuns`` loads, and the median decoding in one task.
  var loadMilliseconds: Double?, loadBestMilliseconds: Double?, loadInOneTaskMilliseconds: Double?
  var readLog: Double?
}

/// How many times each aggregate is loaded: enough for a steady median on a shared machine.
let loadRuns = 21

/// Runs every workload on contenders that share one durability setting.
func measure(_ contenders: [any Contender], count: Int, rounds: Int) async throws -> [Figures] {
  let perRound = max(1, count / rounds)
  let create = try await interleaved(contenders, rounds: rounds) {
    try await $0.createAggregates(perRound)
  }
  let batches = try await interleaved(contenders, rounds: rounds) {
    try await $0.saveTenEventAggregates(perRound / 10)
  }
  var figures: [Figures] = []
  for (index, contender) in contenders.enumerated() {
    let loader = try await contender.prepareLoad(events: count)
    let loadTime = try await timing(runs: loadRuns) {
      let loaded = try await loader.load()
      guard loaded == count else { throw BenchmarkError.wrongCount(loaded, count) }
    }
    var oneTaskTime: Double?
    if let loadInOneTask = loader.loadInOneTask {
      oneTaskTime = try await medianSeconds(runs: loadRuns) {
        let loaded = try await loadInOneTask()
        guard loaded == count else { throw BenchmarkError.wrongCount(loaded, count) }
      }
    }
    let total = perRound * rounds + perRound / 10 * 10 * rounds + count
    let readTime = try await medianSeconds(runs: 3) {
      let read = try await contender.readLog()
      guard read == total else { throw BenchmarkError.wrongCount(read, total) }
    }
    figures.append(Figures(
      create: Double(perRound * rounds) / create[index],
      batches: Double(perRound / 10 * 10 * rounds) / batches[index],
      loadMilliseconds: loadTime.median * 1000, loadBestMilliseconds: loadTime.best * 1000,
      loadInOneTaskMilliseconds: oneTaskTime.map { $0 * 1000 }, readLog: Double(total) / readTime))
  }
  return figures
}

