/// A name of a PostgreSQL table, schema or channel, quoted for SQL.
///
/// Table names come from code and the schema from settings; quoting them keeps any name,
/// even one with capitals or spaces, from being read as SQL.
struct PostgresIdentifier: Sendable, Equatable {
  /// PostgreSQL's `NAMEDATALEN - 1`: longer names are cut short by the server.
  static let maximumLength = 63

  /// The name as given.
  let name: String

  /// Wraps a name.
  ///
  /// - Throws: ``PostgresIdentifierError`` when the name is empty, longer than PostgreSQL
  ///   keeps (which would make two names the same), or has a double quote, which the channel
  ///   named after a table cannot have.
  init(_ name: String) throws(PostgresIdentifierError) {
    guard !name.isEmpty, name.utf8.count <= Self.maximumLength, !name.contains("\0"),
      !name.contains("\"")
    else {
      throw PostgresIdentifierError(name: name)
    }
    self.name = name
  }

  /// The name in double quotes, with any double quote in it doubled.
  var quoted: String {
    "\"" + name.replacingQuotes() + "\""
  }

  /// The qualified name of a table in a schema.
  static func qualified(_ schema: PostgresIdentifier, _ table: PostgresIdentifier) -> String {
    schema.quoted + "." + table.quoted
  }
}

/// A table or schema name that PostgreSQL cannot keep as it is.
public struct PostgresIdentifierError: Error, Equatable, CustomStringConvertible {
  /// The name.
  public let name: String

  public var description: String {
    "'\(name)' cannot be a PostgreSQL name here: use 1 to \(PostgresIdentifier.maximumLength) "
      + "bytes, without double quotes."
  }
}

extension String {
  fileprivate func replacingQuotes() -> String {
    var result = ""
    for character in self {
      if character == "\"" { result.append("\"") }
      result.append(character)
    }
    return result
  }
}
