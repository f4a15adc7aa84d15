public import Foundation

/// An aggregate whose pending events an ``Application`` can save, whatever its type.
///
/// ``EventSourced`` conforms; this protocol lets one call save aggregates of different types
/// together.
public protocol SavableAggregate: Sendable {
  /// The aggregate's state type, for settings made per type such as snapshot intervals.
  var stateType: any Aggregate.Type { get }

  /// The versions of the aggregate's pending events, oldest first.
  var pendingVersions: [Int] { get }

  /// The aggregate's pending events in stored form.
  ///
  /// - Throws: ``AggregateError/unknownHeadHash(originatorID:)`` when the mapper chains events
  ///   and the aggregate's events were collected since it was loaded.
  func pendingStoredEvents(using mapper: Mapper) throws -> [StoredEvent]

  /// A snapshot of the aggregate as it is now, in stored form.
  ///
  /// - Parameter headHash: The hash-chain hash of the aggregate's latest event once it is
  ///   stored, or `nil` when events are not chained.
  func storedSnapshot(using mapper: Mapper, headHash: Data?) throws -> StoredEvent
}

extension EventSourced: SavableAggregate {
  public var stateType: any Aggregate.Type { State.self }

  public var pendingVersions: [Int] { pendingEvents.map(\.originatorVersion) }

  public func pendingStoredEvents(using mapper: Mapper) throws -> [StoredEvent] {
    // Linked to a stale head hash, the events would be stored with a broken chain that only
    // the next load would find.
    if mapper.hashChain != nil, hasCollectedEvents, !pendingEvents.isEmpty {
      throw AggregateError.unknownHeadHash(originatorID: id)
    }
    return try mapper.storedEvents(pendingEvents, after: headHash)
  }

  public func storedSnapshot(using mapper: Mapper, headHash: Data?) throws -> StoredEvent {
    let snapshot = Snapshot(
      originatorID: id, originatorVersion: version, createdOn: createdOn, modifiedOn: modifiedOn,
      state: state, headHash: headHash)
    return try mapper.storedSnapshot(snapshot)
  }
}
