public import Foundation

/// Why a list of events cannot be replayed into a dog.
public enum HistoryError: Error, Equatable, CustomStringConvertible {
  /// There were no events: a dog's history starts with its registration.
  case noEvents
  /// An event belongs to another dog.
  case wrongDog(expected: UUID, found: UUID)
  /// An event does not carry the next version: one is missing, repeated or out of order.
  case versionOutOfSequence(originatorID: UUID, expected: Int, found: Int)

  /// A sentence naming what was wrong.
  public var description: String {
    switch self {
    case .noEvents:
      "A dog cannot be rebuilt from no events."
    case .wrongDog(let expected, let found):
      "An event of dog \(found) was found in the history of dog \(expected)."
    case .versionOutOfSequence(let originatorID, let expected, let found):
      "Dog \(originatorID) expected version \(expected) next, but found version \(found)."
    }
  }
}
