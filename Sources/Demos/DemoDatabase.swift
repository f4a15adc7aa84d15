import CSQLite
import Foundation

/// Plain SQL on a demo's database file, behind the library's back: what anyone with access
/// to the file could do.
struct DemoDatabase {
  /// A stored event's row as SQLite holds it.
  struct Row {
    let version: Int
    let topic: String
    let state: Data
  }

  let path: String

  /// Runs statements.
  func execute(_ sql: String) throws {
    try withDatabase { database in
      var message: UnsafeMutablePointer<CChar>?
      guard sqlite3_exec(database, sql, nil, nil, &message) == SQLITE_OK else {
        defer { sqlite3_free(message) }
        throw DemoError(message.map { String(cString: $0) } ?? "SQL failed")
      }
    }
  }

  /// Runs one statement with its `?` bound to `blob`.
  func execute(_ sql: String, binding blob: Data) throws {
    try withDatabase { database in
      var statement: OpaquePointer?
      guard sqlite3_prepare_v2(database, sql, -1, &statement, nil) == SQLITE_OK else {
        throw DemoError(String(cString: sqlite3_errmsg(database)))
      }
      defer { sqlite3_finalize(statement) }
      let bound = blob.withUnsafeBytes { bytes in
        sqlite3_bind_blob(statement, 1, bytes.baseAddress, Int32(bytes.count), csqlite_transient())
      }
      guard bound == SQLITE_OK, sqlite3_step(statement) == SQLITE_DONE else {
        throw DemoError(String(cString: sqlite3_errmsg(database)))
      }
    }
  }

  /// The rows of one aggregate's events, oldest first.
  func rows(of originatorID: UUID) throws -> [Row] {
    try withDatabase { database in
      var statement: OpaquePointer?
      let sql = "SELECT originator_version, topic, state FROM stored_events "
        + "WHERE originator_id = '\(originatorID.uuidString)' ORDER BY originator_version"
      guard sqlite3_prepare_v2(database, sql, -1, &statement, nil) == SQLITE_OK else {
        throw DemoError(String(cString: sqlite3_errmsg(database)))
      }
      defer { sqlite3_finalize(statement) }
      var rows: [Row] = []
      while sqlite3_step(statement) == SQLITE_ROW {
        let count = Int(sqlite3_column_bytes(statement, 2))
        let state = sqlite3_column_blob(statement, 2).map { Data(bytes: $0, count: count) } ?? Data()
        rows.append(Row(
          version: Int(sqlite3_column_int64(statement, 0)),
          topic: sqlite3_column_text(statement, 1).map { String(cString: $0) } ?? "",
          state: state))
      }
      return rows
    }
  }

  /// The stored state of one row of `table`.
  func state(in table: String, of originatorID: UUID, version: Int) throws -> Data {
    try withDatabase { database in
      var statement: OpaquePointer?
      let sql = "SELECT state FROM \(table) WHERE originator_id = '\(originatorID.uuidString)' "
        + "AND originator_version = \(version)"
      guard sqlite3_prepare_v2(database, sql, -1, &statement, nil) == SQLITE_OK else {
        throw DemoError(String(cString: sqlite3_errmsg(database)))
      }
      defer { sqlite3_finalize(statement) }
      guard sqlite3_step(statement) == SQLITE_ROW else { throw DemoError("no row: \(sql)") }
      let count = Int(sqlite3_column_bytes(statement, 0))
      return sqlite3_column_blob(statement, 0).map { Data(bytes: $0, count: count) } ?? Data()
    }
  }

  private func withDatabase<Result>(_ body: (OpaquePointer) throws -> Result) throws -> Result {
    var database: OpaquePointer?
    defer { sqlite3_close_v2(database) }
    guard sqlite3_open(path, &database) == SQLITE_OK, let database else {
      throw DemoError("cannot open \(path)")
    }
    return try body(database)
  }
}

/// A demo could not do its work.
struct DemoError: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}

extension Data {
  /// The bytes as text where they are printable, dots elsewhere, cut to `limit` characters.
  func printable(limit: Int = 60) -> String {
    let text = prefix(limit).map { (32..<127).contains($0) ? String(UnicodeScalar($0)) : "·" }
      .joined()
    return count > limit ? text + "…" : text
  }
}
