public import Foundation
public import GivenBasics
public import GivenDog

/// The application: registers dogs, teaches them tricks, and tells about them.
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
  public func save(_ dog: Dog) async throws {
    // Task 5: append the dog's pending events to the store.
    throw NotImplemented(task: 5, what: "DogSchool.save(_:)")
  }

  /// Registers a dog and returns its ID.
  public func registerDog(name: String) async throws -> UUID {
    // Task 5: register a new Dog, save it, and return its id.
    throw NotImplemented(task: 5, what: "DogSchool.registerDog(name:)")
  }

  /// Teaches a registered dog a trick.
  public func addTrick(_ dogID: UUID, trick: String) async throws {
    // Task 5: get the dog from the repository, teach it the trick, save it.
    throw NotImplemented(task: 5, what: "DogSchool.addTrick(_:trick:)")
  }

  /// Tells a dog's name and tricks.
  public func getDog(_ dogID: UUID) async throws -> DogDetails {
    // Task 5: get the dog from the repository and return its name and tricks.
    throw NotImplemented(task: 5, what: "DogSchool.getDog(_:)")
  }
}
