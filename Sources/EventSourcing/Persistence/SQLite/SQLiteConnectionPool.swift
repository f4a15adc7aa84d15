import Foundation

/// The connections of one SQLite recorder: a writer, and for a database in WAL mode, readers.
///
/// Each connection has its own ``SQLiteWorker``, so that no call blocks a thread of Swift's
/// cooperative pool. Writes go to the one writer, in the order they are submitted. In WAL
/// mode a reader reads the last committed state without waiting for a writer, so reads go to
/// reader connections of their own and do not queue behind writes, which may wait for another
/// process's lock. A read that follows an awaited write sees it: the write has committed
/// before its caller resumed, and every read starts a new read transaction (statements are
/// reset after use).
///
/// A database that the recorder did not switch to WAL mode, one in memory or given as a `file:`
/// URI, keeps one connection for everything: a second connection to an in-memory database
/// would open another, empty database.
final class SQLiteConnectionPool: Sendable {
  private let writer: SQLiteWorker
  /// Empty when reads go to the writer.
  private let readers: [SQLiteWorker]

  /// How many reader connections a database in WAL mode gets: two, so that a long read (a
  /// page of the notification log) does not hold up a short one, without many idle
  /// connections and threads.
  static let readerCount = 2

  /// Puts the writer connection on a worker, and makes readers when `readsInWAL` is true.
  ///
  /// Readers are opened on first use, after the writer has set up the database: opening one
  /// then finds the file in WAL mode with its tables made, never half created by another
  /// process.
  ///
  /// - Parameters:
  ///   - writer: The open, set up connection that writes.
  ///   - path: The database, for opening readers.
  ///   - lockTimeout: The readers' busy timeout.
  ///   - readsInWAL: Whether the database is a file in WAL mode, where readers help.
  init(writer: SQLiteConnection, path: String, lockTimeout: Duration, readsInWAL: Bool) {
    self.writer = SQLiteWorker(label: "EventSourcing.SQLite.writer", connection: writer)
    guard readsInWAL else {
      readers = []
      return
    }
    // Resolved now: the process may change its working directory before the first read.
    let readerPath = URL(fileURLWithPath: path).path
    readers = (0..<Self.readerCount).map { _ in
      SQLiteWorker(label: "EventSourcing.SQLite.reader") {
        try SQLiteConnection(path: readerPath, busyTimeout: lockTimeout, createsFile: false)
      }
    }
  }

  /// Runs `body` on the writer connection.
  ///
  /// - Throws: ``RecorderError/database(code:message:operation:)`` describing `operation` for
  ///   a failure of SQLite; other errors of `body` as they are.
  func write<Result: Sendable>(
    _ operation: @autoclosure () -> String, _ body: (SQLiteConnection) throws -> Result
  ) async throws -> Result {
    try await run(operation(), on: writer, body)
  }

  /// Runs `body` on the least busy reader connection, or on the writer when there are none.
  ///
  /// - Throws: ``RecorderError/database(code:message:operation:)`` describing `operation` for
  ///   a failure of SQLite; other errors of `body` as they are.
  func read<Result: Sendable>(
    _ operation: @autoclosure () -> String, _ body: (SQLiteConnection) throws -> Result
  ) async throws -> Result {
    var chosen = readers.first ?? writer
    for reader in readers.dropFirst() where reader.pendingJobs < chosen.pendingJobs {
      chosen = reader
    }
    return try await run(operation(), on: chosen, body)
  }

  /// Runs `body` on a worker and names the operation in a failure of SQLite. The description
  /// is only built when a failure needs it.
  private func run<Result: Sendable>(
    _ operation: @autoclosure () -> String, on worker: SQLiteWorker,
    _ body: (SQLiteConnection) throws -> Result
  ) async throws -> Result {
    do {
      return try await worker.run(body)
    } catch let failure as SQLiteFailure {
      throw RecorderError.database(
        code: failure.code, message: failure.message, operation: operation())
    }
  }
}
