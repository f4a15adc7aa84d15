/// An ``AggregateRecorder`` that also numbers every event in one application-wide sequence
/// and reads the events back in that order: the source of the notification log.
///
/// Conforming types must, in addition to the aggregate recorder's contract:
/// - give each inserted event the next notification ID, with no gaps and no duplicates;
/// - never let a reader see notification N+1 before notification N is visible.
///
/// Check a conformance with `ApplicationRecorderConformance` from `EventSourcingTesting`.
public protocol ApplicationRecorder: AggregateRecorder {
  /// Returns notifications in ascending order of ID.
  ///
  /// - Parameters:
  ///   - start: The first notification ID to return, if it exists (IDs start at 1).
  ///   - limit: At most this many notifications.
  ///   - stop: No notification with an ID greater than this, when given.
  func notifications(start: Int, limit: Int, stop: Int?) async throws -> [EventNotification]

  /// The highest notification ID recorded so far, or 0 when nothing is recorded.
  func maxNotificationID() async throws -> Int
}

extension ApplicationRecorder {
  /// Returns up to `limit` notifications starting at ID `start`, in ascending order.
  public func notifications(start: Int, limit: Int) async throws -> [EventNotification] {
    try await notifications(start: start, limit: limit, stop: nil)
  }
}
