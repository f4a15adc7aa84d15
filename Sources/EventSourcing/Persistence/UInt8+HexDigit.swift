extension UInt8 {
  /// The value of this byte as an ASCII hexadecimal digit, either case, or `nil` when it is
  /// not one: for reading UUIDs and JSON's `\u` escapes in place.
  var hexDigitValue: UInt8? {
    switch self {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): self - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): self - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): self - UInt8(ascii: "A") + 10
    default: nil
    }
  }

  /// The lowercase ASCII hexadecimal digit of a value from 0 to 15, for writing JSON's `\u`
  /// escapes.
  init(hexDigit value: UInt8) {
    self = value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + (value - 10)
  }
}
