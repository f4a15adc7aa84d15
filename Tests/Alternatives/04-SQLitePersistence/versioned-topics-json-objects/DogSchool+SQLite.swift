// Differs: save builds the batch in a loop and skips a dog with nothing pending.
import EventSourcing
public import GivenDog

extension DogSchool {
  // MARK: - Task 6: a school in a file

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
}
