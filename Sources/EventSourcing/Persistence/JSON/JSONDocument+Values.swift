import Foundation

extension JSONDocument {
  /// Decodes the value at `index`, reading the types that Foundation's `JSONEncoder` writes in
  /// its own way (with its default strategies) as it does.
  func decode<T: Decodable>(_ type: T.Type, at index: Int) throws -> T {
    if T.self == Date.self {
      // `.deferredToDate`: seconds since the reference date.
      return try cast(Date(timeIntervalSinceReferenceDate: decodeDouble(at: index)), at: index)
    }
    if T.self == Data.self {
      // `.base64`.
      guard let data = Data(base64Encoded: try decodeString(at: index)) else {
        throw corrupted("Encountered Data is not valid Base64.", at: index)
      }
      return try cast(data, at: index)
    }
    if T.self == URL.self {
      guard let url = URL(string: try decodeString(at: index)) else {
        throw corrupted("Invalid URL string.", at: index)
      }
      return try cast(url, at: index)
    }
    if T.self == Decimal.self {
      let token = tokens[index]
      guard token.kind == .number,
        let decimal = Decimal(string: String(decoding: bytes(of: token), as: UTF8.self))
      else { throw mismatch(Decimal.self, at: index) }
      return try cast(decimal, at: index)
    }
    if T.self == UUID.self {
      guard let uuid = UUID(uuidString: try decodeString(at: index)) else {
        throw corrupted("Attempted to decode UUID from invalid UUID string.", at: index)
      }
      return try cast(uuid, at: index)
    }
    // Arrays of strings and numbers are common in aggregate states (a dog's tricks) and so in
    // snapshots: read them without an unkeyed container and a decoder per element.
    if T.self == [String].self {
      return try cast(decodeArray(at: index) { try decodeString(at: $0) }, at: index)
    }
    if T.self == [Int].self {
      return try cast(decodeArray(at: index) { try decodeInteger(Int.self, at: $0) }, at: index)
    }
    if T.self == [Double].self {
      return try cast(decodeArray(at: index) { try decodeDouble(at: $0) }, at: index)
    }
    if T.self == [UUID].self {
      return try cast(decodeArray(at: index) { try decode(UUID.self, at: $0) }, at: index)
    }
    return try T(from: JSONValueDecoder(document: self, index: index))
  }

  /// Decodes the array at `index`, reading each element with `element`.
  private func decodeArray<Element>(
    at index: Int, _ element: (Int) throws -> Element
  ) throws -> [Element] {
    let token = tokens[index]
    guard token.kind == .array else { throw mismatch([Any].self, at: index) }
    var elements: [Element] = []
    elements.reserveCapacity(Int(token.length))
    var position = index + 1
    for _ in 0..<Int(token.length) {
      elements.append(try element(position))
      position = Int(tokens[position].end)
    }
    return elements
  }

  /// Returns `value` as `T`, which callers have checked is its type: a reinterpretation, not
  /// a dynamic cast, which would cost more than decoding a date.
  private func cast<Value, T>(_ value: Value, at index: Int) throws -> T {
    guard Value.self == T.self else { throw mismatch(T.self, at: index) }
    return unsafeBitCast(value, to: T.self)
  }

  func decodeNil(at index: Int) -> Bool {
    tokens[index].kind == .null
  }

  func decodeBool(at index: Int) throws -> Bool {
    switch tokens[index].kind {
    case .true: true
    case .false: false
    default: throw mismatch(Bool.self, at: index)
    }
  }

  func decodeString(at index: Int) throws -> String {
    let token = tokens[index]
    guard token.kind == .string else { throw mismatch(String.self, at: index) }
    do {
      return try string(token)
    } catch {
      throw corrupted("The string is not valid: \(error).", at: index)
    }
  }

  func decodeDouble(at index: Int) throws -> Double {
    let token = tokens[index]
    guard token.kind == .number else { throw mismatch(Double.self, at: index) }
    let text = bytes(of: token)
    let value = Self.double(from: text)
    // Like JSONDecoder, refuse numbers beyond Double's range either way: an overflow would
    // read as infinity and an underflow as zero, neither of which was written.
    guard value.isFinite, value != 0 || !Self.hasNonZeroSignificand(text) else {
      throw notRepresentable(Double.self, at: index)
    }
    return value
  }

  func decodeFloat(at index: Int) throws -> Float {
    let token = tokens[index]
    guard token.kind == .number else { throw mismatch(Float.self, at: index) }
    // Parsed directly, not through Double, so that it is rounded once.
    let text = bytes(of: token)
    guard let value = Float(String(decoding: text, as: UTF8.self)), value.isFinite,
      value != 0 || !Self.hasNonZeroSignificand(text)
    else { throw notRepresentable(Float.self, at: index) }
    return value
  }

  /// Whether a number's digits before its exponent include one that is not zero: then a
  /// parsed zero means the number underflowed.
  static func hasNonZeroSignificand(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
    for byte in text {
      if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") { return false }
      if byte >= UInt8(ascii: "1") && byte <= UInt8(ascii: "9") { return true }
    }
    return false
  }

