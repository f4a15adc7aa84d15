public import EventSourcing
public import Foundation
import GivenBasics
public import GivenDog

/// Gives back dogs by reading their stored events and replaying them.
public struct DogRepository: Sendable {
  /// Where the events are stored.
  public let recorder: any AggregateRecorder
  /// Turns stored events back into the dog's events.
  public let mapper: EventMapper

  /// Creates a repository reading from a recorder through a mapper.
  public init(recorder: any AggregateRecorder, mapper: EventMapper) {
    self.recorder = recorder
    self.mapper = mapper
  }

  /// Returns a dog as it is now, or as it was at an earlier version.
  ///
  /// - Throws: ``RepositoryError/aggregateNotFound(id:)`` when there are no events for it;
  ///   ``RecordError`` naming a record that cannot be read.
  public func get(_ id: UUID, version: Int? = nil) async throws -> Dog {
    let stored = try await recorder.events(for: id, through: version)
    guard !stored.isEmpty else { throw RepositoryError.aggregateNotFound(id: id) }
    return try Dog(replaying: stored.map(mapper.recordedEvent(from:)))
  }
}
