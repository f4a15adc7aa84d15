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

  // MARK: - Task 2: load from a snapshot and the events after it

  /// Returns a dog as it is now, or as it was at an earlier version.
  ///
  /// Starts from the newest snapshot at or below `version` when there is one, and replays
  /// only the events after it.
  ///
  /// - Throws: ``RepositoryError/aggregateNotFound(id:)`` when there is nothing stored for it;
  ///   ``RecordError`` naming a record that cannot be read.
  public func get(_ id: UUID, version: Int? = nil) async throws -> Dog {
    // slide: get
    // The newest snapshot at or below the version asked for.
    let newest = try await snapshots?.events(
      for: id, after: nil, through: version, descending: true, limit: 1
    ).first
    let snapshot = try newest.map(mapper.snapshot(from:))
    // Then only the events after it, up to that version.
    let events = try await recorder.events(
      for: id, after: snapshot?.originatorVersion, through: version
    ).map(mapper.recordedEvent(from:))
    guard let snapshot else { return try replayed(id, from: events) }
    var dog = Dog(snapshot: snapshot)
    try dog.replay(events)
    return dog
    // slide end
  }

  /// Rebuilds a dog from its events from version 1, as without snapshots.
  ///
  /// - Throws: ``RepositoryError/aggregateNotFound(id:)`` when there are no events.
  func replayed(_ id: UUID, from events: [RecordedEvent]) throws -> Dog {
    guard !events.isEmpty else { throw RepositoryError.aggregateNotFound(id: id) }
    return try Dog(replaying: events)
  }
}
