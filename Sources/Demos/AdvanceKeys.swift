/// Reads the bytes a terminal sends for keys and says when one means "go on": Enter, space,
/// PageDown, → or ↓, which are what presentation clickers send. Other keys, and escape
/// sequences of other keys (PageUp, ←), are read whole and ignored. Esc pressed on its own
/// does not swallow the key after it.
public struct AdvanceKeys: Sendable {
  private enum State { case text, escape, sequence }
  private var state = State.text
  private var parameters: [UInt8] = []

  /// Creates a reader with nothing read yet.
  public init() {}

  /// Reads one byte; returns whether it completes a key that advances.
  public mutating func read(_ byte: UInt8) -> Bool {
    switch state {
    case .text:
      if byte == 0x1B {
        state = .escape
        return false
      }
      return byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: " ")
    case .escape:
      if byte == UInt8(ascii: "[") || byte == UInt8(ascii: "O") {
        state = .sequence
        parameters = []
        return false
      }
      // Esc on its own, then a key (or another Esc): read that key as if Esc were not there.
      state = .text
      return read(byte)
    case .sequence:
      if byte == 0x1B {  // A sequence cut short by Esc: start over.
        state = .escape
        return false
      }
      // Parameter bytes (digits, ';') until a final byte between '@' and '~'.
      guard (0x40...0x7E).contains(byte) else {
        parameters.append(byte)
        return false
      }
      state = .text
      switch byte {
      case UInt8(ascii: "C"), UInt8(ascii: "B"): return true  // → and ↓
      case UInt8(ascii: "~"): return parameters == [UInt8(ascii: "6")]  // PageDown
      default: return false
      }
    }
  }
}
