public import Foundation

/// A value in an SQLite row or statement parameter, for read models kept in SQLite (see
/// ``SQLiteTrackingRecorder``).
public enum SQLiteValue: Sendable, Equatable, Hashable {
  /// An integer.
  case integer(Int)
  /// A floating-point number.
  case real(Double)
  /// Text.
  case text(String)
  /// Bytes.
  case blob(Data)
  /// No value.
  case null

  /// The value as an integer, when it is one.
  public var integer: Int? {
    if case .integer(let value) = self { return value }
    return nil
  }

  /// The value as text, when it is text.
  public var text: String? {
    if case .text(let value) = self { return value }
    return nil
  }
}

extension SQLiteValue: ExpressibleByIntegerLiteral, ExpressibleByStringLiteral,
  ExpressibleByFloatLiteral, ExpressibleByNilLiteral
{
  public init(integerLiteral value: Int) { self = .integer(value) }
  public init(stringLiteral value: String) { self = .text(value) }
  public init(floatLiteral value: Double) { self = .real(value) }
  public init(nilLiteral: ()) { self = .null }
}
