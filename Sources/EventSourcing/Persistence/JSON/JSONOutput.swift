import Foundation

/// The bytes of a JSON document being written by ``FastJSONEncoder``, and its open containers.
///
/// Values are written in the order `Encodable` conformances hand them over. That works as long
/// as a conformance finishes a nested container before it writes to an outer one again, which
/// every synthesized conformance does. Anything else (writing to a container after one of its
/// siblings was opened, `superEncoder`, two values for one position) marks the output as
/// ``isUnsupported``, and the encoder starts over with Foundation's `JSONEncoder`.
final class JSONOutput {
  /// An open object or array.
  private struct Frame {
    let id: Int
    let isObject: Bool
    /// The key or index of the position it was opened at; `nil` at the root.
    let key: (any CodingKey)?
    var count = 0
  }

  // The state is marked `@exclusivity(unchecked)`: without it, every access to a stored
  // property of a class is checked at run time, which took about 8 % of encoding. It is safe
  // because an output belongs to one `encode` call on one thread and is never shared, and the
  // only access that spans a call, `writeValue`'s `inout` bytes, goes to closures of this
  // module that write to the bytes they are given and never touch the output itself.

  /// The document so far.
  @exclusivity(unchecked) private(set) var bytes: [UInt8] = []
  @exclusivity(unchecked) private var frames: [Frame] = []
  @exclusivity(unchecked) private var nextID = 1
  /// Whether a position (the root, a member after its key, an array element) awaits its value.
  @exclusivity(unchecked) private(set) var isExpectingValue = true
  /// Whether a conformance used the encoder in an order it cannot write in one pass.
  @exclusivity(unchecked) private(set) var isUnsupported = false

  /// The ID of a container that no longer accepts anything.
  static let closedContainer = 0

  init() {
    bytes.reserveCapacity(128)
  }

  /// How many containers are open.
  var depth: Int { frames.count }

  /// Gives up on one pass: the encoder will use `JSONEncoder`.
  func markUnsupported() {
    isUnsupported = true
  }

  /// Opens an object or array at the awaiting position, whose key or index is `key`, and
  /// returns its ID.
  func open(object: Bool, at key: (any CodingKey)?) -> Int {
    guard isExpectingValue else {
      markUnsupported()
      return Self.closedContainer
    }
    bytes.append(object ? UInt8(ascii: "{") : UInt8(ascii: "["))
    let id = nextID
    nextID += 1
    frames.append(Frame(id: id, isObject: object, key: key))
    isExpectingValue = false
    return id
  }

  /// The coding path of `position`: the keys of the open containers around it, then its own.
  /// Worked out from the containers open now, which enclose every position still written to.
  func codingPath(to position: JSONPosition) -> [any CodingKey] {
    var path: [any CodingKey] = []
    for frame in frames.prefix(position.depth) {
      if let key = frame.key { path.append(key) }
    }
    if let key = position.key { path.append(key) }
    return path
  }

  /// Closes the containers above `depth`: the nested ones a finished value left open.
  func close(downTo depth: Int) {
    while frames.count > depth, let frame = frames.popLast() {
      bytes.append(frame.isObject ? UInt8(ascii: "}") : UInt8(ascii: "]"))
    }
  }

  /// Makes the container `id` the innermost open one, closing finished nested containers, and
  /// starts its next member with `key` (objects) or its next element (arrays).
  ///
  /// - Throws: ``JSONOutputUnsupported`` when the container was closed or is not writable now.
  func beginEntry(in id: Int, key: String?) throws {
    guard !isExpectingValue, let index = frames.lastIndex(where: { $0.id == id }) else {
      markUnsupported()
      throw JSONOutputUnsupported()
    }
    close(downTo: index + 1)
    if frames[index].count > 0 { bytes.append(UInt8(ascii: ",")) }
    frames[index].count += 1
    if let key {
      writeString(key)
      bytes.append(UInt8(ascii: ":"))
    }
    isExpectingValue = true
  }

  /// Ends the awaiting position with a value written by `write`.
  ///
  /// - Throws: ``JSONOutputUnsupported`` when no position awaits a value.
  func writeValue(_ write: (inout [UInt8]) throws -> Void) throws {
    guard isExpectingValue else {
      markUnsupported()
      throw JSONOutputUnsupported()
    }
    try write(&bytes)
    isExpectingValue = false
  }

