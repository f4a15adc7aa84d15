import Foundation

/// Says what went wrong encoding or decoding a record, and where, without the values.
///
/// The descriptions of `EncodingError` and `DecodingError` may quote the value being encoded or
/// the text being read ("Cannot initialize Colour from invalid String value purple"): that is
/// the plaintext that encryption protects, and it must not reach logs through an error.
enum CodingErrorSummary {
  /// A phrase such as "expected String at event.trickAdded.trick".
  static func describe(_ error: any Error) -> String {
    switch error {
    case EncodingError.invalidValue(let value, let context):
      "a value of type \(type(of: value)) cannot be encoded at \(path(context.codingPath))"
    case DecodingError.typeMismatch(let type, let context):
      "expected \(type) at \(path(context.codingPath))"
    case DecodingError.valueNotFound(let type, let context):
      "expected \(type), found null, at \(path(context.codingPath))"
    case DecodingError.keyNotFound(let key, let context):
      "missing key '\(key.stringValue)' at \(path(context.codingPath))"
    case DecodingError.dataCorrupted(let context):
      "not valid JSON, or an invalid value, at \(path(context.codingPath))"
    case let error as UpcastError:
      "\(error)"
    default:
      "\(type(of: error))"
    }
  }

  private static func path(_ codingPath: [any CodingKey]) -> String {
    codingPath.isEmpty
      ? "the top level"
      : codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
  }
}
