// Differs from the reference: drops the IDs before start and takes a prefix of the rest.
import GivenEvents

extension InMemoryEventStore {
  // MARK: - Task 1: select notifications

  /// Returns up to `limit` notifications with IDs from `start` on, in order.
  public func notifications(
    start: Int, limit: Int
  ) async throws -> [NumberedEvent] {
    guard limit > 0 else { return [] }
    let skipped = max(start, 1) - 1
    let window = storage.withLock { Array($0.log.dropFirst(skipped).prefix(limit)) }
    return window.enumerated().map { offset, event in
      NumberedEvent(id: skipped + offset + 1, event: event)
    }
  }
}
