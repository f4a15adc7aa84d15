import Foundation

/// A keyed container of ``FastJSONEncoder``: one JSON object.
struct JSONKeyedEncodingContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
  let output: JSONOutput
  /// The object's ID in the output.
  let id: Int
  /// How many containers are open down to this one, itself included.
  let depth: Int

  var codingPath: [any CodingKey] { output.codingPath(to: JSONPosition(depth: depth, key: nil)) }

  private func begin(_ key: Key) throws {
    try output.beginEntry(in: id, key: key.stringValue)
  }

  /// The position of the member `key`.
  private func position(_ key: Key) -> JSONPosition {
    JSONPosition(depth: depth, key: key)
  }

  private func raw(_ text: String, forKey key: Key) throws {
    try begin(key)
    try output.writeValue { $0.append(contentsOf: text.utf8) }
  }

  mutating func encodeNil(forKey key: Key) throws { try raw("null", forKey: key) }
  mutating func encode(_ value: Bool, forKey key: Key) throws {
    try raw(value ? "true" : "false", forKey: key)
  }
  mutating func encode(_ value: String, forKey key: Key) throws {
    try begin(key)
    try output.writeValue { JSONOutput.appendString(value, to: &$0) }
  }
  mutating func encode(_ value: Double, forKey key: Key) throws { try float(value, key) }
  mutating func encode(_ value: Float, forKey key: Key) throws { try float(value, key) }
  mutating func encode(_ value: Int, forKey key: Key) throws { try integer(value, key) }
  mutating func encode(_ value: Int8, forKey key: Key) throws { try integer(value, key) }
  mutating func encode(_ value: Int16, forKey key: Key) throws { try integer(value, key) }
  mutating func encode(_ value: Int32, forKey key: Key) throws { try integer(value, key) }
  mutating func encode(_ value: Int64, forKey key: Key) throws { try integer(value, key) }
  mutating func encode(_ value: UInt, forKey key: Key) throws { try integer(value, key) }
  mutating func encode(_ value: UInt8, forKey key: Key) throws { try integer(value, key) }
  mutating func encode(_ value: UInt16, forKey key: Key) throws { try integer(value, key) }
  mutating func encode(_ value: UInt32, forKey key: Key) throws { try integer(value, key) }
  mutating func encode(_ value: UInt64, forKey key: Key) throws { try integer(value, key) }

  mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
    try begin(key)
    try JSONValueEncoder.write(value, to: output, at: position(key))
  }

  private func integer(_ value: some BinaryInteger, _ key: Key) throws {
    try begin(key)
    try output.writeValue { JSONOutput.appendInteger(value, to: &$0) }
  }

  private func float(
    _ value: some BinaryFloatingPoint & LosslessStringConvertible, _ key: Key
  ) throws {
    try begin(key)
    try output.writeValue {
      try JSONOutput.appendFloatingPoint(value, at: output.codingPath(to: position(key)), to: &$0)
    }
  }

  mutating func nestedContainer<NestedKey: CodingKey>(
    keyedBy keyType: NestedKey.Type, forKey key: Key
  ) -> KeyedEncodingContainer<NestedKey> {
    // Not throwing: a failure here is kept in the output, which then starts over.
    let id =
      (try? begin(key)) == nil ? JSONOutput.closedContainer : output.open(object: true, at: key)
    return KeyedEncodingContainer(
      JSONKeyedEncodingContainer<NestedKey>(output: output, id: id, depth: depth + 1))
  }

  mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
    let id =
      (try? begin(key)) == nil ? JSONOutput.closedContainer : output.open(object: false, at: key)
    return JSONUnkeyedEncodingContainer(output: output, id: id, depth: depth + 1)
  }

  mutating func superEncoder() -> any Encoder {
    output.markUnsupported()
    return JSONValueEncoder(output: output, position: JSONPosition(depth: depth, key: nil))
  }

  mutating func superEncoder(forKey key: Key) -> any Encoder {
    output.markUnsupported()
    return JSONValueEncoder(output: output, position: position(key))
  }
}

/// An unkeyed container of ``FastJSONEncoder``: one JSON array.
struct JSONUnkeyedEncodingContainer: UnkeyedEncodingContainer {
  let output: JSONOutput
  /// The array's ID in the output.
  let id: Int
  /// How many containers are open down to this one, itself included.
  let depth: Int
  private(set) var count = 0

  init(output: JSONOutput, id: Int, depth: Int) {
    self.output = output
    self.id = id
    self.depth = depth
  }

  var codingPath: [any CodingKey] { output.codingPath(to: JSONPosition(depth: depth, key: nil)) }

  /// The position of the element at `index`.
  private func position(_ index: Int) -> JSONPosition {
    JSONPosition(depth: depth, key: IndexKey(index))
  }

  private mutating func begin() throws {
    try output.beginEntry(in: id, key: nil)
    count += 1
  }

  private mutating func raw(_ text: String) throws {
    try begin()
    try output.writeValue { $0.append(contentsOf: text.utf8) }
  }

