// Differs: a bad limit returns early, `stop` is added only when given, NULL MAX becomes 0 in Swift.
public import EventSourcing
public import Foundation
import GivenDatabase

extension SQLiteRecorder {
  /// Returns one aggregate's events within the bounds given.
  public func events(
    for originatorID: UUID, after version: Int?, through throughVersion: Int?,
    descending: Bool, limit: Int?
  ) async throws -> [StoredEvent] {
    if let limit, limit <= 0 { return [] }
    var sql = "SELECT * FROM stored_events WHERE originator_id = ?"
    var values: [SQLValue] = [.text(originatorID.uuidString)]
    let bounds = [("originator_version > ?", version), ("originator_version <= ?", throughVersion)]
    for (condition, bound) in bounds {
      guard let bound else { continue }
      sql += " AND " + condition
      values.append(.integer(bound))
    }
    sql += descending ? " ORDER BY originator_version DESC" : " ORDER BY originator_version"
    if let limit {
      sql += " LIMIT ?"
      values.append(.integer(limit))
    }
    return try withDatabase { database in
      try database.query(sql, values).map { row in
        StoredEvent(
          originatorID: try row.uuid("originator_id"),
          originatorVersion: try row.integer("originator_version"),
          topic: try row.text("topic"), state: try row.blob("state"))
      }
    }
  }

  /// Returns up to `limit` events from notification ID `start` through `stop`.
  public func notifications(start: Int, limit: Int, stop: Int?) async throws
    -> [EventNotification]
  {
    var sql = "SELECT * FROM stored_events WHERE notification_id >= ?"
    var values: [SQLValue] = [.integer(start)]
    if let stop {
      sql += " AND notification_id <= ?"
      values.append(.integer(stop))
    }
    sql += " ORDER BY notification_id LIMIT ?"
    values.append(.integer(max(0, limit)))
    return try withDatabase { database in
      try database.query(sql, values).map { row in
        EventNotification(
          id: try row.integer("notification_id"), originatorID: try row.uuid("originator_id"),
          originatorVersion: try row.integer("originator_version"),
          topic: try row.text("topic"), state: try row.blob("state"))
      }
    }
  }

  /// The highest notification ID recorded, or 0 when the table is empty.
  public func maxNotificationID() async throws -> Int {
    let rows = try withDatabase { database in
      try database.query("SELECT MAX(notification_id) AS highest FROM stored_events")
    }
    // MAX of no rows is NULL.
    guard let row = rows.first, row.values["highest"] != .null else { return 0 }
    return try row.integer("highest")
  }
}
