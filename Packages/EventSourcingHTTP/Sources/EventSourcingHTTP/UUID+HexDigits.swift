public import Foundation

extension UUID {
  /// The UUID as 32 lowercase hex digits without dashes, as Python's `UUID.hex` writes it.
  public var hexDigits: String {
    uuidString.lowercased().replacingOccurrences(of: "-", with: "")
  }

  /// Reads a UUID from 32 hex digits, or from the usual dashed form.
  ///
  /// Returns `nil` for anything else, such as a string of another length or with other
  /// characters; the length is checked first, so a long string costs nothing.
  public init?(hexDigits string: String) {
    if string.utf8.count == 36 {
      self.init(uuidString: string)
      return
    }
    guard string.utf8.count == 32, string.utf8.allSatisfy(\.isHexDigit) else { return nil }
    let digits = Array(string)
    let groups = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(digits[$0]) }
    self.init(uuidString: groups.joined(separator: "-"))
  }
}

extension UInt8 {
  fileprivate var isHexDigit: Bool {
    (0x30...0x39).contains(self) || (0x41...0x46).contains(self) || (0x61...0x66).contains(self)
  }
}
