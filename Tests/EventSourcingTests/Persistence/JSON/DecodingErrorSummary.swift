import Foundation

@testable import EventSourcing

/// Decodes `type` from `data` with a new ``FastJSONDecoder``.
func decodeFast<T: Decodable>(_ type: T.Type, _ data: Data) throws -> T {
  var decoder = FastJSONDecoder()
  return try decoder.decode(type, from: data)
}

/// The kind of a decoding error and the string values of its coding path, to compare the
/// errors of two decoders.
func decodingErrorSummary(_ error: any Error) -> String {
  guard let error = error as? DecodingError else { return "not a DecodingError: \(error)" }
  let (kind, context): (String, DecodingError.Context) =
    switch error {
    case .typeMismatch(_, let context): ("typeMismatch", context)
    case .valueNotFound(_, let context): ("valueNotFound", context)
    case .keyNotFound(let key, let context): ("keyNotFound \(key.stringValue)", context)
    case .dataCorrupted(let context): ("dataCorrupted", context)
    @unknown default: ("unknown", DecodingError.Context(codingPath: [], debugDescription: ""))
    }
  return kind + " at " + context.codingPath.map(\.stringValue).joined(separator: "/")
}
