import GivenBasics
import GivenEvents

extension InMemoryEventStore {
  // MARK: - Task 1: select notifications

  /// Returns up to `limit` notifications with IDs from `start` on, in order.
  ///
  /// IDs count from 1 and the log has no gaps: ID `n` is the `n`-th event appended.
  public func notifications(start: Int, limit: Int) async throws -> [NumberedEvent] {
    // Task 1: inside `storage.withLock { storage in ... }`, take the events of `storage.log`
    // with IDs start, start + 1, … (at most `limit`, none past the end) and wrap each in
    // NumberedEvent(id:event:). Mind the off-by-one: ID n is at index n - 1.
    throw NotImplemented(task: 1, what: "InMemoryEventStore.notifications(start:limit:)")
  }
}
