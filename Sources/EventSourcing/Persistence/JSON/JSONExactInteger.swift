/// Reads a JSON number written with a fraction or an exponent, such as `1.5e3`, as an exact
/// integer, as `JSONDecoder` does: `9007199254740993.0` is 9007199254740993, and `1.5` or
/// `1e400` is no integer at all.
enum JSONExactInteger {
  /// The integer a number's text stands for, or nil when it is not a whole number or does not
  /// fit `T`. The text is a number the scanner checked: `-?digits(.digits)?([eE][+-]?digits)?`.
  static func value<T: FixedWidthInteger>(of text: UnsafeBufferPointer<UInt8>, as _: T.Type)
    -> T?
  {
    var index = 0
    let isNegative = text.first == UInt8(ascii: "-")
    if isNegative { index += 1 }
    // The significant digits, without leading zeros, and the power of ten they are scaled by.
    var digits: [UInt8] = []
    var scale = 0
    var isInFraction = false
    while index < text.count, text[index] != UInt8(ascii: "e"), text[index] != UInt8(ascii: "E") {
      let byte = text[index]
      index += 1
      if byte == UInt8(ascii: ".") {
        isInFraction = true
        continue
      }
      if isInFraction { scale -= 1 }
      if digits.isEmpty && byte == UInt8(ascii: "0") { continue }
      digits.append(byte - UInt8(ascii: "0"))
    }
    guard let exponent = Self.exponent(of: text, from: index) else {
      // An exponent too large to hold: zero stays zero, anything else is out of range.
      return digits.isEmpty ? 0 : nil
    }
    if digits.isEmpty { return 0 }
    // Trailing zeros only scale: 1500e-2 is 15.
    while let last = digits.last, last == 0 {
      digits.removeLast()
      scale += 1
    }
    let (power, overflowed) = scale.addingReportingOverflow(exponent)
    guard !overflowed, power >= 0, power <= 20 else { return nil }
    var magnitude: UInt64 = 0
    for digit in digits + Array(repeating: 0, count: power) {
      let (tens, carried) = magnitude.multipliedReportingOverflow(by: 10)
      let (sum, added) = tens.addingReportingOverflow(UInt64(digit))
      guard !carried, !added else { return nil }
      magnitude = sum
    }
    if isNegative {
      guard magnitude <= UInt64(1) << 63 else { return nil }
      return T(exactly: Int64(bitPattern: 0 &- magnitude))
    }
    return T(exactly: magnitude)
  }

  /// The exponent after `e` or `E` at `index`, 0 when there is none, nil when it does not
  /// fit an Int.
  private static func exponent(of text: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
    var index = start + 1
    guard start < text.count else { return 0 }
    var isNegative = false
    if index < text.count, text[index] == UInt8(ascii: "-") || text[index] == UInt8(ascii: "+") {
      isNegative = text[index] == UInt8(ascii: "-")
      index += 1
    }
    var value = 0
    while index < text.count {
      let (tens, carried) = value.multipliedReportingOverflow(by: 10)
      let (sum, added) = tens.addingReportingOverflow(Int(text[index] - UInt8(ascii: "0")))
      guard !carried, !added else { return nil }
      value = sum
      index += 1
    }
    return isNegative ? -value : value
  }
}
