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

  // MARK: - Task 4: get a dog, as it is now or as it was

  /// Returns a dog as it is now, or as it was at an earlier version ("time travel").
  ///
  /// - Parameters:
  ///   - id: The dog's identity.
  ///   - version: The version to rebuild; the latest when `nil`.
  /// - Throws: ``RepositoryError/aggregateNotFound(id:)`` when the store has no events for it.
  public func get(_ id: UUID, version: Int? = nil) async throws -> Dog {
    // Task 4: read the dog's events up to `version` from the store, throw
    // RepositoryError.aggregateNotFound(id:) if there are none, else replay them.
    throw NotImplemented(task: 4, what: "Repository.get(_:version:)")
  }
}
