/// The SQL of an ``SQLiteRecorder``: one table of stored events, named by the recorder.
///
/// ```sql
/// CREATE TABLE IF NOT EXISTS stored_events (
///   notification_id INTEGER PRIMARY KEY AUTOINCREMENT,
///   originator_id TEXT NOT NULL,
///   originator_version INTEGER NOT NULL,
///   topic TEXT NOT NULL,
///   state BLOB NOT NULL,
///   UNIQUE (originator_id, originator_version)
/// )
/// ```
///
/// The unique key is the optimistic-concurrency check: a second writer of the same version of
/// an aggregate is refused by the database, not by a read-then-write race in Swift. It is also
/// the index that reads one aggregate's events. `AUTOINCREMENT` keeps notification IDs from
/// ever being reused, even after the newest rows are deleted.
struct SQLiteSchema {
  /// The table's name, checked to be a plain identifier so that it can be spliced into SQL.
  let eventsTable: String

  /// Checks the table name.
  ///
  /// - Throws: ``RecorderError/configuration(_:)`` when it is not a plain SQL identifier.
  init(eventsTable: String) throws {
    let isIdentifier =
      eventsTable.first.map { $0.isASCII && ($0.isLetter || $0 == "_") } ?? false
      && eventsTable.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
    guard isIdentifier else {
      throw RecorderError.configuration(
        "Invalid table name '\(eventsTable)': use letters, digits and underscores, "
          + "starting with a letter or an underscore.")
    }
    self.eventsTable = eventsTable
  }

  /// Creates the table and its unique index when they are missing.
  var createTable: String {
    """
    CREATE TABLE IF NOT EXISTS \(eventsTable) (
      notification_id INTEGER PRIMARY KEY AUTOINCREMENT,
      originator_id TEXT NOT NULL,
      originator_version INTEGER NOT NULL,
      topic TEXT NOT NULL,
      state BLOB NOT NULL,
      UNIQUE (originator_id, originator_version)
    )
    """
  }

  /// Inserts one event: ?1 originator ID, ?2 version, ?3 topic, ?4 state.
  var insertEvent: String {
    """
    INSERT INTO \(eventsTable) (originator_id, originator_version, topic, state) \
    VALUES (?1, ?2, ?3, ?4)
    """
  }

  /// Selects one aggregate's events: ?1 originator ID, ?2 after version, ?3 through version,
  /// ?4 limit; only the parameters asked for appear in the SQL.
  ///
  /// There are 16 variants; each is prepared once and cached by its SQL.
  func selectEvents(after: Bool, through: Bool, descending: Bool, limit: Bool) -> String {
    var sql = "SELECT originator_version, topic, state FROM \(eventsTable) "
      + "WHERE originator_id = ?1"
    if after { sql += " AND originator_version > ?2" }
    if through { sql += " AND originator_version <= ?3" }
    sql += descending ? " ORDER BY originator_version DESC" : " ORDER BY originator_version"
    if limit { sql += " LIMIT ?4" }
    return sql
  }

  /// Selects notifications: ?1 start, ?2 stop (only when asked for), ?3 limit.
  func selectNotifications(stop: Bool) -> String {
    "SELECT notification_id, originator_id, originator_version, topic, state FROM \(eventsTable) "
      + "WHERE notification_id >= ?1" + (stop ? " AND notification_id <= ?2" : "")
      + " ORDER BY notification_id LIMIT ?3"
  }

  /// The highest notification ID, or NULL when the table is empty.
  var selectMaxNotificationID: String {
    "SELECT MAX(notification_id) FROM \(eventsTable)"
  }
}
