public import EventSourcing
public import Foundation
import GivenBasics
public import GivenDog

/// Gives back dogs by rebuilding them from their stored events.
public struct Repository: Sendable {
  /// Where the events are read from.
  public let recorder: any ApplicationRecorder
  /// Turns stored events back into the dog's events.
  public let mapper: DogEventMapper

  /// Creates a repository reading from a recorder.
  public init(recorder: any ApplicationRecorder, mapper: DogEventMapper = DogEventMapper()) {
    self.recorder = recorder
    self.mapper = mapper
  }

  /// Returns a dog as it is now, or as it was at an earlier version.
  ///
  /// - Throws: ``RepositoryError/aggregateNotFound(id:)`` when there are no events for it.
  public func get(_ id: UUID, version: Int? = nil) async throws -> Dog {
    let stored = try await recorder.events(for: id, through: version)
    guard !stored.isEmpty else { throw RepositoryError.aggregateNotFound(id: id) }
    return try Dog(replaying: stored.map(mapper.recordedEvent(from:)))
  }
}
