public import EventSourcing
public import Foundation

/// The tutorial's application: registers dogs, teaches them tricks, and tells about them.
public struct DogSchool: EventSourcedApplication {
  public let application: Application

  /// Creates a school whose persistence is configured by the environment and the given
  /// settings (in memory unless configured otherwise).
  public init(environment: [String: String] = [:]) throws {
    application = try Application(environment: environment)
  }

  /// Creates a school on a given application, for example one with a custom recorder.
  public init(application: Application) {
    self.application = application
  }

  /// Registers a dog and returns its ID.
  public func registerDog(name: String) async throws -> UUID {
    var dog = EventSourced<Dog>.register(name: name)
    try await save(&dog)
    return dog.id
  }

  /// Teaches a registered dog a trick.
  public func addTrick(_ dogID: UUID, trick: String) async throws {
    var dog = try await repository.get(dogID, as: Dog.self)
    dog.addTrick(trick)
    try await save(&dog)
  }

  /// Tells a dog's name and tricks.
  public func getDog(_ dogID: UUID) async throws -> DogDetails {
    let dog = try await repository.get(dogID, as: Dog.self)
    return DogDetails(name: dog.name, tricks: dog.tricks)
  }
}
