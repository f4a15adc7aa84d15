public import EventSourcing
public import Foundation
import struct GivenBasics.DogDetails

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
    // slide: init
    // Snapshots are a setting too: no code in the commands.
    let intervals = snapshotEvery.map {
      [SnapshotInterval(Dog.self, every: $0)]
    } ?? []
    application = try Application(
      environment: environment, snapshotIntervals: intervals)
    // slide end
  }

  // MARK: - Task 2: the commands and the query

  // slide: commands
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
  // slide end

  // slide: query
  /// Tells a dog's name and tricks, now or as it was at `version`.
  public func getDog(
    _ dogID: UUID, version: Int? = nil
  ) async throws -> DogDetails {
    let dog = try await repository.get(
      dogID, as: Dog.self, version: version)
    return DogDetails(name: dog.name, tricks: dog.tricks)
  }
  // slide end
}
