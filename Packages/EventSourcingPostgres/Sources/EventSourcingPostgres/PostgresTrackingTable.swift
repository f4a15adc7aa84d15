import EventSourcing
import PostgresNIO

/// The table of tracking positions: one row per followed application, moved forward in the
/// transaction that records what processing a notification produced.
struct PostgresTrackingTable: Sendable {
  let datastore: PostgresDatastore
  let table: PostgresIdentifier

  /// The schema-qualified, quoted table name.
  var qualifiedName: String { PostgresIdentifier.qualified(datastore.schema, table) }

  /// The statements that create the table.
  var createStatements: [String] {
    [
      "CREATE TABLE IF NOT EXISTS \(qualifiedName) ("
        + "application_name text PRIMARY KEY, notification_id bigint NOT NULL)"
    ]
  }

  /// Moves the position forward on a connection in an open transaction.
  ///
  /// The upsert locks the application's row, and its condition is checked against the row
  /// as the last committed writer left it, so of two concurrent writers of one position
  /// exactly one succeeds.
  ///
  /// - Throws: ``TrackingError/alreadyProcessed(_:)`` when the position is not beyond the
  ///   recorded one.
  func record(_ tracking: Tracking, on connection: PostgresConnection) async throws {
    var bindings = PostgresBindings()
    bindings.append(tracking.applicationName)
    bindings.append(tracking.notificationID)
    let rows = try await connection.rows(
      "INSERT INTO \(qualifiedName) AS t (application_name, notification_id) VALUES ($1, $2) "
        + "ON CONFLICT (application_name) DO UPDATE SET notification_id = EXCLUDED.notification_id "
        + "WHERE t.notification_id < EXCLUDED.notification_id RETURNING notification_id",
      bindings)
    var isRecorded = false
    for try await _ in rows { isRecorded = true }
    guard isRecorded else { throw TrackingError.alreadyProcessed(tracking) }
  }

  /// The last position recorded for an application, or 0.
  func maxTrackingID(for applicationName: String) async throws -> Int {
    var bindings = PostgresBindings()
    bindings.append(applicationName)
    return try await datastore.withConnection { connection in
      var result = 0
      for try await id in try await connection.rows(
        "SELECT COALESCE(MAX(notification_id), 0) FROM \(qualifiedName) "
          + "WHERE application_name = $1", bindings
      ).decode(Int.self) {
        result = id
      }
      return result
    }
  }
}
