public import Foundation
public import GivenBasics
public import GivenDog

/// The application: registers dogs, teaches them tricks, and tells about them.
///
/// Every command follows the same steps: get the dog from the repository (or create it),
/// call a method that records events, and save the new events. The school never changes
/// stored events; it only appends new ones.
public struct DogSchool: Sendable {
  /// Where the school's events live.
  public let store: InMemoryEventStore
  /// Rebuilds dogs from the store.
  public let repository: Repository

  /// Creates a school on a store; a new empty one unless given.
  public init(store: InMemoryEventStore = InMemoryEventStore()) {
    self.store = store
    repository = Repository(store: store)
  }

  // MARK: - Task 5: the application

  /// Saves a dog's pending events.
  ///
  /// - Throws: ``EventStoreError/versionConflict(originatorID:version:)`` when the dog was
  ///   changed and saved by someone else since it was read; nothing is saved then.
  public func save(_ dog: Dog) async throws {
    try await store.append(dog.pendingEvents)
  }

  /// Registers a dog and returns its ID.
  public func registerDog(name: String) async throws -> UUID {
    let dog = Dog.register(name: name)
    try await save(dog)
    return dog.id
  }

  // slide: add-trick
  /// Teaches a registered dog a trick.
  public func addTrick(_ dogID: UUID, trick: String) async throws {
    var dog = try await repository.get(dogID)
    dog.addTrick(trick)
    try await save(dog)
  }
  // slide end

  /// Tells a dog's name and tricks.
  public func getDog(_ dogID: UUID) async throws -> DogDetails {
    let dog = try await repository.get(dogID)
    return DogDetails(name: dog.name, tricks: dog.tricks)
  }
}
