public import Foundation

/// Why the event store refused to append events.
public enum EventStoreError: Error, Equatable, CustomStringConvertible {
  /// Another writer already appended this version of the dog's history.
  case versionConflict(originatorID: UUID, version: Int)

  /// A sentence naming what was wrong.
  public var description: String {
    switch self {
    case .versionConflict(let originatorID, let version):
      "Version \(version) of dog \(originatorID) is already recorded."
    }
  }
}
