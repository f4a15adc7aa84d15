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

  // MARK: - Get a dog, as it is now or as it was (chapter 3)

  /// Returns a dog as it is now, or as it was at an earlier version ("time travel").
  ///
  /// - Parameters:
  ///   - id: The dog's identity.
  ///   - version: The version to rebuild; the latest when `nil`.
  /// - Throws: ``RepositoryError/aggregateNotFound(id:)`` when the store has no events for it.
  public func get(_ id: UUID, version: Int? = nil) async throws -> Dog {
    // Only the events up to `version` are read, so the dog is rebuilt exactly as it was then.
    let events = try await store.events(for: id, through: version)
    guard !events.isEmpty else { throw RepositoryError.aggregateNotFound(id: id) }
    return try Dog(replaying: events)
  }
}
