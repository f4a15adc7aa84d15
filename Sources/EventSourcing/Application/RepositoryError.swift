public import Foundation

/// An error getting an aggregate from a repository, or saving one whose history is missing.
public enum RepositoryError: Error, Equatable, CustomStringConvertible {
  /// No aggregate with this ID is recorded (or none existed yet at the version asked for).
  case aggregateNotFound(id: UUID)
  /// New events of an aggregate were to be linked by a hash chain to its event at `version`,
  /// and that event is not stored: the events before the pending ones were never saved.
  case historyNotStored(id: UUID, version: Int)

  public var description: String {
    switch self {
    case .aggregateNotFound(let id):
      "Aggregate \(id) not found."
    case .historyNotStored(let id, let version):
      "Aggregate \(id) has new events after version \(version), but its event at version "
        + "\(version) is not stored, so the hash chain cannot link them. Save the events "
        + "before them first (events taken by collectEvents() are not saved)."
    }
  }
}
