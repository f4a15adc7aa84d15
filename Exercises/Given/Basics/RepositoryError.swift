public import Foundation

/// Why the repository could not give back a dog.
public enum RepositoryError: Error, Equatable, CustomStringConvertible {
  /// The store has no events for this dog (or none up to the asked version).
  case aggregateNotFound(id: UUID)

  /// A sentence naming what was wrong.
  public var description: String {
    switch self {
    case .aggregateNotFound(let id):
      "Dog \(id) was not found."
    }
  }
}
