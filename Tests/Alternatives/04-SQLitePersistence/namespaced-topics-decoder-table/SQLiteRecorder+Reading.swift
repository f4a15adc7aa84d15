// Differs: the WHERE clause is a list of conditions joined with AND; LIMIT is written inline.
public import EventSourcing
public import Foundation
import GivenDatabase

extension SQLiteRecorder {
  /// Returns one aggregate's events within the bounds given.
  public func events(
    for originatorID: UUID, after version: Int?, through throughVersion: Int?,
    descending: Bool, limit: Int?
  ) async throws -> [StoredEvent] {
    var conditions = ["originator_id = ?"]
    var values: [SQLValue] = [.text(originatorID.uuidString)]
    if let version {
      conditions.append("originator_version > ?")
      values.append(.integer(version))
    }
    if let throughVersion {
      conditions.append("originator_version <= ?")
      values.append(.integer(throughVersion))
    }
    let order = descending ? "DESC" : "ASC"
    let limitClause = limit.map { " LIMIT \(Swift.max($0, 0))" } ?? ""
    let sql = """
      SELECT originator_version, topic, state FROM stored_events
      WHERE \(conditions.joined(separator: " AND "))
      ORDER BY originator_version \(order)\(limitClause)
      """
    let rows = try withDatabase { try $0.query(sql, values) }
    var events: [StoredEvent] = []
    for row in rows {
      events.append(
        StoredEvent(
          originatorID: originatorID, originatorVersion: try row.integer("originator_version"),
          topic: try row.text("topic"), state: try row.blob("state")))
    }
    return events
  }

  /// Returns up to `limit` events from notification ID `start` through `stop`.
  public func notifications(start: Int, limit: Int, stop: Int?) async throws
    -> [EventNotification]
  {
    guard limit > 0 else { return [] }
    var sql = "SELECT * FROM stored_events WHERE notification_id BETWEEN ? AND ?"
    sql += " ORDER BY notification_id LIMIT ?"
    let rows = try withDatabase { database in
      try database.query(sql, [.integer(start), .integer(stop ?? Int.max), .integer(limit)])
    }
    return try rows.map { row in
      EventNotification(
        id: try row.integer("notification_id"), originatorID: try row.uuid("originator_id"),
        originatorVersion: try row.integer("originator_version"), topic: try row.text("topic"),
        state: try row.blob("state"))
    }
  }

  /// The highest notification ID recorded, or 0 when the table is empty.
  public func maxNotificationID() async throws -> Int {
    let rows = try withDatabase { database in
      try database.query(
        "SELECT notification_id FROM stored_events ORDER BY notification_id DESC LIMIT 1")
    }
    return try rows.first.map { try $0.integer("notification_id") } ?? 0
  }
}
