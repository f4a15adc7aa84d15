import CSQLite
import DogSchool
import EventSourcing
import Foundation

/// Runs every workload with N = `count` and prints the table beside the Python figures.
func runBenchmark(count: Int, python: PythonReference) async throws {
  let directory = FileManager.default.temporaryDirectory
    .appendingPathComponent("es-benchmark-\(UUID().uuidString)", isDirectory: true)
  try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: directory) }
  func databasePath(_ name: String) -> String { directory.appendingPathComponent(name).path }

  // The recorder-alone and raw contenders store copies of a dog's events as the mapper stores them.
  let templates = try EventTemplates(mapper: Mapper())

  print(
    "es-benchmark: N = \(count), SQLite \(String(cString: sqlite3_libversion())), WAL files, "
      + "\(ProcessInfo.processInfo.activeProcessorCount) processors")
  // In memory, a run takes seconds, and one run swings with the machine: the writes are the
  // median of three runs on fresh stores, as Python's are; the loads and reads are the last
  // run's.
  var memoryRuns: [Figures] = []
  var memoryLibrary = LibraryContender(recorder: InMemoryRecorder(), snapshots: InMemoryRecorder())
  for run in 1...memoryWriteRuns {
    if run > 1 {
      memoryLibrary = LibraryContender(recorder: InMemoryRecorder(), snapshots: InMemoryRecorder())
    }
    memoryRuns += try await measure([memoryLibrary], count: count, rounds: 1, complete: true)
  }
  let memory = Figures(medianWritesOf: memoryRuns)
  let decodeTime = try await medianSeconds(runs: 3) { _ = try await memoryLibrary.readLogDecoded() }
  let memoryDecoded = Double(try await memoryLibrary.readLog()) / decodeTime
  let handDecodeTime = try await medianSeconds(runs: 3) {
    _ = try await memoryLibrary.readLogDecoded(as: HandDecodedDogEvent.self)
  }
  let memoryHandDecoded = Double(try await memoryLibrary.readLog()) / handDecodeTime
  let trickStrings = try await trickStringsMilliseconds(count: memory.streamEvents - 1)
  let mapping = try await mapperRates(count: count)

  var bySetting: [SQLiteRecorder.Synchronous: [Figures]] = [:]
  var sqliteDecoded = 0.0
  var sqliteHandDecoded = 0.0
  var emptyCall: (library: Double, raw: Double)?
  for synchronous in [SQLiteRecorder.Synchronous.full, .normal] {
    let name = synchronous.rawValue.lowercased()
    let complete = synchronous == .full
    let libraryPath = databasePath("library-\(name).sqlite")
    let library = LibraryContender(
      recorder: try SQLiteRecorder(path: libraryPath, synchronous: synchronous),
      snapshots: complete
        ? try SQLiteRecorder(path: libraryPath, eventsTable: "snapshots", synchronous: synchronous) : nil)
    let recorder = RecorderContender(
      recorder: try SQLiteRecorder(path: databasePath("recorder-\(name).sqlite"), synchronous: synchronous),
      templates: templates)
    let raw = try RawSQLite(
      path: databasePath("raw-\(name).sqlite"), synchronous: synchronous.rawValue, templates: templates)
    bySetting[synchronous] = try await measure(
      [library, recorder, raw], count: count, rounds: 10, complete: complete)
    if complete {
      let time = try await medianSeconds(runs: 3) { _ = try await library.readLogDecoded() }
      sqliteDecoded = Double(try await library.readLog()) / time
      let handTime = try await medianSeconds(runs: 3) {
        _ = try await library.readLogDecoded(as: HandDecodedDogEvent.self)
      }
      sqliteHandDecoded = Double(try await library.readLog()) / handTime
      emptyCall = (
        try await library.emptyCallMicroseconds(runs: emptyCallRuns),
        try await raw.emptyCallMicroseconds(runs: emptyCallRuns)
      )
    }
  }
  let full = bySetting[.full] ?? []
  let normal = bySetting[.normal] ?? []
  guard full.count == 3, normal.count == 3 else { throw BenchmarkError.wrongCount(full.count, 3) }
  let (library, recorderAlone, raw) = (full[0], full[1], full[2])

  let rows = [
    Row(name: "(a) create dogs, one save each", unit: "events/s", memory: memory.create,
      sqlite: library.create, raw: raw.create, python: \.createDogs),
    Row(name: "(b) one stream, one event per save", unit: "events/s", memory: memory.stream,
      sqlite: library.stream, raw: raw.stream, python: \.saveOneStream),
    Row(name: "(b) ten events per save", unit: "events/s", memory: memory.batches,
      sqlite: library.batches, raw: raw.batches, python: \.saveTenPerSave),
    Row(name: "(b) load the stream, \(memory.streamEvents) events", unit: "ms",
      memory: memory.load?.median, sqlite: library.load?.median, raw: raw.load?.median,
      python: \.loadMilliseconds, lowerIsBetter: true),
    Row(name: "(b) load, best of \(loadRuns)", unit: "ms", memory: memory.load?.best,
      sqlite: library.load?.best, raw: raw.load?.best, python: nil, lowerIsBetter: true),
    Row(name: "(b) load, decoding in one task", unit: "ms", memory: memory.loadInOneTask,
      sqlite: library.loadInOneTask, raw: raw.load?.median, python: nil, lowerIsBetter: true),
    Row(name: "(c) one stream, snapshot every \(snapshotInterval)", unit: "events/s",
      memory: memory.snapshotSaves, sqlite: library.snapshotSaves, raw: raw.snapshotSaves,
      python: \.saveSnapshotting),
    Row(name: "(c) load from the newest snapshot", unit: "ms", memory: memory.snapshotLoad?.median,
      sqlite: library.snapshotLoad?.median, raw: raw.snapshotLoad?.median,
      python: \.loadSnapshotMilliseconds, lowerIsBetter: true),
    Row(name: "(c) load from a snapshot, best of \(loadRuns)", unit: "ms",
      memory: memory.snapshotLoad?.best, sqlite: library.snapshotLoad?.best,
      raw: raw.snapshotLoad?.best, python: nil, lowerIsBetter: true),
    Row(name: "(c) only making its \(memory.streamEvents - 1) strings", unit: "ms",
      memory: trickStrings, sqlite: nil, raw: nil, python: \.loadSnapshotMilliseconds,
      lowerIsBetter: true),
    Row(name: "(d) read the log, pages of 1,000", unit: "/s", memory: memory.readLog,
      sqlite: library.readLog, raw: raw.readLog, python: \.readLog),
    Row(name: "(d) read the log and decode events", unit: "/s", memory: memoryDecoded,
      sqlite: sqliteDecoded, raw: nil, python: \.readLogDecoded),
    Row(name: "(d) the same, hand-written init(from:)", unit: "/s", memory: memoryHandDecoded,
      sqlite: sqliteHandDecoded, raw: nil, python: \.readLogDecoded),
    Row(name: "(e) mapper alone: events to stored events", unit: "/s", memory: mapping.encode,
      sqlite: nil, raw: nil, python: nil),
    Row(name: "(e) mapper alone: stored events to events", unit: "/s", memory: mapping.decode,
      sqlite: nil, raw: nil, python: nil),
    Row(name: "(b) a call that does no work", unit: "µs", memory: nil,
      sqlite: emptyCall?.library, raw: emptyCall?.raw, python: nil, lowerIsBetter: true),
    Row(name: "(a) recorder alone", unit: "events/s", memory: nil,
      sqlite: recorderAlone.create, raw: raw.create, python: nil),
    Row(name: "(b) recorder alone, one per save", unit: "events/s", memory: nil,
      sqlite: recorderAlone.stream, raw: raw.stream, python: nil),
    Row(name: "(b) recorder alone, ten per save", unit: "events/s", memory: nil,
      sqlite: recorderAlone.batches, raw: raw.batches, python: nil),
    Row(name: "(b) recorder alone, load, no decoding", unit: "ms", memory: nil,
      sqlite: recorderAlone.load?.median, raw: raw.loadRows, python: nil, lowerIsBetter: true),
    Row(name: "(a) synchronous=NORMAL", unit: "events/s", memory: nil,
      sqlite: normal[0].create, raw: normal[2].create, python: nil),
    Row(name: "(b) NORMAL, one event per save", unit: "events/s", memory: nil,
      sqlite: normal[0].stream, raw: normal[2].stream, python: nil),
    Row(name: "(b) NORMAL, ten per save", unit: "events/s", memory: nil,
      sqlite: normal[0].batches, raw: normal[2].batches, python: nil),
    Row(name: "(a) NORMAL, recorder alone", unit: "events/s", memory: nil,
      sqlite: normal[1].create, raw: normal[2].create, python: nil),
    Row(name: "(b) NORMAL, recorder alone, one/save", unit: "events/s", memory: nil,
      sqlite: normal[1].stream, raw: normal[2].stream, python: nil),
  ]
  print(python.source)
  if python.count != count {
    print("Py ran with N = \(python.count), not \(count): its figures are not the same work.")
  }
  print(Row.header(stale: python.isStale))
  for row in rows { print(row.line(python: python)) }
  print("""
    SQLite/raw: the library's speed as a share of raw SQLite's, same schema and settings.
    × Python: the library's speed as a multiple of Python's (rates ours/theirs, times theirs/ours).
    SQLite: synchronous=FULL unless NORMAL is named; Python's SQLite keeps SQLite's default.
    raw SQLite: the C API stores ready-made events; it loads rows and decodes their JSON with
    the library's mapper in one task, and (c) reads the newest snapshot row and the rows after it.
    recorder alone: SQLiteRecorder given ready-made stored events (no mapper JSON).
    hand-written init(from:): Dog.Event's twin that does not ask for allKeys, decoding the
    same events: what the synthesized Codable conformance of an enumeration costs.
    only making its strings: the snapshot's tricks made from UTF-8 bytes in memory, with no
    JSON to read: what any decoder must do, so × Python there is the most a load could reach.
    (e): the mapper on a dog's N+1 events, without a recorder: encoding, then decoding.
    a call that does no work: maxNotificationID() (median of \(emptyCallRuns)); raw runs its
    query in the calling task, the recorder on its connection's worker thread.
    memory: writes are the median of \(memoryWriteRuns) runs, each on a fresh store.
    Loads: median of \(loadRuns). The repository decodes a long history's pages in parallel;
    "decoding in one task" reads the same events and decodes them one after another.
    (c): a second stream on the same store; snapshots sit in a table of their own. Python's
    has a store of its own, so its (d) log lacks those N+1 events; rates per event compare.
    """)
}

