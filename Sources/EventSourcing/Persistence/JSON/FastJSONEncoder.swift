import Foundation

/// Encodes `Encodable` values as JSON that Foundation's `JSONDecoder` and ``FastJSONDecoder``
/// read as `JSONEncoder`'s, several times faster than `JSONEncoder`.
///
/// It writes bytes in one pass as the conformance hands values over, without building a tree
/// of the document first (see ``JSONOutput``). The strategies are `JSONEncoder`'s defaults:
/// dates as seconds since the reference date, `Data` as Base64, URLs as their absolute string,
/// keys as the conformance names them. A conformance that writes in an order one pass cannot
/// follow, such as one that uses `superEncoder`, is encoded by `JSONEncoder` instead, so the
/// result is always what `JSONEncoder` would mean.
///
/// Differences in the bytes, not the meaning: `/` is not escaped, keys keep the order they
/// were written in, and a key written twice in one container appears twice.
struct FastJSONEncoder {
  /// Encodes `value` as a JSON document.
  ///
  /// - Throws: `EncodingError.invalidValue` for a value JSON cannot hold, such as NaN, and
  ///   what the value's conformance throws.
  func encode<T: Encodable>(_ value: T) throws -> Data {
    try document(fallback: value) { try JSONValueEncoder.write(value, to: $0, at: .root) }
  }

  /// Writes one document with `write`, or encodes `fallback` with `JSONEncoder` when the
  /// document's conformances write in an order one pass cannot follow.
  private func document(
    fallback: @autoclosure () -> some Encodable, writing write: (JSONOutput) throws -> Void
  ) throws -> Data {
    let output = JSONOutput()
    do {
      try write(output)
    } catch is JSONOutputUnsupported {
      return try JSONEncoder().encode(fallback())
    }
    output.close(downTo: 0)
    guard !output.isUnsupported else { return try JSONEncoder().encode(fallback()) }
    return Data(output.bytes)
  }
}

/// The `Encoder` for one position of a document: the root, a member or an element.
struct JSONValueEncoder: Encoder {
  let output: JSONOutput
  let position: JSONPosition
  var codingPath: [any CodingKey] { output.codingPath(to: position) }
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  /// Writes `value` at `position`, the position of `output` that awaits one. Strings,
  /// `UUID`s, integers and Booleans are written directly (see
  /// ``JSONOutput/writePrimitive(_:)``); only other values get an encoder.
  static func write<T: Encodable>(
    _ value: T, to output: JSONOutput, at position: JSONPosition
  ) throws {
    guard try !output.writePrimitive(value) else { return }
    try JSONValueEncoder(output: output, position: position).encodeComposite(value)
  }

  /// Writes a value that is not a primitive at this position, which must await one; special
  /// types are written as `JSONEncoder` writes them with its default strategies.
  private func encodeComposite<T: Encodable>(_ value: T) throws {
    // Comparing types first keeps the dynamic casts off the path of every other value.
    if T.self == Date.self, let date = value as? Date {
      try output.writeValue { bytes in
        try JSONOutput.appendFloatingPoint(
          date.timeIntervalSinceReferenceDate, at: codingPath, to: &bytes)
      }
    } else if T.self == Data.self, let data = value as? Data {
      try output.writeValue { JSONOutput.appendString(data.base64EncodedString(), to: &$0) }
    } else if T.self == URL.self, let url = value as? URL {
      try output.writeValue { JSONOutput.appendString(url.absoluteString, to: &$0) }
    } else if T.self == Decimal.self, let decimal = value as? Decimal {
      try output.writeValue { $0.append(contentsOf: decimal.description.utf8) }
    } else if T.self == [String].self {
      // Arrays of strings, numbers and UUIDs (a dog's tricks) fill snapshots: written in one
      // go, not element by element through an unkeyed container, as the decoder reads them.
      // Reinterpreted, not cast: the types are equal, and a cast of an array costs more.
      try writeArray(unsafeBitCast(value, to: [String].self)) {
        JSONOutput.appendString($0, to: &$1)
      }
    } else if T.self == [Int].self {
      try writeArray(unsafeBitCast(value, to: [Int].self)) { JSONOutput.appendInteger($0, to: &$1) }
    } else if T.self == [UUID].self {
      try writeArray(unsafeBitCast(value, to: [UUID].self)) {
        JSONOutput.appendString($0.uuidString, to: &$1)
      }
    } else {
      let depth = output.depth
      try value.encode(to: self)
      output.close(downTo: depth)
      output.fillEmptyValue()
    }
  }

  /// Writes `elements` as an array at this position, each with `write`, as an unkeyed
  /// container would write them.
  private func writeArray<Element>(
    _ elements: [Element], _ write: (Element, inout [UInt8]) -> Void
  ) throws {
    try output.writeValue { bytes in
      bytes.append(UInt8(ascii: "["))
      for (index, element) in elements.enumerated() {
        if index > 0 { bytes.append(UInt8(ascii: ",")) }
        write(element, &bytes)
      }
      bytes.append(UInt8(ascii: "]"))
    }
  }

  func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
    KeyedEncodingContainer(
      JSONKeyedEncodingContainer(
        output: output, id: output.open(object: true, at: position.key),
        depth: position.depth + 1))
  }

  func unkeyedContainer() -> any UnkeyedEncodingContainer {
    JSONUnkeyedEncodingContainer(
      output: output, id: output.open(object: false, at: position.key),
      depth: position.depth + 1)
  }

  func singleValueContainer() -> any SingleValueEncodingContainer {
    JSONSingleValueEncodingContainer(encoder: self)
  }
}

extension FastJSONEncoder {
  /// Encodes one object whose members `write` writes in order, without a keyed container.
  ///
  /// For the library's own wrapper of every event saved: a keyed container of a generic type
  /// costs two lookups of generic metadata and an allocation, once for every event. When a
  /// member's conformance writes in an order one pass cannot follow, `fallback` is encoded by
  /// `JSONEncoder` instead, as ``encode(_:)`` does.
  ///
  /// - Parameters:
  ///   - fallback: The same value as a whole, for `JSONEncoder`.
  ///   - write: Writes the members, each with ``JSONObjectWriter/member(_:_:)``.
  func encodeObject(
    fallback: @autoclosure () -> some Encodable, members write: (JSONObjectWriter) throws -> Void
  ) throws -> Data {
    try document(fallback: fallback()) { output in
      try write(JSONObjectWriter(output: output, id: output.open(object: true, at: nil)))
    }
  }
}

/// Writes the members of one object for ``FastJSONEncoder/encodeObject(fallback:members:)``.
struct JSONObjectWriter {
  let output: JSONOutput
  /// The object's ID in the output: the document's root.
  let id: Int

  /// Writes the member `key` with `value`, as a keyed container's `encode(_:forKey:)` would.
  func member<T: Encodable>(_ key: String, _ value: T) throws {
    try output.beginEntry(in: id, key: key)
    try JSONValueEncoder.write(
      value, to: output, at: JSONPosition(depth: 1, key: JSONCodingKey(stringValue: key)))
  }
}
