import CSQLite

/// Runs a read model's SQL inside one transaction of an ``SQLiteTrackingRecorder``.
///
/// It exists only while the recorder's `write` or `read` closure runs, and is used from that
/// closure's thread: SQLite connections are not shared between threads.
public struct SQLiteTransaction {
  let connection: SQLiteConnection

  /// Runs a statement that changes rows, with `?1`, `?2`, … bound to `values`.
  ///
  /// - Throws: ``RecorderError/database(code:message:operation:)`` naming the SQL.
  public func execute(_ sql: String, _ values: [SQLiteValue] = []) throws {
    try run(sql) { connection in
      try connection.withStatement(sql) { statement in
        try bind(values, to: statement)
        while try statement.step() {}
      }
    }
  }

  /// Runs a query with `?1`, `?2`, … bound to `values` and returns its rows.
  ///
  /// - Throws: ``RecorderError/database(code:message:operation:)`` naming the SQL.
  public func query(_ sql: String, _ values: [SQLiteValue] = []) throws -> [[SQLiteValue]] {
    try run(sql) { connection in
      try connection.withStatement(sql) { statement in
        try bind(values, to: statement)
        var rows: [[SQLiteValue]] = []
        while try statement.step() {
          rows.append((0..<statement.columnCount).map { statement.value(at: $0) })
        }
        return rows
      }
    }
  }

  private func bind(_ values: [SQLiteValue], to statement: SQLiteStatement) throws {
    for (offset, value) in values.enumerated() {
      try statement.bind(value, at: Int32(offset + 1))
    }
  }

  private func run<Result>(
    _ sql: String, _ body: (SQLiteConnection) throws -> Result
  ) throws -> Result {
    do {
      return try body(connection)
    } catch let failure as SQLiteFailure {
      throw RecorderError.database(
        code: failure.code, message: failure.message, operation: "run `\(sql)`")
    }
  }
}

// Explicit non-conformance to Sendable: a transaction is bound to its connection's thread.
@available(*, unavailable)
extension SQLiteTransaction: Sendable {}
