extension SQLiteConnection {
  /// Creates a tracking table when it is missing: one row per followed application, holding
  /// the ID of the last notification processed.
  func createTrackingTable(_ table: String) throws {
    try execute(
      """
      CREATE TABLE IF NOT EXISTS \(table) (
        application_name TEXT PRIMARY KEY,
        notification_id INTEGER NOT NULL
      )
      """)
  }

  /// The last notification processed of an application, or 0.
  func maxTrackingID(in table: String, for applicationName: String) throws -> Int {
    try withStatement("SELECT notification_id FROM \(table) WHERE application_name = ?1") {
      statement in
      try statement.bind(applicationName, at: 1)
      return try statement.step() ? statement.int(at: 0) : 0
    }
  }

  /// Records a tracking position; must run inside a write transaction, which makes the check
  /// and the write one step that no other writer can come between.
  ///
  /// - Throws: ``TrackingError/alreadyProcessed(_:)`` when the position is not beyond the one
  ///   recorded.
  func recordTracking(_ tracking: Tracking, in table: String) throws {
    guard try maxTrackingID(in: table, for: tracking.applicationName) < tracking.notificationID
    else { throw TrackingError.alreadyProcessed(tracking) }
    try withStatement(
      "INSERT INTO \(table) (application_name, notification_id) VALUES (?1, ?2) "
        + "ON CONFLICT (application_name) DO UPDATE SET notification_id = excluded.notification_id"
    ) { statement in
      try statement.bind(tracking.applicationName, at: 1)
      try statement.bind(tracking.notificationID, at: 2)
      _ = try statement.step()
    }
  }
}
