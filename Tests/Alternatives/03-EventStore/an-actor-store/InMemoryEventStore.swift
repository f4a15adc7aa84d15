// Differs from the reference: the store is an actor; append never awaits, so its check and write cannot be interleaved.
public import Foundation
public import GivenEvents

/// Keeps the events of every dog in memory, in the order of each dog's history.
public actor InMemoryEventStore {
  /// Each dog's events, oldest first.
  private var histories: [UUID: [RecordedEvent]] = [:]

  /// Creates an empty store.
  public init() {}

  /// Appends events, all of them or none.
  ///
  /// - Throws: ``EventStoreError/versionConflict(originatorID:version:)`` naming the first
  ///   event that is not its dog's next version; then nothing is appended.
  public func append(_ events: [RecordedEvent]) throws {
    var added: [UUID: [RecordedEvent]] = [:]
    for event in events {
      let known = (histories[event.originatorID]?.count ?? 0) + (added[event.originatorID]?.count ?? 0)
      guard event.originatorVersion == known + 1 else {
        throw EventStoreError.versionConflict(
          originatorID: event.originatorID, version: event.originatorVersion)
      }
      added[event.originatorID, default: []].append(event)
    }
    histories.merge(added) { stored, new in stored + new }
  }

  /// Returns one dog's events in version order, up to and including `version` if given.
  public func events(for originatorID: UUID, through version: Int? = nil) throws
    -> [RecordedEvent]
  {
    let history = histories[originatorID] ?? []
    guard let version else { return history }
    return history.filter { $0.originatorVersion <= version }
  }
}
