import CSQLite
import Foundation

/// A small, safe door to SQLite: open a file, run SQL with `?` placeholders, read rows, and
/// group statements in a transaction. Given code: you write the SQL, not the C calls.
///
///     let database = try Database(path: ":memory:")
///     try database.execute("CREATE TABLE dogs (name TEXT NOT NULL)")
///     try database.execute("INSERT INTO dogs (name) VALUES (?)", [.text("Fido")])
///     let rows = try database.query("SELECT name FROM dogs")  // [["name": .text("Fido")]]
///
/// A `Database` is not thread-safe: keep it in a `Mutex` and use it inside `withLock`.
public final class Database {
  private let handle: OpaquePointer

  /// Opens (and creates, when missing) the database file at `path`; `":memory:"` opens a
  /// private in-memory database that is gone when the `Database` is.
  public init(path: String) throws {
    var handle: OpaquePointer?
    let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
    let code = sqlite3_open_v2(path, &handle, flags, nil)
    guard code == SQLITE_OK, let handle else {
      let message = String(cString: sqlite3_errstr(code))
      sqlite3_close_v2(handle)
      throw DatabaseError.sqlite(code: code, message: message, sql: "open \(path)")
    }
    self.handle = handle
    // Extended codes tell a UNIQUE clash apart from other constraint failures.
    sqlite3_extended_result_codes(handle, 1)
    // Wait for another connection's lock instead of failing at once.
    sqlite3_busy_timeout(handle, 5_000)
  }

  deinit {
    sqlite3_close_v2(handle)
  }

  /// Runs one SQL statement that returns no rows (CREATE, INSERT, UPDATE, DELETE…).
  /// Each `?` in `sql` takes the next of `values`.
  public func execute(_ sql: String, _ values: [SQLValue] = []) throws {
    _ = try query(sql, values)
  }

  /// Runs one SQL statement and returns its rows. Each `?` in `sql` takes the next of `values`.
  public func query(_ sql: String, _ values: [SQLValue] = []) throws -> [Row] {
    var statement: OpaquePointer?
    try check(sqlite3_prepare_v2(handle, sql, -1, &statement, nil), sql)
    defer { sqlite3_finalize(statement) }
    guard let statement else { return [] }  // The SQL held no statement, only whitespace.
    for (index, value) in values.enumerated() {
      try check(bind(value, at: Int32(index + 1), in: statement), sql)
    }
    var rows: [Row] = []
    while true {
      let code = sqlite3_step(statement)
      if code == SQLITE_DONE { return rows }
      guard code == SQLITE_ROW else { throw failure(code, sql) }
      rows.append(row(of: statement))
    }
  }

  /// Runs `body` in a transaction: commits when it returns, rolls back when it throws, so
  /// that either every statement in it takes effect or none does.
  ///
  /// `BEGIN IMMEDIATE` takes the write lock at once, so no other connection writes between
  /// this transaction's reads and writes.
  public func transaction<Result>(_ body: () throws -> Result) throws -> Result {
    try execute("BEGIN IMMEDIATE")
    do {
      let result = try body()
      try execute("COMMIT")
      return result
    } catch {
      // The first error is the one worth reporting; a failed rollback must not hide it.
      try? execute("ROLLBACK")
      throw error
    }
  }

  /// The row ID that the latest successful INSERT on this connection gave its row: for an
  /// `INTEGER PRIMARY KEY` column, that column's value.
  public var lastInsertedRowID: Int {
    Int(sqlite3_last_insert_rowid(handle))
  }

  // MARK: - C plumbing

  private func bind(_ value: SQLValue, at index: Int32, in statement: OpaquePointer) -> Int32 {
    switch value {
    case .integer(let value):
      return sqlite3_bind_int64(statement, index, Int64(value))
    case .text(let value):
      return sqlite3_bind_text(statement, index, value, -1, csqlite_transient())
    case .blob(let value):
      return value.withUnsafeBytes { buffer in
        // An empty buffer may have no address; bind a zero-length blob, not NULL.
        sqlite3_bind_blob(
          statement, index, buffer.baseAddress ?? UnsafeRawPointer(bitPattern: 1),
          Int32(buffer.count), csqlite_transient())
      }
    case .null:
      return sqlite3_bind_null(statement, index)
    }
  }

  private func row(of statement: OpaquePointer) -> Row {
    var values: [String: SQLValue] = [:]
    for column in 0..<sqlite3_column_count(statement) {
      let name = String(cString: sqlite3_column_name(statement, column))
      values[name] = value(at: column, in: statement)
    }
    return Row(values: values)
  }

  private func value(at column: Int32, in statement: OpaquePointer) -> SQLValue {
    switch sqlite3_column_type(statement, column) {
    case SQLITE_INTEGER:
      return .integer(Int(sqlite3_column_int64(statement, column)))
    case SQLITE_TEXT:
      return .text(sqlite3_column_text(statement, column).map { String(cString: $0) } ?? "")
    case SQLITE_BLOB:
      let count = Int(sqlite3_column_bytes(statement, column))
      guard count > 0, let bytes = sqlite3_column_blob(statement, column) else {
        return .blob(Data())
      }
      return .blob(Data(bytes: bytes, count: count))
    default:
      // NULL, and REAL values, which this chapter never stores.
      return .null
    }
  }

  private func check(_ code: Int32, _ sql: String) throws {
    guard code == SQLITE_OK else { throw failure(code, sql) }
  }

  private func failure(_ code: Int32, _ sql: String) -> DatabaseError {
    .sqlite(code: code, message: String(cString: sqlite3_errmsg(handle)), sql: sql)
  }
}

// A connection is used by one thread at a time: its owner keeps it in a Mutex.
@available(*, unavailable)
extension Database: Sendable {}
