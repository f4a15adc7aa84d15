/// One JSON value of a scanned document: what it is, where its bytes are and where it ends.
///
/// A document is a flat table of tokens in the order their values start: a container is
/// followed by its elements (an object by key and value tokens in turn), and ``end`` skips a
/// whole value with everything inside it. Sixteen bytes per value, and no allocation per value.
struct JSONToken {
  /// The kind of a JSON value.
  enum Kind: UInt8 {
    case null, `true`, `false`, number, string, array, object
  }

  /// A string that holds backslash escapes, which must be decoded before use.
  static let hasEscapes: UInt8 = 1
  /// A number written without a fraction or exponent.
  static let isInteger: UInt8 = 2

  /// What the value is.
  var kind: Kind
  /// ``hasEscapes`` for strings, ``isInteger`` for numbers.
  var flags: UInt8
  /// The offset of the value's first byte; for a string, the byte after its opening quote.
  var start: Int32
  /// A scalar's length in bytes (a string's without quotes); a container's element count.
  var length: Int32
  /// The index of the token after this value and all the values inside it.
  var end: Int32
}

extension JSONToken.Kind: CustomStringConvertible {
  /// How decoding errors name the kind of value found.
  var description: String {
    switch self {
    case .null: "null"
    case .true, .false: "a boolean"
    case .number: "a number"
    case .string: "a string"
    case .array: "an array"
    case .object: "a dictionary"
    }
  }
}
