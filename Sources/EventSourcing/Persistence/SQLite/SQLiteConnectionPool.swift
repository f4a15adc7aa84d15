import Foundation

/// The connection of one SQLite recorder, on an ``SQLiteWorker`` of its own, so that no call
/// blocks a thread of Swift's cooperative pool. Calls run one after another, in the order they
/// are submitted.
final class SQLiteConnectionPool: Sendable {
  private let writer: SQLiteWorker

  /// Puts the open, set up connection on a worker.
  init(writer: SQLiteConnection) {
    self.writer = SQLiteWorker(label: "EventSourcing.SQLite.writer", connection: writer)
  }

  /// Runs `body` on the connection, to write.
  ///
  /// - Throws: ``RecorderError/database(code:message:operation:)`` describing `operation` for
  ///   a failure of SQLite; other errors of `body` as they are.
  func write<Result: Sendable>(
    _ operation: @autoclosure () -> String, _ body: (SQLiteConnection) throws -> Result
  ) async throws -> Result {
    try await run(operation(), on: writer, body)
  }

  /// Runs `body` on the connection, to read.
  ///
  /// - Throws: ``RecorderError/database(code:message:operation:)`` describing `operation` for
  ///   a failure of SQLite; other errors of `body` as they are.
  func read<Result: Sendable>(
    _ operation: @autoclosure () -> String, _ body: (SQLiteConnection) throws -> Result
  ) async throws -> Result {
    try await run(operation(), on: writer, body)
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
