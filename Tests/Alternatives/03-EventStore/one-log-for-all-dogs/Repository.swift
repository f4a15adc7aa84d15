// Differs from the reference: checks for an empty history with an if statement and names the replayed dog.
public import Foundation
import GivenBasics
public import GivenDog

/// Gives back dogs by rebuilding them from their events in the store.
public struct Repository: Sendable {
  /// Where the events are read from.
  public let store: InMemoryEventStore

  /// Creates a repository reading from a store.
  public init(store: InMemoryEventStore) {
    self.store = store
  }

  /// Returns a dog as it is now, or as it was at an earlier version.
  public func get(_ id: UUID, version: Int? = nil) async throws -> Dog {
    let history = try await store.events(for: id, through: version)
    if history.isEmpty {
      throw RepositoryError.aggregateNotFound(id: id)
    }
    let dog = try Dog(replaying: history)
    return dog
  }
}
