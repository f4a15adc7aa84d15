import CSQLite
import Foundation

extension SQLiteConnection {
  /// Opens the writer connection of a recorder: sets the journal mode and durability, and
  /// creates the table when it is missing.
  ///
  /// The problems people run into at start-up get errors that name the file and the cause:
  /// a missing directory, a file that may not be written, a file that is not a database.
  /// Steps refused because another process holds a lock are tried again through `retry`.
  ///
  /// - Returns: The connection, and whether the database is in WAL mode, where reader
  ///   connections may read beside it: a file is switched to it, an in-memory database never.
  static func openForRecorder(
    path: String, schema: SQLiteSchema?, synchronous: SQLiteRecorder.Synchronous,
    lockTimeout: Duration, retry: SQLiteStartUpRetry
  ) throws -> (connection: SQLiteConnection, isInWALMode: Bool) {
    let isFile = !path.isEmpty && path != ":memory:" && !path.hasPrefix("file:")
    if isFile {
      let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory),
        isDirectory.boolValue
      else {
        throw RecorderError.configuration(
          "Cannot open the SQLite database '\(path)': the directory '\(directory)' does not exist.")
      }
    }
    let connection: SQLiteConnection
    do {
      connection = try SQLiteConnection(path: path, busyTimeout: lockTimeout)
    } catch let failure as SQLiteFailure {
      throw RecorderError.configuration(
        "Cannot open the SQLite database '\(path)': \(failure.message) "
          + "(SQLite error \(failure.code)).")
    }
    guard !connection.isReadOnly else {
      throw RecorderError.configuration(
        "Cannot write to the SQLite database '\(path)': the file is read-only for this process.")
    }
    let isInWALMode: Bool
    do {
      // WAL lets readers (in this and other processes) read while one writer writes. Only
      // plain file paths are switched: a `file:` URI may name an in-memory database.
      isInWALMode =
        try isFile && retry.run { try connection.text("PRAGMA journal_mode=WAL") } == "wal"
      try retry.run { try connection.execute("PRAGMA synchronous=\(synchronous.rawValue)") }
      if let schema { try retry.run { try connection.execute(schema.createTable) } }
    } catch let failure as SQLiteFailure {
      switch failure.primaryCode {
      case SQLITE_NOTADB:
        throw RecorderError.configuration(
          "The file '\(path)' is not an SQLite database (SQLite error \(failure.code): "
            + "\(failure.message)).")
      case SQLITE_READONLY, SQLITE_CANTOPEN, SQLITE_PERM, SQLITE_IOERR:
        throw RecorderError.configuration(
          "Cannot write to the SQLite database '\(path)': \(failure.message) "
            + "(SQLite error \(failure.code)).")
      default:
        throw RecorderError.database(
          code: failure.code, message: failure.message,
          operation: "set up the tables in '\(path)'")
      }
    }
    return (connection, isInWALMode)
  }
}
