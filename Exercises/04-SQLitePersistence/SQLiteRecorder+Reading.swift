public import EventSourcing
public import Foundation
import GivenBasics

extension SQLiteRecorder {
  // MARK: - Task 4: one dog's events

  /// Returns one aggregate's events with a version greater than `version` and at most
  /// `throughVersion`, oldest first (newest first when `descending`), at most `limit`.
  public func events(
    for originatorID: UUID, after version: Int?, through throughVersion: Int?,
    descending: Bool, limit: Int?
  ) async throws -> [StoredEvent] {
    // Task 4: SELECT originator_version, topic, state FROM stored_events for this
    // originator, adding conditions for `after` and `through` only when they are given,
    // ORDER BY originator_version (DESC when descending), and LIMIT when given. Run it with
    // `withDatabase { try $0.query(sql, values) }` and build a StoredEvent from each row.
    throw NotImplemented(
      task: 4, what: "SQLiteRecorder.events(for:after:through:descending:limit:)")
  }

  // MARK: - Task 5: the application-wide sequence

  /// Returns up to `limit` events with a notification ID of at least `start` and at most
  /// `stop`, in the order they were recorded.
  public func notifications(start: Int, limit: Int, stop: Int?) async throws
    -> [EventNotification]
  {
    // Task 5: SELECT the rows with notification_id from `start` through `stop` (when
    // given), in notification_id order, at most `limit` of them, and build an
    // EventNotification from each (row.uuid("originator_id") reads the ID back).
    throw NotImplemented(task: 5, what: "SQLiteRecorder.notifications(start:limit:stop:)")
  }

  /// The highest notification ID recorded, or 0 when the table is empty.
  public func maxNotificationID() async throws -> Int {
    // Task 5: the largest notification_id, or 0 when there are no rows.
    throw NotImplemented(task: 5, what: "SQLiteRecorder.maxNotificationID()")
  }
}