  func decodeInteger<T: FixedWidthInteger>(_ type: T.Type, at index: Int) throws -> T {
    let token = tokens[index]
    guard token.kind == .number else { throw mismatch(T.self, at: index) }
    let text = bytes(of: token)
    guard token.flags & JSONToken.isInteger != 0 else {
      // Written with a fraction or exponent: accepted when it is exactly a whole number, like
      // 1e3 or 9007199254740993.0, read digit by digit; going through Double would round
      // integers above 2^53.
      guard let value = JSONExactInteger.value(of: text, as: T.self) else {
        throw notRepresentable(T.self, at: index)
      }
      return value
    }
    let isNegative = text[0] == UInt8(ascii: "-")
    var magnitude: UInt64 = 0
    for digit in text[(isNegative ? 1 : 0)...] {
      let (tens, overflowed) = magnitude.multipliedReportingOverflow(by: 10)
      let (sum, carried) = tens.addingReportingOverflow(UInt64(digit - UInt8(ascii: "0")))
      guard !overflowed, !carried else { throw notRepresentable(T.self, at: index) }
      magnitude = sum
    }
    let value: T?
    if isNegative {
      value = magnitude <= UInt64(1) << 63 ? T(exactly: Int64(bitPattern: 0 &- magnitude)) : nil
    } else {
      value = T(exactly: magnitude)
    }
    guard let value else { throw notRepresentable(T.self, at: index) }
    return value
  }

  // MARK: - Numbers

  /// Exact powers of ten: every one up to 10^22 is a Double.
  private static let powersOfTen: [Double] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
    1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
  ]

  /// The Double nearest to a JSON number the scanner checked: infinite when it is too large.
  ///
  /// When the digits form an integer of at most 2^53 and the decimal exponent is at most 22
  /// either way, both are exact Doubles and one multiplication or division rounds correctly
  /// (Clinger's fast path). That covers the timestamps and most numbers `JSONEncoder` writes;
  /// the rest go through the standard library's correctly rounded parser.
  static func double(from text: UnsafeBufferPointer<UInt8>) -> Double {
    if let value = fastDouble(from: text) { return value }
    return Double(String(decoding: text, as: UTF8.self)) ?? .nan
  }

  private static func fastDouble(from text: UnsafeBufferPointer<UInt8>) -> Double? {
    var offset = 0
    let isNegative = text[0] == UInt8(ascii: "-")
    if isNegative { offset = 1 }
    var mantissa: UInt64 = 0
    var significantDigits = 0
    var exponent = 0
    var inFraction = false
    while offset < text.count {
      let byte = text[offset]
      if byte == UInt8(ascii: ".") {
        inFraction = true
      } else if byte &- UInt8(ascii: "0") < 10 {
        if mantissa != 0 || byte != UInt8(ascii: "0") {
          guard significantDigits < 19 else { return nil }
          mantissa = mantissa * 10 + UInt64(byte - UInt8(ascii: "0"))
          significantDigits += 1
        }
        if inFraction { exponent -= 1 }
      } else {
        break
      }
      offset += 1
    }
    if offset < text.count {  // an exponent
      offset += 1
      var isNegativeExponent = false
      if text[offset] == UInt8(ascii: "-") || text[offset] == UInt8(ascii: "+") {
        isNegativeExponent = text[offset] == UInt8(ascii: "-")
        offset += 1
      }
      var written = 0
      while offset < text.count {
        written = written * 10 + Int(text[offset] - UInt8(ascii: "0"))
        guard written < 10_000 else { return nil }
        offset += 1
      }
      exponent += isNegativeExponent ? -written : written
    }
    if mantissa == 0 { return isNegative ? -0.0 : 0.0 }
    guard mantissa <= UInt64(1) << 53, (-22...22).contains(exponent) else { return nil }
    var value = Double(mantissa)
    value = exponent < 0 ? value / powersOfTen[-exponent] : value * powersOfTen[exponent]
    return isNegative ? -value : value
  }

  // MARK: - Errors

  /// The error for a value of another kind than the one asked for.
  func mismatch(_ type: Any.Type, at index: Int) -> DecodingError {
    let kind = tokens[index].kind
    let context = DecodingError.Context(
      codingPath: codingPath(to: index),
      debugDescription: kind == .null
        ? "Cannot get value of type \(type) -- found null value instead"
        : "Expected to decode \(type) but found \(kind) instead.")
    return kind == .null
      ? DecodingError.valueNotFound(type, context) : DecodingError.typeMismatch(type, context)
  }

  func corrupted(_ description: String, at index: Int) -> DecodingError {
    DecodingError.dataCorrupted(
      DecodingError.Context(codingPath: codingPath(to: index), debugDescription: description))
  }

  private func notRepresentable(_ type: Any.Type, at index: Int) -> DecodingError {
    let text = String(decoding: bytes(of: tokens[index]), as: UTF8.self)
    return corrupted("Number <\(text)> does not fit in \(type).", at: index)
  }
}
