public import Foundation
public import GivenEvents
import Synchronization

/// Keeps the events of every dog in memory, in the order of each dog's history.
///
/// The store is shared by concurrent tasks, so its state lives in a `Mutex`. Appending is
/// one critical section: check every version, then add every event. Because the lock is
/// held throughout, no other append can slip in between the check and the write, and a
/// refused append leaves nothing behind.
///
/// Why a `Mutex` and not an actor? An actor would also serialize access. But an actor method
/// that ever `await`s lets other calls run in the middle (reentrancy), and the store's work
/// needs no `await` at all. The `Mutex` makes the critical section visibly synchronous. The
/// methods are still `async`, because a real store (a database, a server) waits for I/O, and
/// the application should not need to change when the store does.
public final class InMemoryEventStore: Sendable {
  /// Each dog's events, oldest first: the array index is the version minus one.
  private let histories = Mutex<[UUID: [RecordedEvent]]>([:])

  /// Creates an empty store.
  public init() {}

  // MARK: - Tasks 1 and 2: append with optimistic concurrency, atomically

  /// Appends events, all of them or none.
  ///
  /// Each event must carry the next version of its dog's history: a version that is already
  /// recorded means another writer got there first, so the whole call is refused.
  ///
  /// - Throws: ``EventStoreError/versionConflict(originatorID:version:)`` naming the first
  ///   event that does not fit; then nothing is appended.
  public func append(_ events: [RecordedEvent]) async throws {
    try histories.withLock { histories throws(EventStoreError) in
      // Check everything first, on a working copy, so that a
      // conflict in the last event leaves the store untouched.
      // slide: append
      var updated = histories
      for event in events {
        let history = updated[event.originatorID, default: []]
        guard event.originatorVersion == history.count + 1 else {
          throw .versionConflict(
            originatorID: event.originatorID,
            version: event.originatorVersion)
        }
        updated[event.originatorID, default: []].append(event)
      }
      histories = updated
      // slide end
    }
  }

  // MARK: - Task 3: read one dog's events

  /// Returns one dog's events in version order, up to and including `version` if given.
  ///
  /// - Parameters:
  ///   - originatorID: The dog whose history to read.
  ///   - version: The last version to include; the whole history when `nil`.
  /// - Returns: The events, oldest first; empty for an unknown dog.
  public func events(for originatorID: UUID, through version: Int? = nil) async throws
    -> [RecordedEvent]
  {
    let history = histories.withLock { $0[originatorID] ?? [] }
    guard let version else { return history }
    return Array(history.prefix(while: { $0.originatorVersion <= version }))
  }
}
