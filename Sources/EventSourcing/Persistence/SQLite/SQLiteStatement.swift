import CSQLite
import Foundation

/// A failure reported by SQLite: its extended result code and message.
///
/// Internal: the recorder turns it into a ``RecorderError`` that says what it was doing.
struct SQLiteFailure: Error {
  /// The extended result code, such as `SQLITE_CONSTRAINT_UNIQUE` (2067).
  let code: Int32
  /// SQLite's explanation.
  let message: String

  /// The primary result code, such as `SQLITE_CONSTRAINT` (19) for `SQLITE_CONSTRAINT_UNIQUE`.
  var primaryCode: Int32 { code & 0xFF }

  /// Whether a UNIQUE or PRIMARY KEY constraint refused a row.
  var isUniqueConstraintViolation: Bool {
    // SQLITE_CONSTRAINT_UNIQUE and SQLITE_CONSTRAINT_PRIMARYKEY are macros Swift cannot
    // import: SQLITE_CONSTRAINT | (8 << 8) and SQLITE_CONSTRAINT | (6 << 8).
    code == SQLITE_CONSTRAINT | (8 << 8) || code == SQLITE_CONSTRAINT | (6 << 8)
  }

  /// A failure with the given code and explanation.
  init(code: Int32, message: String) {
    self.code = code
    self.message = message
  }

  /// Whether another connection's lock refused the call (`SQLITE_BUSY` or `SQLITE_LOCKED`,
  /// with any extended code).
  var isLockContention: Bool {
    primaryCode == SQLITE_BUSY || primaryCode == SQLITE_LOCKED
  }

  /// The failure that the last call on a connection left behind.
  init(database: OpaquePointer?, code: Int32) {
    self.code = code
    if let database, sqlite3_extended_errcode(database) == code {
      message = String(cString: sqlite3_errmsg(database))
    } else {
      message = String(cString: sqlite3_errstr(code))
    }
  }
}

/// A prepared SQL statement: bind its parameters, step through its rows, reset, reuse.
///
/// Statements are prepared once and cached by their ``SQLiteConnection``: preparing costs
/// more than running a small insert.
final class SQLiteStatement {
  let handle: OpaquePointer
  let database: OpaquePointer
  /// The statement's SQL, for error messages (never its arguments, which may hold secrets).
  let sql: String

  /// Prepares `sql` on a connection.
  ///
  /// - Parameter persistent: Tells SQLite that the statement will be kept and reused.
  init(database: OpaquePointer, sql: String, persistent: Bool) throws {
    var statement: OpaquePointer?
    let flags = persistent ? UInt32(SQLITE_PREPARE_PERSISTENT) : 0
    let code = sqlite3_prepare_v3(database, sql, -1, flags, &statement, nil)
    guard code == SQLITE_OK, let statement else {
      sqlite3_finalize(statement)
      throw SQLiteFailure(database: database, code: code == SQLITE_OK ? SQLITE_MISUSE : code)
    }
    self.handle = statement
    self.database = database
    self.sql = sql
  }

  deinit {
    sqlite3_finalize(handle)
  }

  /// Clears the bindings and rewinds the statement so that it can run again.
  func reset() {
    // The result of sqlite3_reset repeats the last step's error, already reported there.
    sqlite3_reset(handle)
    sqlite3_clear_bindings(handle)
  }

  // MARK: - Binding (parameter indexes start at 1)

  /// Binds an integer.
  func bind(_ value: Int, at index: Int32) throws {
    try check(sqlite3_bind_int64(handle, index, Int64(value)))
  }

  /// Binds text; SQLite copies it.
  func bind(_ value: String, at index: Int32) throws {
    try check(sqlite3_bind_text(handle, index, value, -1, csqlite_transient()))
  }

  /// Binds a blob; SQLite copies the bytes (`SQLITE_TRANSIENT`), since `Data` may move them.
  func bind(_ value: Data, at index: Int32) throws {
    let code = value.withUnsafeBytes { buffer in
      // An empty buffer may have no address; bind a zero-length blob, not NULL.
      sqlite3_bind_blob(
        handle, index, buffer.baseAddress ?? UnsafeRawPointer(bitPattern: 1), Int32(buffer.count),
        csqlite_transient())
    }
    try check(code)
  }

  // MARK: - Stepping and reading

  /// Runs the statement to its next row.
  ///
  /// - Returns: `true` when a row is available, `false` when the statement is done.
  func step() throws -> Bool {
    switch sqlite3_step(handle) {
    case SQLITE_ROW: return true
    case SQLITE_DONE: return false
    // The connection enables extended result codes, so `code` tells a UNIQUE clash apart.
    case let code: throw SQLiteFailure(database: database, code: code)
    }
  }

  /// Whether the column of the current row is NULL (columns start at 0).
  func isNull(at column: Int32) -> Bool {
    sqlite3_column_type(handle, column) == SQLITE_NULL
  }

  /// The integer in a column of the current row.
  func int(at column: Int32) -> Int {
    Int(sqlite3_column_int64(handle, column))
  }

  /// The text in a column of the current row; empty when NULL.
  func string(at column: Int32) -> String {
    guard let text = sqlite3_column_text(handle, column) else { return "" }
    return String(cString: text)
  }

  /// The number of bytes of a text or blob column of the current row.
  func columnByteCount(at column: Int32) -> Int {
    Int(sqlite3_column_bytes(handle, column))
  }

  /// The bytes of a text column of the current row, valid until the next step or reset.
  func columnText(at column: Int32) -> UnsafePointer<UInt8>? {
    sqlite3_column_text(handle, column)
  }

  /// The blob in a column of the current row; empty when NULL or empty.
  func data(at column: Int32) -> Data {
    let count = Int(sqlite3_column_bytes(handle, column))
    guard count > 0, let bytes = sqlite3_column_blob(handle, column) else { return Data() }
    return Data(bytes: bytes, count: count)
  }

  private func check(_ code: Int32) throws {
    guard code == SQLITE_OK else { throw SQLiteFailure(database: database, code: code) }
  }
}

// Explicit non-conformance to Sendable: a statement belongs to one connection, which is used
// by one thread at a time under its owner's lock.
@available(*, unavailable)
extension SQLiteStatement: Sendable {}
