// Differs from the reference: counts each dog's next version first, then writes in place, both in one withLock returning a Result.
public import Foundation
public import GivenEvents
import Synchronization

/// Keeps the events of every dog in memory, in the order of each dog's history.
public final class InMemoryEventStore: Sendable {
  /// Each dog's events, oldest first.
  private let histories = Mutex<[UUID: [RecordedEvent]]>([:])

  /// Creates an empty store.
  public init() {}

  /// Appends events, all of them or none.
  ///
  /// - Throws: ``EventStoreError/versionConflict(originatorID:version:)`` naming the first
  ///   event that is not its dog's next version; then nothing is appended.
  public func append(_ events: [RecordedEvent]) async throws {
    let outcome: Result<Void, EventStoreError> = histories.withLock { histories in
      var nextVersion: [UUID: Int] = [:]
      for event in events {
        let expected = nextVersion[event.originatorID] ?? (histories[event.originatorID]?.count ?? 0) + 1
        if event.originatorVersion != expected {
          return .failure(
            .versionConflict(originatorID: event.originatorID, version: event.originatorVersion))
        }
        nextVersion[event.originatorID] = expected + 1
      }
      for event in events {
        histories[event.originatorID, default: []].append(event)
      }
      return .success(())
    }
    try outcome.get()
  }

  /// Returns one dog's events in version order, up to and including `version` if given.
  public func events(for originatorID: UUID, through version: Int? = nil) async throws
    -> [RecordedEvent]
  {
    let history = histories.withLock { $0[originatorID, default: []] }
    switch version {
    case nil:
      return history
    case let last?:
      return Array(history.prefix(max(0, last)))
    }
  }
}
