public import Foundation
import GivenBasics
public import GivenEvents
import Synchronization

/// Keeps the events of every dog in memory, in the order of each dog's history.
///
/// The store is shared by concurrent tasks, so its state lives in a `Mutex` (see the
/// chapter text for why not an actor). Read or change it only inside `withLock`:
///
///     histories.withLock { histories in histories[id] = [...] }
public final class InMemoryEventStore: Sendable {
  /// Each dog's events, oldest first.
  private let histories = Mutex<[UUID: [RecordedEvent]]>([:])

  /// Creates an empty store.
  public init() {}

  // MARK: - Tasks 1 and 2: append with optimistic concurrency, atomically

  /// Appends events, all of them or none.
  ///
  /// Each event must carry the next version of its dog's history: 1 for a new dog, then 2, 3…
  ///
  /// - Throws: ``EventStoreError/versionConflict(originatorID:version:)`` naming the first
  ///   event that does not fit (its version is already recorded, or leaves a gap); then
  ///   nothing is appended.
  public func append(_ events: [RecordedEvent]) async throws {
    // Task 1: inside `histories.withLock { ... }`, refuse an event that is not the next version
    // of its dog (throw EventStoreError.versionConflict), else append it.
    // Task 2: make it all-or-nothing: check every event before changing anything, in the
    // same withLock as the write.
    throw NotImplemented(task: 1, what: "InMemoryEventStore.append(_:)")
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
    // Task 3: return this dog's events, oldest first, leaving out versions after `version`.
    throw NotImplemented(task: 3, what: "InMemoryEventStore.events(for:through:)")
  }
}
