/// Why a ``Database`` call failed.
public enum DatabaseError: Error, Equatable, CustomStringConvertible {
  /// SQLite refused: its extended result code, its message, and the SQL it was running.
  case sqlite(code: Int32, message: String, sql: String)
  /// A row did not hold the expected kind of value in a column.
  case unexpectedValue(column: String, expected: String)

  /// Whether a UNIQUE or PRIMARY KEY constraint refused a row: the database's way of saying
  /// that a key is taken.
  public var isUniqueConstraintViolation: Bool {
    // SQLITE_CONSTRAINT_UNIQUE (19 | 8 << 8) and SQLITE_CONSTRAINT_PRIMARYKEY (19 | 6 << 8)
    // are C macros that Swift cannot import.
    guard case .sqlite(let code, _, _) = self else { return false }
    return code == 19 | (8 << 8) || code == 19 | (6 << 8)
  }

  /// A sentence naming what was wrong.
  public var description: String {
    switch self {
    case .sqlite(let code, let message, let sql):
      "SQLite error \(code) (\(message)) while running: \(sql)"
    case .unexpectedValue(let column, let expected):
      "The column \(column) did not hold \(expected)."
    }
  }
}
