// Differs from the reference: reads the snapshots at or below the version in ascending order and takes the last, and branches with if/else.
public import EventSourcing
public import Foundation
import GivenBasics

/// Gives back dogs from their newest snapshot and the events after it.
public struct DogRepository: Sendable {
  /// Where the events are stored.
  public let recorder: any AggregateRecorder
  /// Where the snapshots are stored, apart from the events; none when `nil`.
  public let snapshots: (any AggregateRecorder)?
  /// Turns stored records back into events and snapshots.
  public let mapper: EventMapper

  /// Creates a repository reading events, and snapshots when given, through a mapper.
  public init(
    recorder: any AggregateRecorder, snapshots: (any AggregateRecorder)? = nil,
    mapper: EventMapper
  ) {
    self.recorder = recorder
    self.snapshots = snapshots
    self.mapper = mapper
  }

  /// Returns a dog as it is now, or as it was at an earlier version.
  ///
  /// - Throws: ``RepositoryError/aggregateNotFound(id:)`` when there is nothing stored for it;
  ///   ``RecordError`` naming a record that cannot be read.
  public func get(_ id: UUID, version: Int? = nil) async throws -> Dog {
    var newest: StoredEvent?
    if let snapshots {
      newest = try await snapshots.events(for: id, through: version).last
    }
    if let newest {
      var dog = Dog(snapshot: try mapper.snapshot(from: newest))
      let later = try await recorder.events(for: id, after: dog.version, through: version)
      try dog.replay(later.map(mapper.recordedEvent(from:)))
      return dog
    } else {
      let all = try await recorder.events(for: id, through: version)
      return try replayed(id, from: all.map(mapper.recordedEvent(from:)))
    }
  }

  /// Rebuilds a dog from its events from version 1, as without snapshots.
  ///
  /// - Throws: ``RepositoryError/aggregateNotFound(id:)`` when there are no events.
  func replayed(_ id: UUID, from events: [RecordedEvent]) throws -> Dog {
    guard !events.isEmpty else { throw RepositoryError.aggregateNotFound(id: id) }
    return try Dog(replaying: events)
  }
}
