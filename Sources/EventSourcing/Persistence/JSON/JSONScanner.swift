/// Reads JSON text into a table of ``JSONToken``s in one pass, checking its syntax.
///
/// The scanner checks everything a decoder later relies on: brackets match, strings hold valid
/// UTF-8 and escapes, numbers follow JSON's grammar. So decoding can index bytes and tokens
/// without checks of its own. It does not recurse: an open container keeps the index of the
/// container around it in its `end` field until it closes, so deep nesting needs no stack.
struct JSONScanner {
  /// How deeply arrays and objects may nest, as with Foundation's `JSONDecoder`.
  static let maximumDepth = 512

  private let bytes: UnsafeBufferPointer<UInt8>
  private var position = 0

  /// Scans one JSON value, with optional whitespace around it, appending its tokens.
  ///
  /// - Throws: `DecodingError.dataCorrupted` naming the byte offset of the first fault.
  static func scan(_ bytes: UnsafeBufferPointer<UInt8>, into tokens: inout [JSONToken]) throws {
    var scanner = JSONScanner(bytes: bytes)
    try scanner.scanDocument(into: &tokens)
  }

  private init(bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
  }

  private mutating func scanDocument(into tokens: inout [JSONToken]) throws {
    guard bytes.count < Int(Int32.max) else { throw fault("the data is too large") }
    var open = -1  // the innermost container not yet closed
    var depth = 0
    skipWhitespace()
    while true {
      // A value starts here.
      guard position < bytes.count else { throw fault("unexpected end of data") }
      let byte = bytes[position]
      switch byte {
      case UInt8(ascii: "\""):
        try scanString(into: &tokens)
      case UInt8(ascii: "{"), UInt8(ascii: "["):
        depth += 1
        guard depth <= Self.maximumDepth else { throw fault("too deeply nested") }
        let isObject = byte == UInt8(ascii: "{")
        tokens.append(
          JSONToken(
            kind: isObject ? .object : .array, flags: 0, start: Int32(position), length: 0,
            end: Int32(open)))
        position += 1
        skipWhitespace()
        if position < bytes.count,
          bytes[position] == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]"))
        {
          position += 1
          tokens[tokens.count - 1].end = Int32(tokens.count)
          depth -= 1
        } else {
          open = tokens.count - 1
          if isObject { try scanKey(into: &tokens) }
          continue
        }
      case UInt8(ascii: "t"): try scanLiteral("true", kind: .true, into: &tokens)
      case UInt8(ascii: "f"): try scanLiteral("false", kind: .false, into: &tokens)
      case UInt8(ascii: "n"): try scanLiteral("null", kind: .null, into: &tokens)
      case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
        try scanNumber(into: &tokens)
      default:
        throw fault("unexpected character")
      }
      // A value ended: move on to the next element, or close containers.
      elements: while true {
        guard open >= 0 else {
          skipWhitespace()
          guard position == bytes.count else { throw fault("unexpected character after the value") }
          return
        }
        tokens[open].length += 1
        skipWhitespace()
        guard position < bytes.count else { throw fault("unexpected end of data") }
        let isObject = tokens[open].kind == .object
        switch bytes[position] {
        case UInt8(ascii: ","):
          position += 1
          skipWhitespace()
          if isObject { try scanKey(into: &tokens) }
          break elements
        case isObject ? UInt8(ascii: "}") : UInt8(ascii: "]"):
          position += 1
          let enclosing = Int(tokens[open].end)
          tokens[open].end = Int32(tokens.count)
          open = enclosing
          depth -= 1
        default:
          throw fault(isObject ? "expected ',' or '}'" : "expected ',' or ']'")
        }
      }
    }
  }

  private mutating func skipWhitespace() {
    while position < bytes.count {
      switch bytes[position] {
      case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"):
        position += 1
      default:
        return
      }
    }
  }

  private mutating func scanKey(into tokens: inout [JSONToken]) throws {
    guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
      throw fault("expected a key in quotes")
    }
    try scanString(into: &tokens)
    skipWhitespace()
    guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else {
      throw fault("expected ':' after a key")
    }
    position += 1
    skipWhitespace()
  }

  private mutating func scanLiteral(
    _ literal: StaticString, kind: JSONToken.Kind, into tokens: inout [JSONToken]
  ) throws {
    let count = literal.utf8CodeUnitCount
    guard bytes.count - position >= count else { throw fault("unexpected end of data") }
    for offset in 0..<count where bytes[position + offset] != literal.utf8Start[offset] {
      throw fault("unexpected character")
    }
    tokens.append(
      JSONToken(
        kind: kind, flags: 0, start: Int32(position), length: Int32(count),
        end: Int32(tokens.count + 1)))
    position += count
  }

  private mutating func scanNumber(into tokens: inout [JSONToken]) throws {
    let start = position
    var flags = JSONToken.isInteger
    if bytes[position] == UInt8(ascii: "-") { position += 1 }
    guard position < bytes.count, isDigit(position) else { throw fault("invalid number") }
    if bytes[position] == UInt8(ascii: "0") {
      position += 1
    } else {
      skipDigits()
    }
    if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
      flags = 0
      position += 1
      guard position < bytes.count, isDigit(position) else { throw fault("invalid number") }
      skipDigits()
    }
    if position < bytes.count, bytes[position] | 0x20 == UInt8(ascii: "e") {
      flags = 0
      position += 1
      if position < bytes.count,
        bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-")
      {
        position += 1
      }
      guard position < bytes.count, isDigit(position) else { throw fault("invalid number") }
      skipDigits()
    }
    tokens.append(
      JSONToken(
        kind: .number, flags: flags, start: Int32(start), length: Int32(position - start),
        end: Int32(tokens.count + 1)))
  }

  private func isDigit(_ offset: Int) -> Bool {
    bytes[offset] &- UInt8(ascii: "0") < 10
  }

  private mutating func skipDigits() {
    while position < bytes.count, isDigit(position) { position += 1 }
  }

  private mutating func scanString(into tokens: inout [JSONToken]) throws {
    position += 1
    let start = position
    var flags: UInt8 = 0
    while true {
      // Plain ASCII runs, the bulk of most strings, are skipped eight bytes at a time, then
      // byte by byte, in tight loops on a local copy of the position, which the compiler
      // keeps in a register.
      var offset = position
      let raw = UnsafeRawBufferPointer(bytes)
      while offset + 8 <= raw.count,
        !Self.endsPlainRun(raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
      {
        offset += 8
      }
      while offset < bytes.count {
        let byte = bytes[offset]
        guard byte >= 0x20, byte < 0x80, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\")
        else { break }
        offset += 1
      }
      position = offset
      guard position < bytes.count else { throw fault("unterminated string") }
      let byte = bytes[position]
      if byte == UInt8(ascii: "\"") { break }
      if byte == UInt8(ascii: "\\") {
        flags = JSONToken.hasEscapes
        try skipEscape()
      } else if byte < 0x20 {
        throw fault("unescaped control character in a string")
      } else {
        position += try utf8SequenceLength()
      }
    }
    tokens.append(
      JSONToken(
        kind: .string, flags: flags, start: Int32(start), length: Int32(position - start),
        end: Int32(tokens.count + 1)))
    position += 1
  }

  /// Whether any of the eight bytes in `word` ends a run of plain ASCII in a string: a
  /// quotation mark, a backslash, a control character or a byte of a multi-byte character.
  ///
  /// `(v - 0x01…01) & ~v & 0x80…80` is nonzero exactly when some byte of `v` is zero, and
  /// `(v - 0x20…20) & ~v & 0x80…80` when some byte is below 0x20 (the classic tests from
  /// "Bit Twiddling Hacks"); a byte equal to `c` is a zero byte of `v ^ c…c`. Only whether
  /// there is such a byte matters here, so the order of the bytes in the word does not.
  private static func endsPlainRun(_ word: UInt64) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let quote = word ^ (ones &* UInt64(UInt8(ascii: "\"")))
    let backslash = word ^ (ones &* UInt64(UInt8(ascii: "\\")))
    // One mask without branches: the high bit of a byte is set where the byte is not ASCII,
    // and the three tests set the high bit of some byte when they find one.
    let found =
      word | (word &- ones &* 0x20) & ~word | (quote &- ones) & ~quote
      | (backslash &- ones) & ~backslash
    return found & 0x8080_8080_8080_8080 != 0
  }

  /// Checks the escape at the backslash at `position` and skips it; a surrogate must be one of
  /// a pair.
  private mutating func skipEscape() throws {
    guard position + 1 < bytes.count else { throw fault("unterminated string") }
    switch bytes[position + 1] {
    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
      UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
      position += 2
    case UInt8(ascii: "u"):
      let unit = try codeUnit()
      if (0xDC00..<0xE000).contains(unit) { throw fault("unpaired UTF-16 surrogate") }
      if (0xD800..<0xDC00).contains(unit) {
        // A high surrogate must be followed by an escaped low one.
        guard bytes.count - position >= 2, bytes[position] == UInt8(ascii: "\\"),
          bytes[position + 1] == UInt8(ascii: "u"), (0xDC00..<0xE000).contains(try codeUnit())
        else { throw fault("unpaired UTF-16 surrogate") }
      }
    default:
      throw fault("invalid escape")
    }
  }

  /// Reads the `\uXXXX` escape at `position` and moves past it.
  private mutating func codeUnit() throws -> UInt32 {
    guard bytes.count - position >= 6 else { throw fault("unterminated string") }
    var unit: UInt32 = 0
    for offset in 2..<6 {
      guard let digit = bytes[position + offset].hexDigitValue else {
        throw fault("invalid \\u escape")
      }
      unit = unit << 4 | UInt32(digit)
    }
    position += 6
    return unit
  }

  /// The length of the well-formed UTF-8 sequence at `position` (RFC 3629: no overlong forms,
  /// no surrogates, nothing above U+10FFFF).
  private func utf8SequenceLength() throws -> Int {
    let lead = bytes[position]
    let length: Int
    var secondRange: ClosedRange<UInt8> = 0x80...0xBF
    switch lead {
    case 0xC2...0xDF: length = 2
    case 0xE0:
      length = 3
      secondRange = 0xA0...0xBF
    case 0xE1...0xEC, 0xEE...0xEF: length = 3
    case 0xED:
      length = 3
      secondRange = 0x80...0x9F
    case 0xF0:
      length = 4
      secondRange = 0x90...0xBF
    case 0xF1...0xF3: length = 4
    case 0xF4:
      length = 4
      secondRange = 0x80...0x8F
    default: throw fault("invalid UTF-8")
    }
    guard bytes.count - position >= length, secondRange.contains(bytes[position + 1]) else {
      throw fault("invalid UTF-8")
    }
    for offset in 2..<length where bytes[position + offset] & 0xC0 != 0x80 {
      throw fault("invalid UTF-8")
    }
    return length
  }

  private func fault(_ what: String) -> DecodingError {
    DecodingError.dataCorrupted(
      DecodingError.Context(
        codingPath: [],
        debugDescription: "The given data was not valid JSON: \(what) at byte \(position)."))
  }
}
