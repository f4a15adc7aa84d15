public import EventSourcing
public import Foundation
public import struct GivenBasics.DogDetails
public import struct GivenBasics.NotImplemented

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
    // Task 5: when `snapshotEvery` is given, also pass `snapshotIntervals:` with a
    // SnapshotInterval for Dog every that many events.
    application = try Application(environment: environment)
  }

  // MARK: - Task 2: the commands and the query

  /// Registers a dog and returns its ID.
  public func registerDog(name: String) async throws -> UUID {
    // Task 2: register an EventSourced<Dog>, save it, return its id.
    throw NotImplemented(task: 2, what: "DogSchool.registerDog(name:)")
  }

  /// Teaches a registered dog a trick.
  public func addTrick(_ dogID: UUID, trick: String) async throws {
    // Task 2: get the dog from `repository` (as: Dog.self), teach it the trick, save it.
    throw NotImplemented(task: 2, what: "DogSchool.addTrick(_:trick:)")
  }

  /// Tells a dog's name and tricks, now or as it was at `version`.
  public func getDog(_ dogID: UUID, version: Int? = nil) async throws -> DogDetails {
    // Task 2: get the dog at `version` from the repository and return its DogDetails.
    throw NotImplemented(task: 2, what: "DogSchool.getDog(_:version:)")
  }
}
