public import Foundation

/// An error getting an aggregate from a repository.
public enum RepositoryError: Error, Equatable, CustomStringConvertible {
  /// No aggregate with this ID is recorded (or none existed yet at the version asked for).
  case aggregateNotFound(id: UUID)

  public var description: String {
    switch self {
    case .aggregateNotFound(let id):
      "Aggregate \(id) not found."
    }
  }
}
