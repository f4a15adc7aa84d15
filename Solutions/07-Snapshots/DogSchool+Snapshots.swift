import EventSourcing
public import Foundation

extension DogSchool {
  // MARK: - Task 3: store a snapshot apart from the events

  /// Takes a snapshot of a dog as it is now, or as it was at `version`, and stores it with
  /// the snapshots. The events are not touched.
  ///
  /// - Throws: ``RepositoryError/aggregateNotFound(id:)`` for an unknown dog;
  ///   ``SnapshotError/noSnapshotStore`` when the school has no snapshot recorder.
  public func takeSnapshot(_ id: UUID, version: Int? = nil) async throws {
    // slide: take-snapshot
    guard let snapshots else { throw SnapshotError.noSnapshotStore }
    let dog = try await repository.get(id, version: version)
    // Stored under the dog's ID and version, like an event, but in
    // another table: the newest one is found by version.
    try await snapshots.insert([mapper.storedSnapshot(dog.snapshot)])
    // slide end
  }

  // MARK: - Task 4: snapshot every N events

  /// Saves a dog's pending events, then takes a snapshot when they pass a multiple of
  /// ``snapshotInterval``.
  ///
  /// - Throws: `RecorderError.versionConflict` when the dog was changed and saved by someone
  ///   else since it was read; nothing is saved then.
  // slide: interval
  public func save(_ dog: Dog) async throws {
    try await recorder.insert(dog.pendingEvents.map(mapper.storedEvent))
    guard let snapshotInterval, let snapshots else { return }
    // Versions before and after this save: 3 -> 7 passes 5.
    let before = dog.version - dog.pendingEvents.count
    if dog.version / snapshotInterval > before / snapshotInterval {
      // The dog in hand is already the state at dog.version.
      try await snapshots.insert([mapper.storedSnapshot(dog.snapshot)])
    }
  }
  // slide end
}
