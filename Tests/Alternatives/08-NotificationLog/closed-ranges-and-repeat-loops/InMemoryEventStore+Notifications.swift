// Differs from the reference: maps a closed range of IDs inside the lock, not a copy of the log.
import GivenEvents

extension InMemoryEventStore {
  // MARK: - Task 1: select notifications

  /// Returns up to `limit` notifications with IDs from `start` on, in order.
  public func notifications(
    start: Int, limit: Int
  ) async throws -> [NumberedEvent] {
    storage.withLock { storage in
      // The IDs wanted, as a closed range clipped to the log: ID n is at index n - 1.
      let from = max(start, 1)
      guard limit > 0, from <= storage.log.count else { return [] }
      let through = from + min(limit, storage.log.count - from + 1) - 1
      return (from...through).map { NumberedEvent(id: $0, event: storage.log[$0 - 1]) }
    }
  }
}
