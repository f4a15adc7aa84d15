public import Foundation
public import GivenEvents
import Synchronization

/// Keeps every dog's history and, beside it, the notification log: every event of every dog
/// in the order it was appended.
///
/// Appending is one critical section (chapter 3): check every version, then add every event
/// to its dog's history *and* to the log. So the log never holds an event that was refused,
/// and its numbering has no gaps.
public final class InMemoryEventStore: Sendable {
  // Internal, not private: the notification reads of Task 1 are an extension in
  // InMemoryEventStore+Notifications.swift, which reads the log under the same lock.
  struct Storage {
    /// Each dog's events, oldest first.
    var histories: [UUID: [RecordedEvent]] = [:]
    /// Every event in the order it was appended: notification ID n is at index n - 1.
    var log: [RecordedEvent] = []
  }

  let storage = Mutex(Storage())

  /// Creates an empty store.
  public init() {}

  /// Appends events, all of them or none, and gives them the next notification IDs.
  ///
  /// - Throws: ``EventStoreError/versionConflict(originatorID:version:)`` naming the first
  ///   event whose version is taken; then nothing is appended.
  public func append(_ events: [RecordedEvent]) async throws {
    try storage.withLock { storage throws(EventStoreError) in
      var updated = storage
      for event in events {
        let history = updated.histories[event.originatorID, default: []]
        guard event.originatorVersion == history.count + 1 else {
          throw .versionConflict(
            originatorID: event.originatorID, version: event.originatorVersion)
        }
        updated.histories[event.originatorID, default: []].append(event)
        updated.log.append(event)
      }
      storage = updated
    }
  }

  /// Returns one dog's events in version order, up to and including `version` if given.
  public func events(for originatorID: UUID, through version: Int? = nil) async throws
    -> [RecordedEvent]
  {
    let history = storage.withLock { $0.histories[originatorID] ?? [] }
    guard let version else { return history }
    return Array(history.prefix(while: { $0.originatorVersion <= version }))
  }

  /// The ID of the newest notification, or 0 when nothing is stored.
  public func maxNotificationID() async throws -> Int {
    storage.withLock { $0.log.count }
  }
}
