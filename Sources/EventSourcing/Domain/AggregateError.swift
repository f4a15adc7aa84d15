public import Foundation

/// An error in an aggregate's history: events that cannot be applied in the order given.
public enum AggregateError: Error, Equatable, CustomStringConvertible {
  /// An aggregate cannot be rebuilt from no events.
  case noEvents
  /// An event of one aggregate was applied to another.
  case wrongOriginator(expected: UUID, found: UUID)
  /// An event did not carry the next version: one is missing, repeated or out of order.
  case versionOutOfSequence(originatorID: UUID, expected: Int, found: Int)
  /// A snapshot or an event carried a version outside 1 through
  /// ``EventSourced/maximumVersion``: no history reaches it, so it was forged or damaged.
  case versionOutOfRange(originatorID: UUID, version: Int)

  public var description: String {
    switch self {
    case .noEvents:
      "An aggregate cannot be rebuilt from an empty list of events."
    case .wrongOriginator(let expected, let found):
      "An event of aggregate \(found) was applied to aggregate \(expected)."
    case .versionOutOfSequence(let originatorID, let expected, let found):
      "Aggregate \(originatorID) expected an event with version \(expected), found version \(found)."
    case .versionOutOfRange(let originatorID, let version):
      "Aggregate \(originatorID) was given version \(version), outside 1 through "
        + "\(Int.max / 2): no history reaches it, so the record is forged or damaged."
    }
  }
}
