import CSQLite
import Foundation

/// An SQLite connection of its own to a database file, kept open between statements, for
/// holding a lock the way another process would.
final class RawConnection {
  private let database: OpaquePointer

  /// Opens the database at `path`; a busy statement fails at once.
  init(path: String) throws {
    var database: OpaquePointer?
    guard sqlite3_open(path, &database) == SQLITE_OK, let database else {
      sqlite3_close_v2(database)
      throw RawSQLError(message: "cannot open \(path)")
    }
    self.database = database
  }

  deinit {
    sqlite3_close_v2(database)
  }

  /// Runs statements, such as `BEGIN IMMEDIATE` to take the write lock and `COMMIT` to give it
  /// back.
  func execute(_ sql: String) throws {
    var message: UnsafeMutablePointer<CChar>?
    guard sqlite3_exec(database, sql, nil, nil, &message) == SQLITE_OK else {
      defer { sqlite3_free(message) }
      throw RawSQLError(message: message.map { String(cString: $0) } ?? "unknown error")
    }
  }
}
