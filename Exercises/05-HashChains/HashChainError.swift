public import Foundation

/// Why a chain of events does not verify.
public enum HashChainError: Error, Equatable, CustomStringConvertible {
  /// The event at this place in the chain was changed, removed, moved or inserted: its hash
  /// or its link to the event before it does not match.
  case doesNotVerify(originatorID: UUID, version: Int)
  /// Every link verifies, but the chain ends in another head hash than the one kept aside:
  /// events were removed from (or added to) its end.
  case headMismatch(expected: Data, found: Data)

  /// A sentence naming what was wrong.
  public var description: String {
    switch self {
    case .doesNotVerify(let originatorID, let version):
      "Event \(version) of dog \(originatorID) does not verify: it was changed, or the events "
        + "before it were."
    case .headMismatch(let expected, let found):
      "The chain ends in the head hash \(found.hexString), not \(expected.hexString): events "
        + "are missing at its end."
    }
  }
}

extension Data {
  /// The bytes as lowercase hexadecimal digits.
  var hexString: String {
    map { byte in
      let digits = String(byte, radix: 16)
      return byte < 16 ? "0" + digits : digits
    }.joined()
  }
}
