import EventSourcing
import PostgresNIO

extension PSQLError {
  /// The server's SQLSTATE code, such as `23505` for a unique violation.
  var sqlState: String? {
    code == .server ? serverInfo?[.sqlState] : nil
  }
}

extension RecorderError {
  /// A database error for a failure PostgreSQL, or the connection to it, reported.
  ///
  /// PostgreSQL's codes (SQLSTATE) are five letters and digits, so the code is 0 and the
  /// message starts with the SQLSTATE.
  init(_ error: PSQLError, operation: String) {
    let message =
      if let info = error.serverInfo {
        "SQLSTATE \(info[.sqlState] ?? "?"): \(info[.message] ?? "no message")"
      } else {
        "\(error.code)" + (error.underlying.map { ": \($0)" } ?? "")
      }
    self = .database(code: 0, message: message, operation: operation)
  }
}

/// Runs `body`, turning a PostgreSQL failure into ``RecorderError/database(code:message:operation:)``.
func translatingErrors<Result>(
  _ operation: String, _ body: () async throws -> Result
) async throws -> Result {
  do {
    return try await body()
  } catch let error as PSQLError {
    throw RecorderError(error, operation: operation)
  }
}
