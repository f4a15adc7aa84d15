/// The members of a JSON object, looked up by key.
struct JSONKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
  private let document: JSONDocument
  private let index: Int

  init(document: JSONDocument, index: Int) throws {
    guard document.tokens[index].kind == .object else {
      throw document.mismatch([String: Any].self, at: index)
    }
    self.document = document
    self.index = index
  }

  var codingPath: [any CodingKey] { document.codingPath(to: index) }

  var allKeys: [Key] {
    document.context.keys(ofObjectAt: index, in: document, as: Key.self)
  }

  func contains(_ key: Key) -> Bool {
    document.valueIndex(forKey: key.stringValue, inObjectAt: index) != nil
  }

  /// The token of the value of `key`.
  func valueIndex(for key: Key) throws -> Int {
    guard let value = document.valueIndex(forKey: key.stringValue, inObjectAt: index) else {
      throw DecodingError.keyNotFound(
        key,
        DecodingError.Context(
          codingPath: codingPath,
          debugDescription: "No value associated with key \(key) (\"\(key.stringValue)\")."))
    }
    return value
  }

  func decodeNil(forKey key: Key) throws -> Bool {
    document.decodeNil(at: try valueIndex(for: key))
  }

  func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool {
    try document.decodeBool(at: valueIndex(for: key))
  }
  func decode(_ type: String.Type, forKey key: Key) throws -> String {
    try document.decodeString(at: valueIndex(for: key))
  }
  func decode(_ type: Double.Type, forKey key: Key) throws -> Double {
    try document.decodeDouble(at: valueIndex(for: key))
  }
  func decode(_ type: Float.Type, forKey key: Key) throws -> Float {
    try document.decodeFloat(at: valueIndex(for: key))
  }
  func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try integer(type, key) }
  func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try integer(type, key) }
  func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try integer(type, key) }
  func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try integer(type, key) }
  func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try integer(type, key) }
  func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try integer(type, key) }
  func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try integer(type, key) }
  func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try integer(type, key) }
  func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try integer(type, key) }
  func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try integer(type, key) }

  func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
    try document.decode(type, at: valueIndex(for: key))
  }

  /// Looks the key up once, where the default implementation looks it up three times.
  func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
    guard let value = document.valueIndex(forKey: key.stringValue, inObjectAt: index),
      !document.decodeNil(at: value)
    else { return nil }
    return try document.decode(type, at: value)
  }

  private func integer<T: FixedWidthInteger>(_ type: T.Type, _ key: Key) throws -> T {
    try document.decodeInteger(type, at: valueIndex(for: key))
  }

  func nestedContainer<NestedKey: CodingKey>(
    keyedBy type: NestedKey.Type, forKey key: Key
  ) throws -> KeyedDecodingContainer<NestedKey> {
    try document.context.container(
      keyedBy: type, document: document, index: valueIndex(for: key))
  }

  func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
    try JSONUnkeyedContainer(document: document, index: valueIndex(for: key))
  }

  func superDecoder() throws -> any Decoder {
    guard let value = document.valueIndex(forKey: "super", inObjectAt: index) else {
      throw DecodingError.keyNotFound(
        JSONCodingKey.super,
        DecodingError.Context(
          codingPath: codingPath, debugDescription: "No value associated with key \"super\"."))
    }
    return JSONValueDecoder(document: document, index: value)
  }

  func superDecoder(forKey key: Key) throws -> any Decoder {
    JSONValueDecoder(document: document, index: try valueIndex(for: key))
  }
}
