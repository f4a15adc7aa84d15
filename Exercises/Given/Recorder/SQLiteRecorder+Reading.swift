public import EventSourcing
public import Foundation
import GivenDatabase

extension SQLiteRecorder {
  // MARK: - Task 4: one dog's events

  /// Returns one aggregate's events with a version greater than `version` and at most
  /// `throughVersion`, oldest first (newest first when `descending`), at most `limit`.
  public func events(
    for originatorID: UUID, after version: Int?, through throughVersion: Int?,
    descending: Bool, limit: Int?
  ) async throws -> [StoredEvent] {
    var sql = """
      SELECT originator_version, topic, state FROM stored_events
      WHERE originator_id = ?
      """
    var values: [SQLValue] = [.text(originatorID.uuidString)]
    // slide: select
    if let version {
      sql += " AND originator_version > ?"
      values.append(.integer(version))
    }
    if let throughVersion {
      sql += " AND originator_version <= ?"
      values.append(.integer(throughVersion))
    }
    sql += " ORDER BY originator_version" + (descending ? " DESC" : "")
    // slide end
    if let limit {
      sql += " LIMIT ?"
      values.append(.integer(max(0, limit)))  // A negative LIMIT means no limit in SQLite.
    }
    let rows = try withDatabase { try $0.query(sql, values) }
    return try rows.map { row in
      StoredEvent(
        originatorID: originatorID, originatorVersion: try row.integer("originator_version"),
        topic: try row.text("topic"), state: try row.blob("state"))
    }
  }

  // MARK: - Task 5: the application-wide sequence

  /// Returns up to `limit` events with a notification ID of at least `start` and at most
  /// `stop`, in the order they were recorded.
  public func notifications(start: Int, limit: Int, stop: Int?) async throws
    -> [EventNotification]
  {
    // slide: notifications
    let rows = try withDatabase { database in
      try database.query(
        """
        SELECT * FROM stored_events
        WHERE notification_id >= ? AND notification_id <= ?
        ORDER BY notification_id LIMIT ?
        """,
        [
          .integer(start), .integer(stop ?? Int.max),
          .integer(max(0, limit)),
        ])
    }
    // slide end
    return try rows.map { row in
      EventNotification(
        id: try row.integer("notification_id"), originatorID: try row.uuid("originator_id"),
        originatorVersion: try row.integer("originator_version"), topic: try row.text("topic"),
        state: try row.blob("state"))
    }
  }

  /// The highest notification ID recorded, or 0 when the table is empty.
  public func maxNotificationID() async throws -> Int {
    // MAX of no rows is NULL; COALESCE turns it into 0.
    let rows = try withDatabase { database in
      try database.query("SELECT COALESCE(MAX(notification_id), 0) AS max_id FROM stored_events")
    }
    return try rows.first?.integer("max_id") ?? 0
  }
}
