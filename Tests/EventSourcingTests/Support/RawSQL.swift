import CSQLite
import Foundation
import Testing

/// Changes an SQLite file with plain SQL, as someone with access to the file could, behind the
/// recorder's back.
enum RawSQL {
  /// Runs statements on the database file.
  static func execute(_ sql: String, on path: String) throws {
    var database: OpaquePointer?
    defer { sqlite3_close_v2(database) }
    guard sqlite3_open(path, &database) == SQLITE_OK else {
      throw RawSQLError(message: "cannot open \(path)")
    }
    var message: UnsafeMutablePointer<CChar>?
    guard sqlite3_exec(database, sql, nil, nil, &message) == SQLITE_OK else {
      defer { sqlite3_free(message) }
      throw RawSQLError(message: message.map { String(cString: $0) } ?? "unknown error")
    }
  }

  /// The first column of the first row of a query, as bytes; `nil` when there is no row.
  static func blob(_ sql: String, on path: String) throws -> Data? {
    var database: OpaquePointer?
    defer { sqlite3_close_v2(database) }
    guard sqlite3_open(path, &database) == SQLITE_OK else {
      throw RawSQLError(message: "cannot open \(path)")
    }
    var statement: OpaquePointer?
    defer { sqlite3_finalize(statement) }
    guard sqlite3_prepare_v2(database, sql, -1, &statement, nil) == SQLITE_OK else {
      throw RawSQLError(message: String(cString: sqlite3_errmsg(database)))
    }
    guard sqlite3_step(statement) == SQLITE_ROW else { return nil }
    let count = Int(sqlite3_column_bytes(statement, 0))
    guard count > 0, let bytes = sqlite3_column_blob(statement, 0) else { return Data() }
    return Data(bytes: bytes, count: count)
  }

  /// Bytes as an SQL blob literal, `X'…'`.
  static func literal(_ data: Data) -> String {
    "X'" + data.map { String(format: "%02X", $0) }.joined() + "'"
  }

  /// The whole file, with its write-ahead log folded in, as bytes.
  static func bytes(of path: String) throws -> Data {
    try execute("PRAGMA wal_checkpoint(TRUNCATE)", on: path)
    return try Data(contentsOf: URL(fileURLWithPath: path))
  }
}

struct RawSQLError: Error, CustomStringConvertible {
  let message: String
  var description: String { "SQL failed: \(message)" }
}
