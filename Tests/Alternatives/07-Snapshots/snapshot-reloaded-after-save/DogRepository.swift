// Differs from the reference: returns early without a snapshot recorder, decodes the page of snapshots before taking its first, and reads events through one helper.
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
    guard let snapshots else {
      return try replayed(id, from: await events(of: id, after: nil, through: version))
    }
    let page = try await snapshots.events(
      for: id, after: nil, through: version, descending: true, limit: 1)
    guard let snapshot = try page.map(mapper.snapshot(from:)).first else {
      return try replayed(id, from: await events(of: id, after: nil, through: version))
    }
    var dog = Dog(snapshot: snapshot)
    let later = try await events(of: id, after: snapshot.originatorVersion, through: version)
    try dog.replay(later)
    return dog
  }

  private func events(of id: UUID, after: Int?, through: Int?) async throws -> [RecordedEvent] {
    try await recorder.events(for: id, after: after, through: through)
      .map(mapper.recordedEvent(from:))
  }

  /// Rebuilds a dog from its events from version 1, as without snapshots.
  ///
  /// - Throws: ``RepositoryError/aggregateNotFound(id:)`` when there are no events.
  func replayed(_ id: UUID, from events: [RecordedEvent]) throws -> Dog {
    guard !events.isEmpty else { throw RepositoryError.aggregateNotFound(id: id) }
    return try Dog(replaying: events)
  }
}
