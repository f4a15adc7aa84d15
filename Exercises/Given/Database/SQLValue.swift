public import Foundation

/// A value that SQLite stores in a column or binds to a `?` in a statement.
public enum SQLValue: Equatable, Sendable {
  /// A 64-bit integer.
  case integer(Int)
  /// UTF-8 text.
  case text(String)
  /// Bytes, stored exactly as given.
  case blob(Data)
  /// No value.
  case null
}

/// One row of a query's result: its values by column name.
public struct Row: Equatable, Sendable {
  /// The column names and values, in the order of the query's columns.
  public let values: [String: SQLValue]

  /// Creates a row.
  public init(values: [String: SQLValue]) {
    self.values = values
  }

  /// The integer in a column.
  ///
  /// - Throws: ``DatabaseError/unexpectedValue(column:expected:)`` when the column is missing
  ///   or holds something else.
  public func integer(_ column: String) throws -> Int {
    guard case .integer(let value)? = values[column] else {
      throw DatabaseError.unexpectedValue(column: column, expected: "an integer")
    }
    return value
  }

  /// The text in a column.
  public func text(_ column: String) throws -> String {
    guard case .text(let value)? = values[column] else {
      throw DatabaseError.unexpectedValue(column: column, expected: "text")
    }
    return value
  }

  /// The bytes in a column (a zero-length blob reads back as empty `Data`).
  public func blob(_ column: String) throws -> Data {
    switch values[column] {
    case .blob(let value)?: return value
    default: throw DatabaseError.unexpectedValue(column: column, expected: "a blob")
    }
  }

  /// The UUID written as text in a column, as `UUID.uuidString` writes it.
  public func uuid(_ column: String) throws -> UUID {
    guard let value = UUID(uuidString: try text(column)) else {
      throw DatabaseError.unexpectedValue(column: column, expected: "a UUID")
    }
    return value
  }
}
