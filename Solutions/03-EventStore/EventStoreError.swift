public import Foundation

/// Why the event store refused to append events.
public enum EventStoreError: Error, Equatable, CustomStringConvertible {
  /// The event does not carry the next version of its dog: another writer already appended
  /// this version, or it would leave a gap in the dog's history.
  case versionConflict(originatorID: UUID, version: Int)

  /// A sentence naming what was wrong.
  public var description: String {
    switch self {
    case .versionConflict(let originatorID, let version):
      "Version \(version) of dog \(originatorID) is not its next version: it is already recorded, or it would leave a gap."
    }
  }
}
