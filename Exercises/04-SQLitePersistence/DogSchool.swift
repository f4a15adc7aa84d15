public import EventSourcing
public import Foundation
public import GivenBasics
import GivenDog

/// The application: registers dogs, teaches them tricks, and tells about them.
public struct DogSchool: Sendable {
  /// Where the school's events live.
  public let recorder: any ApplicationRecorder
  /// Turns the dog's events into stored events and back.
  public let mapper: DogEventMapper
  /// Rebuilds dogs from the recorder.
  public let repository: Repository

  /// Creates a school on a recorder.
  public init(recorder: any ApplicationRecorder, mapper: DogEventMapper = DogEventMapper()) {
    self.recorder = recorder
    self.mapper = mapper
    repository = Repository(recorder: recorder, mapper: mapper)
  }

  // Task 6, a school in a file and its saves, is in DogSchool+SQLite.swift.

  // MARK: - Commands and queries (chapter 3)

  /// Registers a dog and returns its ID.
  public func registerDog(name: String) async throws -> UUID {
    let dog = Dog.register(name: name)
    try await save(dog)
    return dog.id
  }

  /// Teaches a registered dog a trick.
  public func addTrick(_ dogID: UUID, trick: String) async throws {
    var dog = try await repository.get(dogID)
    dog.addTrick(trick)
    try await save(dog)
  }

  /// Tells a dog's name and tricks.
  public func getDog(_ dogID: UUID) async throws -> DogDetails {
    let dog = try await repository.get(dogID)
    return DogDetails(name: dog.name, tricks: dog.tricks)
  }
}