  /// Writes `value` at the awaiting position when it is a string, a `UUID`, an integer or a
  /// Boolean, as their conformances would through a single-value container, and returns
  /// whether it did; other values are left to their conformance.
  ///
  /// Generic containers hand these over one by one (every element of an array of strings, every
  /// `UUID` member), and encoding them directly skips making an encoder and a coding path for
  /// each. The type is compared first, so other values pay one comparison per check.
  func writePrimitive<T: Encodable>(_ value: T) throws -> Bool {
    if T.self == String.self, let string = value as? String {
      try writeValue { Self.appendString(string, to: &$0) }
    } else if T.self == UUID.self, let uuid = value as? UUID {
      // As UUID's own conformance writes it.
      try writeValue { Self.appendString(uuid.uuidString, to: &$0) }
    } else if T.self == Int.self, let integer = value as? Int {
      try writeValue { Self.appendInteger(integer, to: &$0) }
    } else if T.self == Bool.self, let bool = value as? Bool {
      try writeValue { $0.append(contentsOf: (bool ? "true" : "false").utf8) }
    } else {
      return false
    }
    return true
  }

  /// Ends the awaiting position with an empty object, as `JSONEncoder` writes a value that
  /// encoded nothing; does nothing when the position has its value.
  func fillEmptyValue() {
    guard isExpectingValue else { return }
    bytes.append(contentsOf: [UInt8(ascii: "{"), UInt8(ascii: "}")])
    isExpectingValue = false
  }

  /// Appends a string literal with the escapes JSON requires.
  func writeString(_ string: String) {
    Self.appendString(string, to: &bytes)
  }

  static func appendString(_ string: String, to bytes: inout [UInt8]) {
    bytes.append(UInt8(ascii: "\""))
    var string = string
    string.withUTF8 { utf8 in
      var runStart = 0
      for (index, byte) in utf8.enumerated()
      where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
        appendEscape(of: byte, to: &bytes)
        runStart = index + 1
      }
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
    }
    bytes.append(UInt8(ascii: "\""))
  }

  private static func appendEscape(of byte: UInt8, to bytes: inout [UInt8]) {
    bytes.append(UInt8(ascii: "\\"))
    switch byte {
    case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
    case 0x0A: bytes.append(UInt8(ascii: "n"))
    case 0x0D: bytes.append(UInt8(ascii: "r"))
    case 0x09: bytes.append(UInt8(ascii: "t"))
    case 0x08: bytes.append(UInt8(ascii: "b"))
    case 0x0C: bytes.append(UInt8(ascii: "f"))
    default:
      bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
      bytes.append(UInt8(hexDigit: byte >> 4))
      bytes.append(UInt8(hexDigit: byte & 0x0F))
    }
  }

  /// Appends an integer in decimal.
  static func appendInteger(_ value: some BinaryInteger, to bytes: inout [UInt8]) {
    if value < 0 { bytes.append(UInt8(ascii: "-")) }
    // Every integer type that containers are given directly fits in 64 bits.
    var magnitude = UInt64(truncatingIfNeeded: value.magnitude)
    guard magnitude >= 10 else {
      bytes.append(UInt8(ascii: "0") + UInt8(magnitude))
      return
    }
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
      var start = digits.count
      while magnitude > 0 {
        start -= 1
        digits[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
        magnitude /= 10
      }
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start...]))
    }
  }

  /// Appends a floating-point number as its shortest round-tripping form, as `JSONEncoder` does.
  ///
  /// - Parameter path: The value's coding path, worked out only for the error.
  /// - Throws: `EncodingError.invalidValue` for infinities and NaN, which JSON cannot hold.
  static func appendFloatingPoint(
    _ value: some BinaryFloatingPoint & LosslessStringConvertible,
    at path: @autoclosure () -> [any CodingKey], to bytes: inout [UInt8]
  ) throws {
    guard value.isFinite else {
      throw EncodingError.invalidValue(
        value, EncodingError.Context(
          codingPath: path(), debugDescription: "Unable to encode \(value) directly in JSON."))
    }
    // As JSONEncoder writes them: "1" and "-0", not "1.0" and "-0.0".
    let text = value.description
    bytes.append(contentsOf: (text.hasSuffix(".0") ? text.dropLast(2) : Substring(text)).utf8)
  }
}

/// Thrown inside ``FastJSONEncoder`` when a conformance uses the encoder in an order it cannot
/// write in one pass; the encoder then uses `JSONEncoder`.
struct JSONOutputUnsupported: Error {}
