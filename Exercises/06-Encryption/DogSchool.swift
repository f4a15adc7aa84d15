public import EventSourcing
public import Foundation
public import GivenBasics
public import GivenDog

/// The application: registers dogs, teaches them tricks, and tells about them.
///
/// Events are stored by one of the library's recorders (`InMemoryRecorder`,
/// `SQLiteRecorder`) through the ``EventMapper``, which encrypts them when it has a cipher.
///
/// ```swift
/// let cipher = try AESCipher(base64Key: key)
/// let school = DogSchool(
///   recorder: try SQLiteRecorder(path: "dogschool.sqlite"),
///   mapper: EventMapper(cipher: cipher))
/// ```
public struct DogSchool: Sendable {
  /// Where the school's events live.
  public let recorder: any AggregateRecorder
  /// Turns events into stored records and back.
  public let mapper: EventMapper
  /// Rebuilds dogs from the recorder.
  public let repository: DogRepository

  /// Creates a school on a recorder, with a mapper.
  public init(recorder: any AggregateRecorder, mapper: EventMapper = EventMapper()) {
    self.recorder = recorder
    self.mapper = mapper
    repository = DogRepository(recorder: recorder, mapper: mapper)
  }

  /// Saves a dog's pending events.
  ///
  /// - Throws: `RecorderError.versionConflict` when the dog was changed and saved by someone
  ///   else since it was read; nothing is saved then.
  public func save(_ dog: Dog) async throws {
    try await recorder.insert(dog.pendingEvents.map(mapper.storedEvent))
  }

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