  mutating func encodeNil() throws { try raw("null") }
  mutating func encode(_ value: Bool) throws { try raw(value ? "true" : "false") }
  mutating func encode(_ value: String) throws {
    try begin()
    try output.writeValue { JSONOutput.appendString(value, to: &$0) }
  }
  mutating func encode(_ value: Double) throws { try float(value) }
  mutating func encode(_ value: Float) throws { try float(value) }
  mutating func encode(_ value: Int) throws { try integer(value) }
  mutating func encode(_ value: Int8) throws { try integer(value) }
  mutating func encode(_ value: Int16) throws { try integer(value) }
  mutating func encode(_ value: Int32) throws { try integer(value) }
  mutating func encode(_ value: Int64) throws { try integer(value) }
  mutating func encode(_ value: UInt) throws { try integer(value) }
  mutating func encode(_ value: UInt8) throws { try integer(value) }
  mutating func encode(_ value: UInt16) throws { try integer(value) }
  mutating func encode(_ value: UInt32) throws { try integer(value) }
  mutating func encode(_ value: UInt64) throws { try integer(value) }

  mutating func encode<T: Encodable>(_ value: T) throws {
    try begin()
    // Arrays of strings and numbers (a snapshot's list, say) come through here element by
    // element: written directly, they need no encoder and no coding path each.
    try JSONValueEncoder.write(value, to: output, at: position(count - 1))
  }

  private mutating func integer(_ value: some BinaryInteger) throws {
    try begin()
    try output.writeValue { JSONOutput.appendInteger(value, to: &$0) }
  }

  private mutating func float(_ value: some BinaryFloatingPoint & LosslessStringConvertible) throws {
    try begin()
    let element = position(count - 1)
    try output.writeValue {
      try JSONOutput.appendFloatingPoint(value, at: output.codingPath(to: element), to: &$0)
    }
  }

  mutating func nestedContainer<NestedKey: CodingKey>(
    keyedBy keyType: NestedKey.Type
  ) -> KeyedEncodingContainer<NestedKey> {
    let id =
      (try? begin()) == nil
      ? JSONOutput.closedContainer : output.open(object: true, at: IndexKey(count - 1))
    return KeyedEncodingContainer(
      JSONKeyedEncodingContainer<NestedKey>(output: output, id: id, depth: depth + 1))
  }

  mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
    let id =
      (try? begin()) == nil
      ? JSONOutput.closedContainer : output.open(object: false, at: IndexKey(count - 1))
    return JSONUnkeyedEncodingContainer(output: output, id: id, depth: depth + 1)
  }

  mutating func superEncoder() -> any Encoder {
    output.markUnsupported()
    return JSONValueEncoder(output: output, position: JSONPosition(depth: depth, key: nil))
  }
}

/// The single-value container of ``FastJSONEncoder``: the value of its encoder's position.
struct JSONSingleValueEncodingContainer: SingleValueEncodingContainer {
  let encoder: JSONValueEncoder
  var codingPath: [any CodingKey] { encoder.codingPath }

  private func raw(_ text: String) throws {
    try encoder.output.writeValue { $0.append(contentsOf: text.utf8) }
  }

  mutating func encodeNil() throws { try raw("null") }
  mutating func encode(_ value: Bool) throws { try raw(value ? "true" : "false") }
  mutating func encode(_ value: String) throws {
    try encoder.output.writeValue { JSONOutput.appendString(value, to: &$0) }
  }
  mutating func encode(_ value: Double) throws { try float(value) }
  mutating func encode(_ value: Float) throws { try float(value) }
  mutating func encode(_ value: Int) throws { try integer(value) }
  mutating func encode(_ value: Int8) throws { try integer(value) }
  mutating func encode(_ value: Int16) throws { try integer(value) }
  mutating func encode(_ value: Int32) throws { try integer(value) }
  mutating func encode(_ value: Int64) throws { try integer(value) }
  mutating func encode(_ value: UInt) throws { try integer(value) }
  mutating func encode(_ value: UInt8) throws { try integer(value) }
  mutating func encode(_ value: UInt16) throws { try integer(value) }
  mutating func encode(_ value: UInt32) throws { try integer(value) }
  mutating func encode(_ value: UInt64) throws { try integer(value) }

  mutating func encode<T: Encodable>(_ value: T) throws {
    try JSONValueEncoder.write(value, to: encoder.output, at: encoder.position)
  }

  private func integer(_ value: some BinaryInteger) throws {
    try encoder.output.writeValue { JSONOutput.appendInteger(value, to: &$0) }
  }

  private func float(_ value: some BinaryFloatingPoint & LosslessStringConvertible) throws {
    try encoder.output.writeValue {
      try JSONOutput.appendFloatingPoint(value, at: codingPath, to: &$0)
    }
  }
}

/// The coding key of an array element, for coding paths in errors.
struct IndexKey: CodingKey {
  let intValue: Int?
  var stringValue: String { "Index \(intValue ?? 0)" }

  init(_ index: Int) { intValue = index }
  init?(stringValue: String) { nil }
  init?(intValue: Int) { self.intValue = intValue }
}
