// Differs from the reference: one array holds every dog's events in the order they were appended; reads filter it.
public import Foundation
public import GivenEvents
import Synchronization

/// Keeps the events of every dog in memory, in one log in the order they were appended.
public final class InMemoryEventStore: Sendable {
  /// Every event of every dog, in the order the appends were accepted.
  private let log = Mutex<[RecordedEvent]>([])

  /// Creates an empty store.
  public init() {}

  /// Appends events, all of them or none.
  ///
  /// - Throws: ``EventStoreError/versionConflict(originatorID:version:)`` naming the first
  ///   event that is not its dog's next version; then nothing is appended.
  public func append(_ events: [RecordedEvent]) async throws {
    try log.withLock { log throws(EventStoreError) in
      var lastVersions: [UUID: Int] = [:]
      for event in events {
        let last =
          lastVersions[event.originatorID]
          ?? log.lazy.filter { $0.originatorID == event.originatorID }.count
        guard event.originatorVersion == last + 1 else {
          throw EventStoreError.versionConflict(
            originatorID: event.originatorID, version: event.originatorVersion)
        }
        lastVersions[event.originatorID] = event.originatorVersion
      }
      log.append(contentsOf: events)
    }
  }

  /// Returns one dog's events in version order, up to and including `version` if given.
  public func events(for originatorID: UUID, through version: Int? = nil) async throws
    -> [RecordedEvent]
  {
    let last = version ?? .max
    return log.withLock { log in
      log.filter { $0.originatorID == originatorID && $0.originatorVersion <= last }
    }
  }
}
