/// The application-wide, numbered sequence of every recorded event.
///
/// Followers such as projections read it in order from where they last stopped:
///
/// ```swift
/// let page = try await app.notificationLog.select(start: position + 1, limit: 100)
/// ```
public struct NotificationLog: Sendable {
  /// Where the notifications are read from.
  public let recorder: any ApplicationRecorder

  /// Creates a log reading from an application recorder.
  public init(recorder: any ApplicationRecorder) {
    self.recorder = recorder
  }

  /// Returns up to `limit` notifications with IDs from `start` on, in order.
  ///
  /// - Parameters:
  ///   - start: The first ID to return; IDs start at 1.
  ///   - limit: At most this many notifications; must be positive.
  ///   - stop: No notification with an ID above this, when given.
  public func select(start: Int, limit: Int, stop: Int? = nil) async throws -> [Notification] {
    try await recorder.notifications(start: start, limit: limit, stop: stop)
  }

  /// The ID of the newest notification, or 0 when the log is empty.
  public func maxNotificationID() async throws -> Int {
    try await recorder.maxNotificationID()
  }
}
