/// A scanned JSON document: its token table and its decoder's context (which holds the
/// bytes), read in place.
///
/// Three words with the index of a value (see ``JSONValueDecoder``), so that a decoder fits in
/// an existential's inline buffer and costs no allocation or reference counting. The pointers
/// are valid only while ``FastJSONDecoder`` decodes: decoders and containers must not be kept
/// beyond `init(from:)`, which no synthesized or ordinary `Decodable` conformance does.
struct JSONDocument {
  let tokens: UnsafePointer<JSONToken>
  /// Unowned and unretained: the decoder keeps the context alive while it decodes, and
  /// reference counting it would cost a little for every value.
  unowned(unsafe) let context: JSONDecodingContext

  /// The bytes of a scalar value.
  func bytes(of token: JSONToken) -> UnsafeBufferPointer<UInt8> {
    // The decoder sets the bytes before it makes a document.
    UnsafeBufferPointer(
      start: context.bytes.unsafelyUnwrapped + Int(token.start), count: Int(token.length))
  }

  /// The index of the value of `key` in the object at `index`, or `nil` when it is absent; the
  /// first one when a key is repeated.
  func valueIndex(forKey key: String, inObjectAt index: Int) -> Int? {
    var key = key
    return key.withUTF8 { wanted in
      var member = index + 1
      for _ in 0..<Int(tokens[index].length) {
        let keyToken = tokens[member]
        if keyToken.flags & JSONToken.hasEscapes == 0 {
          if Self.equal(bytes(of: keyToken), wanted) {
            return member + 1
          }
        } else if let decoded = try? unescapedString(keyToken), decoded.utf8.elementsEqual(wanted) {
          return member + 1
        }
        member = Int(tokens[member + 1].end)
      }
      return nil
    }
  }

  /// The keys of the object at `index` that `Key` knows, in document order.
  func keys<Key: CodingKey>(ofObjectAt index: Int, as type: Key.Type) -> [Key] {
    var keys: [Key] = []
    keys.reserveCapacity(Int(tokens[index].length))
    var member = index + 1
    for _ in 0..<Int(tokens[index].length) {
      if let text = try? string(tokens[member]), let key = Key(stringValue: text) {
        keys.append(key)
      }
      member = Int(tokens[member + 1].end)
    }
    return keys
  }

  /// The name of the member of the object at `index` when it has exactly one, written
  /// without escapes: the shape in which enumerations store their cases.
  func onlyMemberName(ofObjectAt index: Int) -> UnsafeBufferPointer<UInt8>? {
    guard tokens[index].length == 1 else { return nil }
    let key = tokens[index + 1]
    guard key.flags & JSONToken.hasEscapes == 0 else { return nil }
    return bytes(of: key)
  }

  /// Whether two byte ranges hold the same bytes; keys are short, so a plain loop suffices.
  static func equal(_ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>)
    -> Bool
  {
    guard left.count == right.count else { return false }
    for offset in 0..<left.count where left[offset] != right[offset] { return false }
    return true
  }

  // MARK: - Strings

  /// The text of a string token; the scanner has checked its UTF-8 and escapes.
  func string(_ token: JSONToken) throws -> String {
    if token.flags & JSONToken.hasEscapes == 0 {
      return String(decoding: bytes(of: token), as: UTF8.self)
    }
    return try unescapedString(token)
  }

  private func unescapedString(_ token: JSONToken) throws -> String {
    let source = bytes(of: token)
    var result: [UInt8] = []
    result.reserveCapacity(source.count)
    var offset = 0
    while offset < source.count {
      let byte = source[offset]
      guard byte == UInt8(ascii: "\\") else {
        result.append(byte)
        offset += 1
        continue
      }
      let escaped = source[offset + 1]
      offset += 2
      switch escaped {
      case UInt8(ascii: "b"): result.append(0x08)
      case UInt8(ascii: "f"): result.append(0x0C)
      case UInt8(ascii: "n"): result.append(0x0A)
      case UInt8(ascii: "r"): result.append(0x0D)
      case UInt8(ascii: "t"): result.append(0x09)
      case UInt8(ascii: "u"):
        var scalar = Self.codeUnit(source, at: offset)
        offset += 4
        if (0xD800..<0xDC00).contains(scalar) {
          // A high surrogate must be followed by an escaped low one.
          guard source.count - offset >= 6, source[offset] == UInt8(ascii: "\\"),
            source[offset + 1] == UInt8(ascii: "u")
          else { throw StringFault.unpairedSurrogate }
          let low = Self.codeUnit(source, at: offset + 2)
          guard (0xDC00..<0xE000).contains(low) else { throw StringFault.unpairedSurrogate }
          scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
          offset += 6
        }
        guard let unicode = Unicode.Scalar(scalar) else { throw StringFault.unpairedSurrogate }
        result.append(contentsOf: String(unicode).utf8)
      default: result.append(escaped)  // \" \\ \/
      }
    }
    return String(decoding: result, as: UTF8.self)
  }

  /// The four hexadecimal digits at `offset`, which the scanner checked.
  private static func codeUnit(_ source: UnsafeBufferPointer<UInt8>, at offset: Int) -> UInt32 {
    var value: UInt32 = 0
    for digit in source[offset..<offset + 4] {
      value = value << 4 | UInt32(digit.hexDigitValue ?? 0)
    }
    return value
  }

  /// Why an escaped string cannot be decoded.
  enum StringFault: Error, CustomStringConvertible {
    case unpairedSurrogate

    var description: String { "a \\u escape holds an unpaired UTF-16 surrogate" }
  }

  // MARK: - Coding paths

  /// The path from the document's root to the value at `target`, worked out only when an
  /// error or a `codingPath` asks for it, so that decoding never builds paths.
  func codingPath(to target: Int) -> [any CodingKey] {
    var path: [any CodingKey] = []
    var index = 0
    while index != target, index < target, target < Int(tokens[index].end) {
      let container = tokens[index]
      var child = index + 1
      if container.kind == .array {
        var position = 0
        while Int(tokens[child].end) <= target {
          child = Int(tokens[child].end)
          position += 1
        }
        path.append(JSONCodingKey(index: position))
        index = child
      } else {
        while Int(tokens[child + 1].end) <= target { child = Int(tokens[child + 1].end) }
        path.append(JSONCodingKey(stringValue: (try? string(tokens[child])) ?? ""))
        index = child + 1
      }
    }
    return path
  }
}

/// A coding key of a decoded document: an object's key or an array's index.
struct JSONCodingKey: CodingKey {
  let stringValue: String
  let intValue: Int?

  init(stringValue: String) {
    self.stringValue = stringValue
    intValue = nil
  }

  init(intValue: Int) {
    stringValue = "\(intValue)"
    self.intValue = intValue
  }

  /// The key of an array element, named as Foundation's `JSONDecoder` names it.
  init(index: Int) {
    stringValue = "Index \(index)"
    intValue = index
  }

  /// The key of `superDecoder()`.
  static let `super` = JSONCodingKey(stringValue: "super")
}
