import CSQLite
import Foundation

extension SQLiteStatement {
  /// The UUID in a text column of the current row, or nil when the text is not a UUID.
  func uuid(at column: Int32) -> UUID? {
    guard let text = columnText(at: column) else { return nil }
    return UUID(text: text, count: columnByteCount(at: column))
  }
}

extension UUID {
  /// Parses the 36-character text form of a UUID in place.
  ///
  /// `UUID(uuidString:)` goes through a `String` and `sscanf` on Linux, which was the largest
  /// cost of reading the notification log. Package-visible so that the benchmark's raw SQLite
  /// reads do the same work.
  package init?(text: UnsafePointer<UInt8>, count: Int) {
    guard count == 36 else { return nil }
    var bytes: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    let isValid = withUnsafeMutableBytes(of: &bytes) { output -> Bool in
      var position = 0
      for index in 0..<16 {
        if position == 8 || position == 13 || position == 18 || position == 23 {
          guard text[position] == UInt8(ascii: "-") else { return false }
          position += 1
        }
        guard let high = text[position].hexDigitValue, let low = text[position + 1].hexDigitValue
        else { return false }
        output[index] = high << 4 | low
        position += 2
      }
      return true
    }
    guard isValid else { return nil }
    self.init(uuid: bytes)
  }
}
