import CSQLite
import Foundation

/// One open SQLite database connection with a cache of prepared statements.
///
/// A connection is not thread-safe by itself (it is opened with `SQLITE_OPEN_NOMUTEX`): its
/// owner, an ``SQLiteWorker``, uses it from its serial queue only, one job at a time.
///
/// Related SQLite documentation: <https://www.sqlite.org/c3ref/open.html>
final class SQLiteConnection {
  private let handle: OpaquePointer
  /// Statements prepared on this connection, by their SQL.
  private var statements: [String: SQLiteStatement] = [:]

  /// Opens (and creates, when missing) the database at `path`, or an in-memory database for
  /// `":memory:"`. `file:` URIs are accepted, such as `file:name?mode=memory&cache=shared`.
  ///
  /// - Parameters:
  ///   - busyTimeout: How long a statement waits for another connection's lock before it
  ///     fails with `SQLITE_BUSY`: what lets several processes share one file.
  ///   - createsFile: Whether a missing database file is created. A reader connection, opened
  ///     after the writer made the file, fails instead of making an empty database when the
  ///     file has gone.
  init(path: String, busyTimeout: Duration, createsFile: Bool = true) throws {
    var handle: OpaquePointer?
    let flags =
      SQLITE_OPEN_READWRITE | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX
      | (createsFile ? SQLITE_OPEN_CREATE : 0)
    let code = sqlite3_open_v2(path, &handle, flags, nil)
    guard code == SQLITE_OK, let handle else {
      // "Whether or not an error occurs when it is opened, resources associated with the
      // database connection handle should be released by passing it to sqlite3_close()."
      let failure = SQLiteFailure(database: handle, code: code == SQLITE_OK ? SQLITE_NOMEM : code)
      sqlite3_close_v2(handle)
      throw failure
    }
    self.handle = handle
    // Extended codes tell a UNIQUE clash (SQLITE_CONSTRAINT_UNIQUE) from other constraints.
    sqlite3_extended_result_codes(handle, 1)
    // Any duration is taken: one too long for SQLite's milliseconds waits as long as it can,
    // a negative one not at all.
    let (milliseconds, overflow) = busyTimeout.components.seconds.multipliedReportingOverflow(
      by: 1000)
    let total =
      overflow
      ? (busyTimeout < .zero ? Int64.min : Int64.max)
      : milliseconds.addingReportingOverflow(
        busyTimeout.components.attoseconds / 1_000_000_000_000_000
      ).partialValue
    sqlite3_busy_timeout(handle, Int32(clamping: max(0, total)))
  }

  deinit {
    // Finalize the statements before closing; close_v2 would otherwise defer the close.
    statements.removeAll()
    sqlite3_close_v2(handle)
  }

  /// Whether SQLite opened the main database read-only, as it does for a file it may not
  /// write.
  var isReadOnly: Bool {
    sqlite3_db_readonly(handle, "main") == 1
  }

  /// The notification ID (row ID) of the row that the last insert added.
  var lastInsertedRowID: Int {
    Int(sqlite3_last_insert_rowid(handle))
  }

  /// Runs SQL that returns no rows worth reading, such as schema statements and pragmas.
  func execute(_ sql: String) throws {
    let code = sqlite3_exec(handle, sql, nil, nil, nil)
    guard code == SQLITE_OK else { throw SQLiteFailure(database: handle, code: code) }
  }

  /// Returns the first column of the first row of a query as text, such as a pragma's value.
  func text(_ sql: String) throws -> String? {
    let statement = try SQLiteStatement(database: handle, sql: sql, persistent: false)
    return try statement.step() ? statement.string(at: 0) : nil
  }

  /// Runs `body` with the prepared statement for `sql`, preparing it on first use, and
  /// resets the statement afterwards.
  ///
  /// The reset matters: a query that was not stepped to its end keeps its read transaction
  /// open, and the connection would go on reading that old snapshot of a WAL database.
  func withStatement<Result>(
    _ sql: String, _ body: (SQLiteStatement) throws -> Result
  ) throws -> Result {
    let statement: SQLiteStatement
    if let cached = statements[sql] {
      statement = cached
    } else {
      statement = try SQLiteStatement(database: handle, sql: sql, persistent: true)
      statements[sql] = statement
    }
    defer { statement.reset() }
    return try body(statement)
  }

  /// Runs `body` in a transaction that takes the write lock at once (`BEGIN IMMEDIATE`), and
  /// commits when it returns, or rolls back when it throws.
  ///
  /// Taking the write lock first means that no other connection can write between this
  /// transaction's reads and writes, and that waiting for the lock honours the busy timeout
  /// (a deferred transaction that upgrades to writing fails at once instead).
  func inImmediateTransaction<Result>(_ body: () throws -> Result) throws -> Result {
    try run("BEGIN IMMEDIATE")
    let result: Result
    do {
      result = try body()
      try run("COMMIT")
    } catch {
      // The first error wins: a failing rollback must not hide what went wrong.
      try? run("ROLLBACK")
      throw error
    }
    return result
  }

  private func run(_ sql: String) throws {
    try withStatement(sql) { statement in _ = try statement.step() }
  }
}

// Explicit non-conformance to Sendable: the handle is used by one thread at a time, the queue of
// the SQLiteWorker that owns it.
@available(*, unavailable)
extension SQLiteConnection: Sendable {}
