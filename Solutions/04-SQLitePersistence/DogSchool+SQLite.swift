import EventSourcing
public import GivenDog

extension DogSchool {
  // MARK: - Task 6: a school in a file

  /// Creates a school whose events live in the SQLite database file at `path`: a new school
  /// on the same file sees every dog the old one saved.
  // slide: school-on-file
  public init(path: String) throws {
    self.init(recorder: try SQLiteRecorder(path: path))
  }
  // slide end

  /// Saves a dog's pending events: maps each one, then inserts them all in one call.
  // slide: save
  public func save(_ dog: Dog) async throws {
    let stored = try dog.pendingEvents.map(mapper.storedEvent(from:))
    try await recorder.insert(stored)
  }
  // slide end
}
