/// The elements of a JSON array, decoded in order.
struct JSONUnkeyedContainer: UnkeyedDecodingContainer {
  private let document: JSONDocument
  private let index: Int
  /// The token of the next element.
  private var position: Int

  let count: Int?
  private(set) var currentIndex = 0

  init(document: JSONDocument, index: Int) throws {
    guard document.tokens[index].kind == .array else {
      throw document.mismatch([Any].self, at: index)
    }
    self.document = document
    self.index = index
    position = index + 1
    count = Int(document.tokens[index].length)
  }

  var codingPath: [any CodingKey] { document.codingPath(to: index) }
  var isAtEnd: Bool { currentIndex >= count ?? 0 }

  /// Decodes the next element and moves past it only when that succeeds.
  private mutating func next<T>(
    _ type: T.Type, _ decode: (JSONDocument, Int) throws -> T
  ) throws -> T {
    guard !isAtEnd else {
      throw DecodingError.valueNotFound(
        type,
        DecodingError.Context(
          codingPath: codingPath + [JSONCodingKey(index: currentIndex)],
          debugDescription: "Unkeyed container is at end."))
    }
    let value = try decode(document, position)
    position = Int(document.tokens[position].end)
    currentIndex += 1
    return value
  }

  mutating func decodeNil() throws -> Bool {
    guard !isAtEnd, document.decodeNil(at: position) else {
      if isAtEnd { _ = try next(Never?.self) { _, _ in nil } }
      return false
    }
    return try next(Bool.self) { _, _ in true }
  }

  mutating func decode(_ type: Bool.Type) throws -> Bool {
    try next(type) { try $0.decodeBool(at: $1) }
  }
  mutating func decode(_ type: String.Type) throws -> String {
    try next(type) { try $0.decodeString(at: $1) }
  }
  mutating func decode(_ type: Double.Type) throws -> Double {
    try next(type) { try $0.decodeDouble(at: $1) }
  }
  mutating func decode(_ type: Float.Type) throws -> Float {
    try next(type) { try $0.decodeFloat(at: $1) }
  }
  mutating func decode(_ type: Int.Type) throws -> Int { try integer(type) }
  mutating func decode(_ type: Int8.Type) throws -> Int8 { try integer(type) }
  mutating func decode(_ type: Int16.Type) throws -> Int16 { try integer(type) }
  mutating func decode(_ type: Int32.Type) throws -> Int32 { try integer(type) }
  mutating func decode(_ type: Int64.Type) throws -> Int64 { try integer(type) }
  mutating func decode(_ type: UInt.Type) throws -> UInt { try integer(type) }
  mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try integer(type) }
  mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try integer(type) }
  mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try integer(type) }
  mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try integer(type) }

  mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
    try next(type) { try $0.decode(type, at: $1) }
  }

  private mutating func integer<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
    try next(type) { try $0.decodeInteger(type, at: $1) }
  }

  mutating func nestedContainer<NestedKey: CodingKey>(
    keyedBy type: NestedKey.Type
  ) throws -> KeyedDecodingContainer<NestedKey> {
    try next(KeyedDecodingContainer<NestedKey>.self) {
      try $0.context.container(keyedBy: type, document: $0, index: $1)
    }
  }

  mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
    try next(JSONUnkeyedContainer.self) {
      try JSONUnkeyedContainer(document: $0, index: $1)
    }
  }

  mutating func superDecoder() throws -> any Decoder {
    try next(JSONValueDecoder.self) { JSONValueDecoder(document: $0, index: $1) }
  }
}
