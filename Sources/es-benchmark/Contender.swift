import DogSchool
import EventSourcing
import Foundation

/// One way of doing the benchmark's work: through the whole library, through a recorder alone,
/// or through raw SQLite. Each works on its own database.
protocol Contender {
  /// Saves `count` new aggregates of one event each, one transaction each.
  func createAggregates(_ count: Int) async throws
  /// Saves `count` new aggregates of ten events each, one transaction each.
  func saveTenEventAggregates(_ count: Int) async throws
  /// Saves one aggregate of `count` events (not timed) and returns what loads it.
  func prepareLoad(events count: Int) async throws -> Loader
  /// Reads the whole notification log in pages of 1,000 and returns how many it read.
  func readLog() async throws -> Int
}

/// What loads the aggregate a contender saved, returning its number of events.
struct Loader {
  /// Loads it the usual way.
  let load: () async throws -> Int
  /// Loads it decoding every event in one task, where the contender decodes at all: the
  /// repository decodes a long history's pages in parallel, and this shows what that saves.
  var loadInOneTask: (() async throws -> Int)? = nil
}

/// The whole library: a `DogSchool` application, with the mapper's JSON on every event.
struct LibraryContender: Contender {
  let application: Application

  func createAggregates(_ count: Int) async throws {
    let school = DogSchool(application: application)
    for index in 0..<count { _ = try await school.registerDog(name: "Dog \(index)") }
  }

  func saveTenEventAggregates(_ count: Int) async throws {
    for index in 0..<count {
      var dog = EventSourced<Dog>.register(name: "Batch dog \(index)")
      for trick in 1..<10 { dog.addTrick("trick \(trick)") }
      try await application.save(&dog)
    }
  }

  func prepareLoad(events count: Int) async throws -> Loader {
    var fido = EventSourced<Dog>.register(name: "Fido")
    for trick in 1..<count {
      fido.addTrick("trick \(trick)")
      if fido.pendingEvents.count == 1_000 {
        try await application.save(&fido)
        _ = fido.collectEvents()
      }
    }
    try await application.save(&fido)
    let (repository, id) = (application.repository, fido.id)
    let (recorder, mapper) = (application.recorder, application.mapper)
    return Loader(
      load: { try await repository.get(id, as: Dog.self).version },
      loadInOneTask: {
        let stored = try await recorder.events(for: id, after: nil, through: nil, limit: nil)
        return try EventSourced<Dog>(
          replaying: mapper.recordedEvents(Dog.Event.self, from: stored)
        ).version
      })
  }

  func readLog() async throws -> Int {
    try await RecorderContender(recorder: application.recorder, state: Data()).readLog()
  }

  /// Reads the whole log and decodes every notification into a `Dog.Event`.
  func readLogDecoded() async throws -> Int {
    let mapper = application.mapper
    return try await RecorderContender.readLog(application.recorder) { page in
      _ = try mapper.recordedEvents(Dog.Event.self, from: page.map(\.storedEvent))
    }
  }
}

/// A recorder alone, given ready-made stored events: the recorder's share of the work.
struct RecorderContender: Contender {
  let recorder: any ApplicationRecorder
  let state: Data

  private func events(_ id: UUID, _ versions: ClosedRange<Int>) -> [StoredEvent] {
    versions.map {
      StoredEvent(
        originatorID: id, originatorVersion: $0, topic: "DogSchool.Dog.Event.trickAdded",
        state: state)
    }
  }

  func createAggregates(_ count: Int) async throws {
    for _ in 0..<count { try await recorder.insert(events(UUID(), 1...1)) }
  }

  func saveTenEventAggregates(_ count: Int) async throws {
    for _ in 0..<count { try await recorder.insert(events(UUID(), 1...10)) }
  }

  func prepareLoad(events count: Int) async throws -> Loader {
    let fido = UUID()
    for start in stride(from: 1, through: count, by: 1_000) {
      try await recorder.insert(events(fido, start...min(count, start + 999)))
    }
    let recorder = recorder
    return Loader(load: { try await recorder.events(for: fido).count })
  }

  func readLog() async throws -> Int {
    try await Self.readLog(recorder) { _ in }
  }

  /// Reads the whole log in pages of 1,000, handing each page to `process`.
  static func readLog(
    _ recorder: any ApplicationRecorder, _ process: ([EventSourcing.EventNotification]) throws -> Void
  ) async throws -> Int {
    var next = 1
    var read = 0
    while true {
      let page = try await recorder.notifications(start: next, limit: 1_000)
      guard let last = page.last else { return read }
      try process(page)
      read += page.count
      next = last.id + 1
    }
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