/// The figures of one contender; `nil` where it did not do the work.
struct Figures {
  var create: Double?, batches: Double?, stream: Double?, snapshotSaves: Double?
  /// How many events the stream holds: its registration and N tricks.
  var streamEvents = 0
  /// Loading the stream, the median loading it in one task, and the raw rows alone.
  var load: Timing?, loadInOneTask: Double?, loadRows: Double?
  /// Loading the snapshotting stream from its newest snapshot.
  var snapshotLoad: Timing?
  var readLog: Double?
}

/// How many times each aggregate is loaded: enough for a steady median on a shared machine.
let loadRuns = 21

/// How many times the in-memory writes are measured, each on a fresh store.
let memoryWriteRuns = 3

/// How many times the call that does no work is timed.
let emptyCallRuns = 10_000

extension Figures {
  /// The last run's figures, with each write rate the median of all the runs'.
  init(medianWritesOf runs: [Figures]) {
    func median(_ rate: KeyPath<Figures, Double?>) -> Double? {
      let rates = runs.compactMap { $0[keyPath: rate] }.sorted()
      return rates.isEmpty ? nil : rates[rates.count / 2]
    }
    self = runs.last ?? Figures()
    create = median(\.create)
    batches = median(\.batches)
    stream = median(\.stream)
    snapshotSaves = median(\.snapshotSaves)
  }
}

