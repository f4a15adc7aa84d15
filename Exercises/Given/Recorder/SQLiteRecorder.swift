public import EventSourcing
import Foundation
import GivenDatabase
import Synchronization

/// Keeps stored events in a SQLite database: in a file they survive a restart.
///
/// One table holds every event. The database itself enforces the two rules of an event
/// store: a UNIQUE key on (originator ID, version) refuses a second writer of a version, and
/// a transaction makes an insert all or nothing. The `notification_id` column numbers every
/// event in one application-wide sequence.
public final class SQLiteRecorder: ApplicationRecorder {
  /// The connection, used by one task at a time.
  private let database: Mutex<Database>

  // MARK: - Task 3: the schema, and inserting with a version check

  /// Opens the database at `path` (`":memory:"` for a private in-memory one) and creates the
  /// table when it is missing.
  public init(path: String) throws {
    let database = try Database(path: path)
    try Self.createTable(in: database)
    self.database = Mutex(database)
  }

  /// Creates the table of stored events unless it exists: a restarted program finds its
  /// events in the table the first run created.
  static func createTable(in database: Database) throws {
    // slide: schema
    try database.execute(
      """
      CREATE TABLE IF NOT EXISTS stored_events (
        notification_id INTEGER PRIMARY KEY AUTOINCREMENT,
        originator_id TEXT NOT NULL,
        originator_version INTEGER NOT NULL,
        topic TEXT NOT NULL,
        state BLOB NOT NULL,
        UNIQUE (originator_id, originator_version)
      )
      """)
    // slide end
  }

  /// Runs `body` with the connection, one task at a time.
  func withDatabase<Result: Sendable>(_ body: (Database) throws -> Result) throws -> Result {
    try database.withLock { try body($0) }
  }

  /// Inserts the events all together, or none of them.
  ///
  /// - Returns: The notification IDs the events got, in the order of `events`.
  /// - Throws: `RecorderError.versionConflict(originatorID:version:)` naming the first event
  ///   whose version is taken (or repeated in `events`); then nothing is stored.
  // slide: insert
  @discardableResult
  public func insert(_ events: [StoredEvent]) async throws -> [Int] {
    try database.withLock { database in
      try database.transaction {
        try events.map { event in
          try Self.insert(event, into: database)
          return database.lastInsertedRowID
        }
      }
    }
  }
  // slide end

  private static let insertSQL = """
    INSERT INTO stored_events (originator_id, originator_version, topic, state)
    VALUES (?, ?, ?, ?)
    """

  /// Inserts one event; the UNIQUE key saying that its version is taken becomes a conflict.
  private static func insert(_ event: StoredEvent, into database: Database) throws {
    // slide: insert-one
    do {
      try database.execute(
        insertSQL,
        [
          .text(event.originatorID.uuidString),
          .integer(event.originatorVersion),
          .text(event.topic), .blob(event.state),
        ])
    } catch let error as DatabaseError {
      guard error.isUniqueConstraintViolation else { throw error }
      throw RecorderError.versionConflict(
        originatorID: event.originatorID,
        version: event.originatorVersion)
    }
    // slide end
  }
}
