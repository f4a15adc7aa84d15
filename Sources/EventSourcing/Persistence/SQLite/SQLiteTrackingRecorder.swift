import Foundation

/// An SQLite database for a read model: the projection's own tables and its tracking
/// positions, changed together in one transaction.
///
/// ```swift
/// let view = try SQLiteTrackingRecorder(
///   path: "views.sqlite",
///   schema: ["CREATE TABLE IF NOT EXISTS dog_tricks (trick TEXT, dog_id TEXT, PRIMARY KEY (trick, dog_id))"])
/// try await view.write(tracking: tracking) { transaction in
///   try transaction.execute("INSERT OR IGNORE INTO dog_tricks VALUES (?1, ?2)", [.text(trick), .text(dogID)])
/// }
/// ```
///
/// Because the rows and the position commit together, a follower that is killed at any moment
/// resumes after the last notification whose rows were committed: nothing is missed, and
/// nothing is applied twice.
///
/// As in ``SQLiteRecorder``, SQLite's work runs on dispatch queues of the recorder's own, never
/// on Swift's cooperative thread pool, and a file database has reader connections beside its
/// writer: ``read(_:)`` and ``maxTrackingID(for:)`` do not wait behind writes, and see every
/// write that their caller has awaited.
public final class SQLiteTrackingRecorder: TrackingRecorder {
  /// The database's path, `":memory:"`, or a `file:` URI.
  public let path: String
  /// The table holding the tracking positions.
  public let trackingTable: String

  private let connections: SQLiteConnectionPool

  /// Opens or creates the database, and creates the tracking table and the read model's tables
  /// when they are missing.
  ///
  /// - Parameters:
  ///   - path: A file path, `":memory:"`, or a `file:` URI.
  ///   - schema: Statements that create the read model's tables, run once at opening.
  ///   - trackingTable: The name of the tracking table.
  ///   - synchronous: The durability of commits.
  ///   - lockTimeout: How long a write waits for another process's lock; also how long opening
  ///     waits for the locks of other processes that open the same new database.
  /// - Throws: ``RecorderError`` naming the file or the statement that failed.
  public init(
    path: String, schema: [String] = [], trackingTable: String = "tracking",
    synchronous: SQLiteRecorder.Synchronous = .full, lockTimeout: Duration = .seconds(5)
  ) throws {
    self.path = path
    let trackingTable = try SQLiteSchema(eventsTable: trackingTable).eventsTable
    self.trackingTable = trackingTable
    let retry = SQLiteStartUpRetry(lockTimeout: lockTimeout)
    let (connection, isInWALMode) = try SQLiteConnection.openForRecorder(
      path: path, schema: nil, synchronous: synchronous, lockTimeout: lockTimeout, retry: retry)
    do {
      try retry.run { try connection.createTrackingTable(trackingTable) }
      // One statement at a time: a statement refused for a lock did not run, and the ones
      // before it must not run twice.
      for statement in schema { try retry.run { try connection.execute(statement) } }
    } catch let failure as SQLiteFailure {
      throw RecorderError.database(
        code: failure.code, message: failure.message, operation: "set up the read model in '\(path)'")
    }
    connections = SQLiteConnectionPool(
      writer: connection, path: path, lockTimeout: lockTimeout, readsInWAL: isInWALMode)
  }

  /// Runs `body` in one write transaction and records the tracking position in it; commits
  /// when `body` returns, rolls back when anything throws.
  ///
  /// `body` runs on the recorder's writer thread while the calling task waits for it.
  ///
  /// - Throws: ``TrackingError/alreadyProcessed(_:)`` when the position is not new, and
  ///   whatever `body` throws; in both cases nothing is changed.
  @discardableResult
  public func write<Result: Sendable>(
    tracking: Tracking, _ body: (SQLiteTransaction) throws -> Result
  ) async throws -> Result {
    try await connections.write("record a tracking position") { connection in
      try connection.inImmediateTransaction {
        try connection.recordTracking(tracking, in: trackingTable)
        return try body(SQLiteTransaction(connection: connection))
      }
    }
  }

  /// Runs `body` to read the read model.
  ///
  /// `body` runs on one of the recorder's threads while the calling task waits for it. For a
  /// file database that is a reader connection's, beside writes rather than after them; each
  /// of its queries sees the writes committed when it starts.
  public func read<Result: Sendable>(
    _ body: (SQLiteTransaction) throws -> Result
  ) async throws -> Result {
    try await connections.read("read the read model") { connection in
      try body(SQLiteTransaction(connection: connection))
    }
  }

  public func insertTracking(_ tracking: Tracking) async throws {
    try await write(tracking: tracking) { _ in }
  }

  public func maxTrackingID(for applicationName: String) async throws -> Int {
    try await connections.read("read a tracking position") { connection in
      try connection.maxTrackingID(in: trackingTable, for: applicationName)
    }
  }
}
