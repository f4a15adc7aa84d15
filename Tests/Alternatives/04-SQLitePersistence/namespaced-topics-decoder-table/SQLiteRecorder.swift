// Differs: a separate UNIQUE INDEX, and insert reads IDs with INSERT … RETURNING in a for loop.
public import EventSourcing
import Foundation
import GivenDatabase
import Synchronization

/// Keeps stored events in a SQLite database.
public final class SQLiteRecorder: ApplicationRecorder {
  private let database: Mutex<Database>

  /// Opens the database at `path` and creates the table when it is missing.
  public init(path: String) throws {
    let database = try Database(path: path)
    try Self.createTable(in: database)
    self.database = Mutex(database)
  }

  /// Creates the table and its unique index unless they exist.
  static func createTable(in database: Database) throws {
    try database.transaction {
      try database.execute(
        """
        CREATE TABLE IF NOT EXISTS stored_events (
          notification_id INTEGER PRIMARY KEY AUTOINCREMENT,
          originator_id TEXT NOT NULL,
          originator_version INTEGER NOT NULL,
          topic TEXT NOT NULL,
          state BLOB NOT NULL
        )
        """)
      try database.execute(
        """
        CREATE UNIQUE INDEX IF NOT EXISTS stored_events_version
        ON stored_events (originator_id, originator_version)
        """)
    }
  }

  /// Runs `body` with the connection, one task at a time.
  func withDatabase<Result: Sendable>(_ body: (Database) throws -> Result) throws -> Result {
    try database.withLock { try body($0) }
  }

  /// Inserts the events all together, or none of them, and returns their notification IDs.
  @discardableResult
  public func insert(_ events: [StoredEvent]) async throws -> [Int] {
    try database.withLock { database in
      try database.transaction {
        var ids: [Int] = []
        ids.reserveCapacity(events.count)
        for event in events {
          let rows: [Row]
          do {
            rows = try database.query(
              """
              INSERT INTO stored_events (originator_id, originator_version, topic, state)
              VALUES (?, ?, ?, ?) RETURNING notification_id
              """,
              [
                .text(event.originatorID.uuidString), .integer(event.originatorVersion),
                .text(event.topic), .blob(event.state),
              ])
          } catch let error as DatabaseError where error.isUniqueConstraintViolation {
            throw RecorderError.versionConflict(
              originatorID: event.originatorID, version: event.originatorVersion)
          }
          guard let row = rows.first else {
            throw DatabaseError.unexpectedValue(column: "notification_id", expected: "a row")
          }
          ids.append(try row.integer("notification_id"))
        }
        return ids
      }
    }
  }
}
