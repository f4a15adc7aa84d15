import CSQLite

extension SQLiteStatement {
  /// The number of columns in the statement's rows.
  var columnCount: Int32 {
    sqlite3_column_count(handle)
  }

  /// Binds a value of any SQLite type.
  func bind(_ value: SQLiteValue, at index: Int32) throws {
    switch value {
    case .integer(let integer): try bind(integer, at: index)
    case .real(let real): try checkBinding(sqlite3_bind_double(handle, index, real))
    case .text(let text): try bind(text, at: index)
    case .blob(let data): try bind(data, at: index)
    case .null: try checkBinding(sqlite3_bind_null(handle, index))
    }
  }

  /// The value in a column of the current row, of whatever type SQLite stored.
  func value(at column: Int32) -> SQLiteValue {
    switch sqlite3_column_type(handle, column) {
    case SQLITE_INTEGER: .integer(int(at: column))
    case SQLITE_FLOAT: .real(sqlite3_column_double(handle, column))
    case SQLITE_TEXT: .text(string(at: column))
    case SQLITE_BLOB: .blob(data(at: column))
    default: .null
    }
  }

  private func checkBinding(_ code: Int32) throws {
    guard code == SQLITE_OK else { throw SQLiteFailure(database: database, code: code) }
  }
}
