// Differs from the reference: commands save through collectEvents() on the dog and getDog maps the dog with a closure.
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
    self.repository = Repository(store: store)
  }

  /// Saves a dog's pending events.
  public func save(_ dog: Dog) async throws {
    var copy = dog
    try await store.append(copy.collectEvents())
  }

  /// Registers a dog and returns its ID.
  public func registerDog(name: String) async throws -> UUID {
    let id = UUID()
    try await save(Dog.register(id: id, name: name))
    return id
  }

  /// Teaches a registered dog a trick.
  public func addTrick(_ dogID: UUID, trick: String) async throws {
    var dog = try await repository.get(dogID)
    dog.addTrick(trick)
    try await save(dog)
  }

  /// Tells a dog's name and tricks.
  public func getDog(_ dogID: UUID) async throws -> DogDetails {
    let describe = { (dog: Dog) in DogDetails(name: dog.name, tricks: dog.tricks) }
    return describe(try await repository.get(dogID))
  }
}
