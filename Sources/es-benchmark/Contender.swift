import DogSchool
import EventSourcing
import Foundation

/// One way of doing the benchmark's work: through the whole library, through a recorder alone,
/// or through raw SQLite. Each works on its own database and keeps the streams it writes to.
protocol Contender: AnyObject {
  /// Saves `count` new aggregates of one event each, one transaction each.
  func createAggregates(_ count: Int) async throws
  /// Saves `count` new aggregates of ten events each, one transaction each.
  func saveTenEventAggregates(_ count: Int) async throws
  /// Appends `tricks` events to the contender's one stream, one transaction per event; the
  /// first call saves the stream's first event (the dog's registration) before them.
  func saveToStream(tricks: Int) async throws
  /// Returns what loads the stream that ``saveToStream(tricks:)`` wrote.
  func streamLoader() throws -> Loader
  /// Whether the contender keeps snapshots; the two requirements below do nothing without.
  var takesSnapshots: Bool { get }
  /// As ``saveToStream(tricks:)``, on a second stream, taking a snapshot every 100 events.
  func saveToSnapshottingStream(tricks: Int) async throws
  /// Returns what loads the second stream from its newest snapshot.
  func snapshotLoader() throws -> Loader?
  /// Reads the whole notification log in pages of 1,000 and returns how many it read.
  func readLog() async throws -> Int
}

extension Contender {
  var takesSnapshots: Bool { false }
  func saveToSnapshottingStream(tricks: Int) async throws {}
  func snapshotLoader() throws -> Loader? { nil }
}

/// What loads an aggregate a contender saved, returning its version.
struct Loader {
  /// Loads it the usual way.
  let load: () async throws -> Int
  /// Loads it decoding every event in one task, where the contender decodes at all: the
  /// repository decodes a long history's pages in parallel, and this shows what that saves.
  var loadInOneTask: (() async throws -> Int)? = nil
  /// Reads its rows without decoding them, where the contender can (raw SQLite).
  var loadRows: (() async throws -> Int)? = nil
}

/// How many events apart the snapshotting stream's snapshots are.
let snapshotInterval = 100

/// The whole library: a `DogSchool` application, with the mapper's JSON on every event, and
/// a second application on the same recorder that takes snapshots.
final class LibraryContender: Contender {
  let application: Application
  private let snapshotting: Application?
  private var stream: EventSourced<Dog>?
  private var snapshottingStream: EventSourced<Dog>?

  /// Creates the contender; with `snapshots`, its second stream is snapshotted there.
  init(recorder: any ApplicationRecorder, snapshots: (any AggregateRecorder)? = nil) {
    application = Application(recorder: recorder)
    snapshotting = snapshots.map {
      Application(
        recorder: recorder, snapshots: $0,
        snapshotIntervals: [SnapshotInterval(Dog.self, every: snapshotInterval)])
    }
  }

  var takesSnapshots: Bool { snapshotting != nil }

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

  func saveToStream(tricks: Int) async throws {
    stream = try await Self.append(tricks, to: stream, in: application)
  }

  func saveToSnapshottingStream(tricks: Int) async throws {
    guard let snapshotting else { return }
    snapshottingStream = try await Self.append(tricks, to: snapshottingStream, in: snapshotting)
  }

  /// Saves the dog's registration when there is no stream yet, then `tricks` tricks, one
  /// save each, keeping the dog in memory between saves as the Python workload does.
  private static func append(
    _ tricks: Int, to stream: EventSourced<Dog>?, in application: Application
  ) async throws -> EventSourced<Dog> {
    var dog: EventSourced<Dog>
    if let stream {
      dog = stream
    } else {
      dog = .register(name: "Fido")
      try await application.save(&dog)
    }
    for _ in 0..<tricks {
      dog.addTrick("trick \(dog.version)")
      try await application.save(&dog)
    }
    return dog
  }

  func streamLoader() throws -> Loader {
    guard let id = stream?.id else { throw BenchmarkError.noStream }
    let (repository, recorder, mapper) = (application.repository, application.recorder, application.mapper)
    return Loader(
      load: { try await repository.get(id, as: Dog.self).version },
      loadInOneTask: {
        let stored = try await recorder.events(for: id, after: nil, through: nil, limit: nil)
        return try EventSourced<Dog>(
          replaying: mapper.recordedEvents(Dog.Event.self, from: stored)
        ).version
      })
  }

  func snapshotLoader() throws -> Loader? {
    guard let snapshotting else { return nil }
    guard let id = snapshottingStream?.id else { throw BenchmarkError.noStream }
    let repository = snapshotting.repository
    return Loader(load: { try await repository.get(id, as: Dog.self).version })
  }

  func readLog() async throws -> Int {
    try await RecorderContender.readLog(application.recorder) { _ in }
  }

  /// Reads the whole log and decodes every notification into a `Dog.Event`, or into the
  /// same events of another type.
  func readLogDecoded<Event: DomainEvent>(as type: Event.Type = Dog.Event.self) async throws -> Int {
    let mapper = application.mapper
    return try await RecorderContender.readLog(application.recorder) { page in
      _ = try mapper.recordedEvents(type, from: page.map(\.storedEvent))
    }
  }

  /// The median duration, in microseconds, of a call to the recorder that does almost no
  /// work: the cost of reaching the recorder, which for SQLite is a hop to its worker.
  func emptyCallMicroseconds(runs: Int) async throws -> Double {
    let recorder = application.recorder
    return try await medianSeconds(runs: runs) { _ = try await recorder.maxNotificationID() } * 1e6
  }
}

/// The stored form of a dog's two kinds of event, made once by the mapper, that the recorder
/// alone and raw SQLite store instead of encoding events of their own.
struct EventTemplates {
  /// A registration, for the first event of an aggregate.
  let registered: StoredEvent
  /// A trick, for every later event.
  let trickAdded: StoredEvent

  /// Makes them with the library's mapper.
  init(mapper: Mapper) throws {
    var sample = EventSourced<Dog>.register(name: "Sample")
    sample.addTrick("trick 1234")
    let events = try mapper.storedEvents(sample.pendingEvents, after: nil)
    guard events.count == 2 else { throw BenchmarkError.wrongCount(events.count, 2) }
    (registered, trickAdded) = (events[0], events[1])
  }

  /// The template for an event of the given version.
  func template(version: Int) -> StoredEvent { version == 1 ? registered : trickAdded }

  /// The stored events of one aggregate with these versions.
  func events(_ id: UUID, _ versions: ClosedRange<Int>) -> [StoredEvent] {
    versions.map {
      let template = template(version: $0)
      return StoredEvent(
        originatorID: id, originatorVersion: $0, topic: template.topic, state: template.state)
    }
  }
}

/// A workload that did not do what it should have.
enum BenchmarkError: Error, CustomStringConvertible {
  case wrongCount(Int, Int)
  case sqlite(String)
  case noStream
  case python(String)

  var description: String {
    switch self {
    case .wrongCount(let got, let expected): "Expected \(expected) items, got \(got)."
    case .sqlite(let message): "SQLite failed: \(message)"
    case .noStream: "A stream was loaded before it was saved."
    case .python(let message): "The Python figures cannot be read: \(message)"
    }
  }
}
