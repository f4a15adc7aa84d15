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

  // Tasks 3 and 4, taking snapshots and saving, are in DogSchool+Snapshots.swift.

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
