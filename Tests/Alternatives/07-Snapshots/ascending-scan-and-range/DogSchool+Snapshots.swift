// Differs from the reference: gets the dog before checking for a snapshot recorder, and finds a passed multiple by scanning the new versions.
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
    let dog = try await repository.get(id, version: version)
    guard let snapshots else { throw SnapshotError.noSnapshotStore }
    let record = try mapper.storedSnapshot(dog.snapshot)
    try await snapshots.insert([record])
  }

  // MARK: - Task 4: snapshot every N events

  /// Saves a dog's pending events, then takes a snapshot when they pass a multiple of
  /// ``snapshotInterval``.
  ///
  /// - Throws: `RecorderError.versionConflict` when the dog was changed and saved by someone
  ///   else since it was read; nothing is saved then.
  public func save(_ dog: Dog) async throws {
    let records = try dog.pendingEvents.map(mapper.storedEvent)
    try await recorder.insert(records)
    guard let interval = snapshotInterval, let store = snapshots, !dog.pendingEvents.isEmpty
    else { return }
    let newVersions = (dog.version - dog.pendingEvents.count + 1)...dog.version
    if newVersions.contains(where: { $0.isMultiple(of: interval) }) {
      try await store.insert([mapper.storedSnapshot(dog.snapshot)])
    }
  }
}
