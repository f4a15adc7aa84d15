import Foundation

/// An aggregate whose pending events an ``Application`` can store, whatever its state type:
/// what lets one save take aggregates of different types together.
protocol SavableAggregate: Sendable {
  /// The aggregate's identity.
  var id: UUID { get }

  /// The aggregate's state type, for settings made per type such as snapshot intervals.
  var stateType: any Aggregate.Type { get }

  /// The versions of the aggregate's pending events, which follow one another; `nil` when
  /// it has none.
  var pendingVersions: ClosedRange<Int>? { get }

  /// The aggregate's pending events in stored form, the first linked to `headHash` when the
  /// mapper chains events.
  func pendingStoredEvents(using mapper: Mapper, after headHash: Data?) throws -> [StoredEvent]

  /// A snapshot of the aggregate as it is now, in stored form.
  ///
  /// - Parameter headHash: The hash-chain hash of the aggregate's latest event once it is
  ///   stored, or `nil` when events are not chained.
  func storedSnapshot(using mapper: Mapper, headHash: Data?) throws -> StoredEvent
}

extension EventSourced: SavableAggregate {
  var stateType: any Aggregate.Type { State.self }

  // The first and last versions only: ``record(_:at:)`` gives pending events one version
  // after another, and an array of them cost an allocation on every save.
  var pendingVersions: ClosedRange<Int>? {
    guard let first = pendingEvents.first, let last = pendingEvents.last else { return nil }
    return first.originatorVersion...last.originatorVersion
  }

  func pendingStoredEvents(using mapper: Mapper, after headHash: Data?) throws -> [StoredEvent] {
    try mapper.storedEvents(pendingEvents, after: headHash)
  }

  func storedSnapshot(using mapper: Mapper, headHash: Data?) throws -> StoredEvent {
    try mapper.storedSnapshot(snapshot, headHash: headHash)
  }
}
