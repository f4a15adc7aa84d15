// Differs: save builds the batch in a loop and skips a dog with nothing pending.
public import EventSourcing
public import Foundation
public import GivenBasics
public import GivenDog

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

  /// Creates a school whose events live in the SQLite database file at `path`.
  public init(path: String) throws {
    let recorder = try SQLiteRecorder(path: path)
    self.init(recorder: recorder, mapper: DogEventMapper())
  }

  /// Saves a dog's pending events in one insert.
  public func save(_ dog: Dog) async throws {
    var batch: [StoredEvent] = []
    for event in dog.pendingEvents {
      batch.append(try mapper.storedEvent(from: event))
    }
    guard !batch.isEmpty else { return }
    try await recorder.insert(batch)
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
