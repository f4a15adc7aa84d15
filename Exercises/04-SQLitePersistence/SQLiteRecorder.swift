public import EventSourcing
import Foundation
import GivenBasics
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
    // Task 3: create the table `stored_events` if it does not exist yet, with
    // database.execute("CREATE TABLE IF NOT EXISTS stored_events (...)"). Columns:
    // notification_id (INTEGER PRIMARY KEY AUTOINCREMENT), originator_id (TEXT),
    // originator_version (INTEGER), topic (TEXT), state (BLOB), all NOT NULL, and a
    // UNIQUE key on (originator_id, originator_version).
    throw NotImplemented(task: 3, what: "SQLiteRecorder.createTable(in:)")
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
  @discardableResult
  public func insert(_ events: [StoredEvent]) async throws -> [Int] {
    // Task 3: inside `database.withLock { database in ... }` and
    // `database.transaction { ... }`, INSERT each event (uuidString for the ID) and collect
    // database.lastInsertedRowID. When the UNIQUE key refuses a row (a DatabaseError whose
    // isUniqueConstraintViolation is true), throw RecorderError.versionConflict instead.
    throw NotImplemented(task: 3, what: "SQLiteRecorder.insert(_:)")
  }
}
