// Differs from the reference: builds the intervals with if let; reads details from the state.

public import EventSourcing
public import Foundation
public import struct GivenBasics.DogDetails

/// The tutorial's application on the EventSourcing library.
///
/// It composes an `Application`, which brings the repository, `save` and the notification
/// log; which recorder, cipher and compressor it uses is decided by the environment, never
/// by this code.
public struct DogSchool: EventSourcedApplication {
  /// The library's application: recorder, mapper, repository and notification log.
  public let application: Application

  /// Creates a school configured by the process environment and `environment`, which wins.
  ///
  /// - Parameter snapshotEvery: Take a snapshot of a dog every so many events; none when
  ///   `nil`.
  public init(environment: [String: String] = [:], snapshotEvery: Int? = nil) throws {
    var intervals: [SnapshotInterval] = []
    if let snapshotEvery {
      intervals.append(SnapshotInterval(Dog.self, every: snapshotEvery))
    }
    application = try Application(environment: environment, snapshotIntervals: intervals)
  }

  // MARK: - Task 2: the commands and the query

  /// Registers a dog and returns its ID.
  public func registerDog(name: String) async throws -> UUID {
    var dog = EventSourced<Dog>.register(name: name)
    try await save(&dog)
    return dog.id
  }

  /// Teaches a registered dog a trick.
  public func addTrick(_ dogID: UUID, trick: String) async throws {
    var dog = try await repository.get(dogID, as: Dog.self)
    dog.addTrick(trick)
    try await save(&dog)
  }

  /// Tells a dog's name and tricks, now or as it was at `version`.
  public func getDog(_ dogID: UUID, version: Int? = nil) async throws -> DogDetails {
    let state = try await repository.get(dogID, as: Dog.self, version: version).state
    return DogDetails(name: state.name, tricks: state.tricks)
  }
}
