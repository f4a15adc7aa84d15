// Differs from the reference: after the events are stored, takes the interval's snapshot with takeSnapshot at the saved version (reloading the dog), and counts the multiples passed with a stride.
public import EventSourcing
public import Foundation
public import GivenBasics

/// The application: registers dogs, teaches them tricks, tells about them, and keeps
/// snapshots of long-lived dogs so that loading them stays fast.
///
/// ```swift
/// let school = DogSchool(
///   recorder: try SQLiteRecorder(path: "dogschool.sqlite"),
///   snapshots: try SQLiteRecorder(path: "dogschool.sqlite", eventsTable: "snapshots"),
///   snapshotInterval: 50)
/// ```
public struct DogSchool: Sendable {
  /// Where the school's events live.
  public let recorder: any AggregateRecorder
  /// Where snapshots live, apart from the events; `nil` for a school without snapshots.
  public let snapshots: (any AggregateRecorder)?
  /// Take a snapshot whenever a save passes a multiple of this many events; never when `nil`.
  public let snapshotInterval: Int?
  /// Turns events and snapshots into stored records and back.
  public let mapper: EventMapper
  /// Rebuilds dogs from their newest snapshot and the events after it.
  public let repository: DogRepository

  /// Creates a school on a recorder, with snapshots when a second recorder is given.
  public init(
    recorder: any AggregateRecorder, snapshots: (any AggregateRecorder)? = nil,
    snapshotInterval: Int? = nil, mapper: EventMapper = EventMapper()
  ) {
    self.recorder = recorder
    self.snapshots = snapshots
    self.snapshotInterval = snapshotInterval
    self.mapper = mapper
    repository = DogRepository(recorder: recorder, snapshots: snapshots, mapper: mapper)
  }

  // MARK: - Task 3: store a snapshot apart from the events

  /// Takes a snapshot of a dog as it is now, or as it was at `version`, and stores it with
  /// the snapshots. The events are not touched.
  ///
  /// - Throws: ``RepositoryError/aggregateNotFound(id:)`` for an unknown dog;
  ///   ``SnapshotError/noSnapshotStore`` when the school has no snapshot recorder.
  public func takeSnapshot(_ id: UUID, version: Int? = nil) async throws {
      guard let snapshots else { throw SnapshotError.noSnapshotStore }
    let dog = try await repository.get(id, version: version)
    // Stored under the dog's ID and version, like an event, but in
    // another table: the newest one is found by version.
    try await snapshots.insert([mapper.storedSnapshot(dog.snapshot)])
    }

  // MARK: - Task 4: snapshot every N events

  /// Saves a dog's pending events, then takes a snapshot when they pass a multiple of
  /// ``snapshotInterval``.
  ///
  /// - Throws: `RecorderError.versionConflict` when the dog was changed and saved by someone
  ///   else since it was read; nothing is saved then.
  public func save(_ dog: Dog) async throws {
    try await recorder.insert(dog.pendingEvents.map(mapper.storedEvent))
    guard let snapshotInterval, snapshots != nil else { return }
    let first = dog.version - dog.pendingEvents.count + 1
    let passed = stride(from: first, through: dog.version, by: 1)
      .filter { $0 % snapshotInterval == 0 }
    if !passed.isEmpty {
      try await takeSnapshot(dog.id, version: dog.version)
    }
  }

  /// Registers a dog and returns its ID.
  public func registerDog(name: String) async throws -> UUID {
    let dog = Dog.register(name: name)
    try await save(dog)
    return dog.id
  }

  /// Teaches a registered dog a trick.
  public func addTrick(_ dogID: UUID, trick: String) async throws {
    var dog = try await repository.get(dogID)
    dog.addTrick(trick)
    try await save(dog)
  }

  /// Tells a dog's name and tricks.
  public func getDog(_ dogID: UUID) async throws -> DogDetails {
    let dog = try await repository.get(dogID)
    return DogDetails(name: dog.name, tricks: dog.tricks)
  }
}
