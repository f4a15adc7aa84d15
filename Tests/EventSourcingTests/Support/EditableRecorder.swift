import EventSourcing
import Foundation
import Synchronization
import Testing

/// A recorder whose stored events a test can rewrite, as someone with write access to the
/// database could: to check that tampering is detected.
final class EditableRecorder: ApplicationRecorder {
  private let stored = Mutex<[StoredEvent]>([])

  @discardableResult
  func insert(_ events: [StoredEvent]) async throws -> [Int] {
    try stored.withLock { stored in
      for event in events
      where stored.contains(where: {
        $0.originatorID == event.originatorID && $0.originatorVersion == event.originatorVersion
      }) {
        throw RecorderError.versionConflict(
          originatorID: event.originatorID, version: event.originatorVersion)
      }
      stored.append(contentsOf: events)
      return Array(stored.count - events.count + 1...stored.count)
    }
  }

  func events(
    for originatorID: UUID, after version: Int?, through throughVersion: Int?,
    descending: Bool, limit: Int?
  ) async throws -> [StoredEvent] {
    let selected = stored.withLock { $0 }
      .filter {
        $0.originatorID == originatorID && $0.originatorVersion > (version ?? 0)
          && $0.originatorVersion <= (throughVersion ?? .max)
      }
      .sorted { $0.originatorVersion < $1.originatorVersion }
    let ordered = descending ? selected.reversed() : selected
    return Array(ordered.prefix(limit ?? .max))
  }

  func notifications(
    start: Int, limit: Int, stop: Int?
  ) async throws -> [EventSourcing.EventNotification] {
    stored.withLock { stored in
      stored.enumerated().map { EventNotification(id: $0.offset + 1, event: $0.element) }
        .filter { $0.id >= start && $0.id <= (stop ?? .max) }
        .prefix(limit).map { $0 }
    }
  }

  func maxNotificationID() async throws -> Int {
    stored.withLock { $0.count }
  }

  /// The stored event of an aggregate at a version.
  func event(_ id: UUID, version: Int) throws -> StoredEvent {
    try #require(
      stored.withLock { $0 }.first { $0.originatorID == id && $0.originatorVersion == version })
  }

  /// Rewrites the stored events.
  func edit(_ change: (inout [StoredEvent]) throws -> Void) rethrows {
    try stored.withLock { try change(&$0) }
  }

  /// Replaces the state of one stored event.
  func replaceState(of id: UUID, version: Int, with change: (Data) -> Data) {
    edit { events in
      events = events.map { event in
        guard event.originatorID == id, event.originatorVersion == version else { return event }
        return StoredEvent(
          originatorID: id, originatorVersion: version, topic: event.topic,
          state: change(event.state))
      }
    }
  }
}
