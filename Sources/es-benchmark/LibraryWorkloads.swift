import DogSchool
import EventSourcing
import Foundation

/// The figures of one run of the workloads.
struct Figures {
  /// (a) Events per second, creating dogs with one save each.
  var createDogs: Double?
  /// (b) Events per second, saving ten events per transaction.
  var saveBatches: Double?
  /// (c) Milliseconds to load one aggregate of N events.
  var loadMilliseconds: Double?
  /// (d) Notifications per second, reading the whole log in pages of 1,000.
  var readLog: Double?
  /// (d) Notifications per second, reading the log and decoding each into a `Dog.Event`.
  var readLogDecoded: Double?
}

/// Runs the workloads through the library: a `DogSchool` application on the given recorder.
func runLibraryWorkloads(recorder: any ApplicationRecorder, count: Int) async throws -> Figures {
  let application = Application(recorder: recorder)
  let school = DogSchool(application: application)
  var figures = Figures()

  let createTime = try await seconds {
    for index in 0..<count { _ = try await school.registerDog(name: "Dog \(index)") }
  }
  figures.createDogs = Double(count) / createTime

  let batchTime = try await seconds {
    for index in 0..<(count / 10) {
      var dog = EventSourced<Dog>.register(name: "Batch dog \(index)")
      for trick in 1..<10 { dog.addTrick("trick \(trick)") }
      try await application.save(dog)
    }
  }
  figures.saveBatches = Double(count / 10 * 10) / batchTime

  // One long stream, saved in large batches (not timed), then loaded cold.
  var fido = EventSourced<Dog>.register(name: "Fido")
  for trick in 1..<count {
    fido.addTrick("trick \(trick)")
    if fido.pendingEvents.count == 1_000 {
      try await application.save(fido)
      _ = fido.collectEvents()
    }
  }
  try await application.save(fido)
  let fidoID = fido.id
  let loadTime = try await medianSeconds(runs: 5) {
    let loaded = try await school.repository.get(fidoID, as: Dog.self)
    guard loaded.version == count else { throw BenchmarkError.wrongCount(loaded.version, count) }
  }
  figures.loadMilliseconds = loadTime * 1000

  let total = try await school.notificationLog.maxNotificationID()
  let readTime = try await medianSeconds(runs: 3) {
    let read = try await readLog(school.notificationLog) { _ in }
    guard read == total else { throw BenchmarkError.wrongCount(read, total) }
  }
  figures.readLog = Double(total) / readTime
  let mapper = application.mapper
  let decodeTime = try await medianSeconds(runs: 3) {
    _ = try await readLog(school.notificationLog) { page in
      _ = try mapper.recordedEvents(Dog.Event.self, from: page.map(\.storedEvent))
    }
  }
  figures.readLogDecoded = Double(total) / decodeTime
  return figures
}

/// Reads the whole log in pages of 1,000, handing each page to `process`; returns the count.
private func readLog(
  _ log: NotificationLog, _ process: ([EventSourcing.Notification]) throws -> Void
) async throws -> Int {
  var next = 1
  var read = 0
  while true {
    let page = try await log.select(start: next, limit: 1_000)
    guard let last = page.last else { return read }
    try process(page)
    read += page.count
    next = last.id + 1
  }
}

/// A workload that did not do what it should have.
enum BenchmarkError: Error, CustomStringConvertible {
  case wrongCount(Int, Int)
  case sqlite(String)

  var description: String {
    switch self {
    case .wrongCount(let got, let expected): "Expected \(expected) items, got \(got)."
    case .sqlite(let message): "SQLite failed: \(message)"
    }
  }
}

/// Runs the save and load workloads on a recorder alone, with ready-made stored events: the
/// recorder's share of the work, without the mapper's JSON encoding and decoding.
func runRecorderWorkloads(
  recorder: any ApplicationRecorder, count: Int, state: Data
) async throws -> Figures {
  func events(_ id: UUID, _ versions: ClosedRange<Int>) -> [StoredEvent] {
    versions.map {
      StoredEvent(originatorID: id, originatorVersion: $0, topic: "DogSchool.Dog.Event.trickAdded", state: state)
    }
  }
  var figures = Figures()
  let createTime = try await seconds {
    for _ in 0..<count { try await recorder.insert(events(UUID(), 1...1)) }
  }
  figures.createDogs = Double(count) / createTime
  let batchTime = try await seconds {
    for _ in 0..<(count / 10) { try await recorder.insert(events(UUID(), 1...10)) }
  }
  figures.saveBatches = Double(count / 10 * 10) / batchTime
  let fido = UUID()
  for start in stride(from: 1, through: count, by: 1_000) {
    try await recorder.insert(events(fido, start...min(count, start + 999)))
  }
  let loadTime = try await medianSeconds(runs: 5) {
    let loaded = try await recorder.events(for: fido)
    guard loaded.count == count else { throw BenchmarkError.wrongCount(loaded.count, count) }
  }
  figures.loadMilliseconds = loadTime * 1000
  return figures
}