/// Runs every workload on contenders that share one durability setting, the writes in
/// alternating rounds; `complete` adds the snapshots, the loads and the log reads. Durations
/// of loads are in milliseconds.
func measure(
  _ contenders: [any Contender], count: Int, rounds: Int, complete: Bool
) async throws -> [Figures] {
  let perRound = max(1, count / rounds)
  let create = try await interleaved(contenders, rounds: rounds) {
    try await $0.createAggregates(perRound)
  }
  let batches = try await interleaved(contenders, rounds: rounds) {
    try await $0.saveTenEventAggregates(perRound / 10)
  }
  let stream = try await interleaved(contenders, rounds: rounds) {
    try await $0.saveToStream(tricks: perRound)
  }
  let snapshotting = complete ? contenders.filter(\.takesSnapshots) : []
  let snapshotSaves = try await interleaved(snapshotting, rounds: rounds) {
    try await $0.saveToSnapshottingStream(tricks: perRound)
  }
  let streamEvents = perRound * rounds + 1
  var figures: [Figures] = []
  for (index, contender) in contenders.enumerated() {
    var figure = Figures(
      create: Double(perRound * rounds) / create[index],
      batches: Double(perRound / 10 * 10 * rounds) / batches[index],
      stream: Double(streamEvents) / stream[index], streamEvents: streamEvents)
    if let position = snapshotting.firstIndex(where: { $0 === contender }) {
      figure.snapshotSaves = Double(streamEvents) / snapshotSaves[position]
    }
    if complete {
      try await measureReads(
        of: contender, into: &figure,
        logTotal: perRound * rounds + perRound / 10 * 10 * rounds + streamEvents
          + (contender.takesSnapshots ? streamEvents : 0))
    }
    figures.append(figure)
  }
  return figures
}

/// Loads a contender's streams and reads its log, checking what they return.
private func measureReads(of contender: any Contender, into figure: inout Figures, logTotal: Int) async throws {
  let events = figure.streamEvents
  func checked(_ load: () async throws -> Int) async throws {
    let loaded = try await load()
    guard loaded == events else { throw BenchmarkError.wrongCount(loaded, events) }
  }
  let loader = try contender.streamLoader()
  figure.load = try await timing(runs: loadRuns) { try await checked(loader.load) }.inMilliseconds
  if let loadInOneTask = loader.loadInOneTask {
    figure.loadInOneTask = try await medianSeconds(runs: loadRuns) { try await checked(loadInOneTask) } * 1000
  }
  if let loadRows = loader.loadRows {
    figure.loadRows = try await medianSeconds(runs: loadRuns) { try await checked(loadRows) } * 1000
  }
  if let snapshotLoader = try contender.snapshotLoader() {
    figure.snapshotLoad = try await timing(runs: loadRuns) {
      try await checked(snapshotLoader.load)
    }.inMilliseconds
  }
  let readTime = try await medianSeconds(runs: 3) {
    let read = try await contender.readLog()
    guard read == logTotal else { throw BenchmarkError.wrongCount(read, logTotal) }
  }
  figure.readLog = Double(logTotal) / readTime
}
