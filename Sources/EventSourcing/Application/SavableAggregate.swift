import Foundation

/// An aggregate whose pending events an ``Application`` can store, whatever its state type:
/// what lets one save take aggregates of different types together.
protocol SavableAggregate: Sendable {
  /// The aggregate's identity.
  var id: UUID { get }

  /// The aggregate's state type, for settings made per type such as snapshot intervals.
  var stateType: any Aggregate.Type { get }

  /// The versions of the aggregate's pending events, oldest first.
  var pendingVersions: [Int] { get }

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

  // A closure, not a key path: a key path into a generic type is instantiated at run time
  // on every call, which cost a tenth of an in-memory save.
  var pendingVersions: [Int] { pendingEvents.map { $0.originatorVersion } }

  func pendingStoredEvents(using mapper: Mapper, after headHash: Data?) throws -> [StoredEvent] {
    try mapper.storedEvents(pendingEvents, after: headHash)
  }

  func storedSnapshot(using mapper: Mapper, headHash: Data?) throws -> StoredEvent {
    try mapper.storedSnapshot(snapshot, headHash: headHash)
  }
}
