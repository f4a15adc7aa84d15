import Foundation

/// Decodes `Decodable` values from the JSON that Foundation's `JSONEncoder` writes with its
/// default strategies, more than three times faster than `JSONDecoder`.
///
/// The text is scanned once into a flat table of tokens (see ``JSONScanner``); decoding then
/// reads values in place, turns strings into `String`s only when asked for them, and parses
/// numbers without Foundation. Dates are seconds since the reference date (`.deferredToDate`),
/// `Data` is Base64, dictionaries with `String` keys are objects, and enumerations with
/// associated values are read as Swift's synthesized conformances write them.
///
/// Errors are `DecodingError`s with coding paths, like `JSONDecoder`'s; syntax errors name the
/// byte offset. Differences: a key written twice yields its first value; a trailing comma is
/// refused, as RFC 8259 says; `superDecoder(forKey:)` needs the key to be present.
///
/// One decoder keeps its token table between calls, so decoding many small documents with it
/// allocates the table once.
struct FastJSONDecoder {
  private var tokens: [JSONToken] = []
  /// Shared by copies of the decoder, which is harmless as long as they decode one at a time,
  /// as every user of this internal type does.
  private let context = JSONDecodingContext()

  /// Decodes a value of `type` from `data`.
  ///
  /// - Throws: `DecodingError` when `data` is not JSON or does not hold a `type`.
  mutating func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
    try decode(from: data) { try $0.decode(type) }
  }

  /// Reads a value from `data` with `read`, which is given the document's root value: for
  /// formats the library defines itself, read without a keyed container's costs.
  ///
  /// - Throws: `DecodingError` when `data` is not JSON, and what `read` throws.
  mutating func decode<T>(from data: Data, reading read: (JSONValueDecoder) throws -> T) throws -> T
  {
    try data.withUnsafeBytes { raw in
      let bytes = raw.bindMemory(to: UInt8.self)
      tokens.removeAll(keepingCapacity: true)
      try JSONScanner.scan(bytes, into: &tokens)
      return try tokens.withUnsafeBufferPointer { table in
        // A successful scan has found at least one value, so neither buffer is empty.
        guard let tokenBase = table.baseAddress, let byteBase = bytes.baseAddress else {
          throw DecodingError.dataCorrupted(
            DecodingError.Context(codingPath: [], debugDescription: "The given data was empty."))
        }
        context.bytes = byteBase
        defer {
          context.bytes = nil
          context.isReused = true
        }
        return try read(
          JSONValueDecoder(document: JSONDocument(tokens: tokenBase, context: context), index: 0))
      }
    }
  }
}

/// A `Decoder` for one value of a ``JSONDocument``.
struct JSONValueDecoder: Decoder {
  let document: JSONDocument
  let index: Int

  var codingPath: [any CodingKey] { document.codingPath(to: index) }
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
    try document.context.container(keyedBy: type, document: document, index: index)
  }

  func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
    try JSONUnkeyedContainer(document: document, index: index)
  }

  func singleValueContainer() throws -> any SingleValueDecodingContainer {
    self
  }

  /// The value of `key` in this object.
  ///
  /// - Throws: `DecodingError` when this is not an object or has no such key.
  func member(_ key: String) throws -> JSONValueDecoder {
    try JSONValueDecoder(
      document: document,
      index: JSONKeyedContainer<JSONCodingKey>(document: document, index: index)
        .valueIndex(for: JSONCodingKey(stringValue: key)))
  }
}

// MARK: - SingleValueDecodingContainer

extension JSONValueDecoder: SingleValueDecodingContainer {
  func decodeNil() -> Bool { document.decodeNil(at: index) }
  func decode(_ type: Bool.Type) throws -> Bool { try document.decodeBool(at: index) }
  func decode(_ type: String.Type) throws -> String { try document.decodeString(at: index) }
  func decode(_ type: Double.Type) throws -> Double { try document.decodeDouble(at: index) }
  func decode(_ type: Float.Type) throws -> Float { try document.decodeFloat(at: index) }
  func decode(_ type: Int.Type) throws -> Int { try document.decodeInteger(type, at: index) }
  func decode(_ type: Int8.Type) throws -> Int8 { try document.decodeInteger(type, at: index) }
  func decode(_ type: Int16.Type) throws -> Int16 { try document.decodeInteger(type, at: index) }
  func decode(_ type: Int32.Type) throws -> Int32 { try document.decodeInteger(type, at: index) }
  func decode(_ type: Int64.Type) throws -> Int64 { try document.decodeInteger(type, at: index) }
  func decode(_ type: UInt.Type) throws -> UInt { try document.decodeInteger(type, at: index) }
  func decode(_ type: UInt8.Type) throws -> UInt8 { try document.decodeInteger(type, at: index) }
  func decode(_ type: UInt16.Type) throws -> UInt16 { try document.decodeInteger(type, at: index) }
  func decode(_ type: UInt32.Type) throws -> UInt32 { try document.decodeInteger(type, at: index) }
  func decode(_ type: UInt64.Type) throws -> UInt64 { try document.decodeInteger(type, at: index) }
  func decode<T: Decodable>(_ type: T.Type) throws -> T { try document.decode(type, at: index) }
}
