import GivenEvents

extension InMemoryEventStore {
  // MARK: - Task 1: select notifications

  // slide: select
  /// Returns up to `limit` notifications with IDs from `start` on, in order.
  ///
  /// IDs count from 1 and the log has no gaps, so ID `n` is at index `n - 1`.
  public func notifications(
    start: Int, limit: Int
  ) async throws -> [NumberedEvent] {
    let log = storage.withLock { $0.log }
    let first = max(start, 1) - 1
    guard first < log.count, limit > 0 else { return [] }
    let end = first + min(limit, log.count - first)
    return (first..<end).map {
      NumberedEvent(id: $0 + 1, event: log[$0])
    }
  }
  // slide end
}
