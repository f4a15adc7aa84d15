import Chapter07
import EventSourcing
import Foundation
import Testing

@Suite("Chapter 7: loading from snapshots")
struct SnapshotTests {
  let events = InMemoryRecorder()
  let snapshots = InMemoryRecorder()
  let mapper = EventMapper()

  /// A long-lived dog: registered, then `tricks` tricks saved one at a time.
  func longLivedDog(tricks: Int = 30) async throws -> UUID {
    let school = DogSchool(recorder: events)
    let id = try await school.registerDog(name: "Fido")
    for number in 1...tricks { try await school.addTrick(id, trick: "trick \(number)") }
    return id
  }

  /// Stores a snapshot of the dog at `version`, made from its events alone (and without
  /// `Dog.snapshot`, so that these tests check loading only).
  func plantSnapshot(of id: UUID, at version: Int, renamedTo name: String? = nil) async throws {
    let dog = try await DogRepository(recorder: events, mapper: mapper).get(id, version: version)
    let snapshot = DogSnapshot(
      originatorID: id, originatorVersion: dog.version, createdOn: dog.createdOn,
      modifiedOn: dog.modifiedOn, name: name ?? dog.name, tricks: dog.tricks)
    try await snapshots.insert([mapper.storedSnapshot(snapshot)])
  }

  // MARK: - Task 1

  @Test("Task 1: a dog restored from its snapshot equals the dog, version and times included")
  func snapshotRoundTrip() throws {
    let id = UUID()
    let history: [DogEvent] = [
      .registered(name: "Fido"), .trickAdded(trick: "roll over"), .trickAdded(trick: "fetch ball"),
    ]
    // Times far apart, so that a snapshot that loses or mixes them up shows.
    let dog = try Dog(
      replaying: history.enumerated().map { index, event in
        RecordedEvent(
          originatorID: id, originatorVersion: index + 1,
          timestamp: Date(timeIntervalSince1970: Double(index + 1) * 1_000), event: event)
      })
    let snapshot = dog.snapshot
    #expect(
      snapshot.originatorID == dog.id && snapshot.originatorVersion == 3,
      "Task 1: the snapshot should carry the dog's ID and version (3), not \(snapshot.originatorVersion).")
    let restored = Dog(snapshot: snapshot)
    #expect(
      restored == dog,
      "Task 1: Dog(snapshot:) should restore the ID, version, createdOn, modifiedOn, name and tricks.")
    #expect(restored.pendingEvents.isEmpty, "Task 1: a restored dog has no pending events.")
  }

  // MARK: - Task 2

  @Test("Task 2: the repository starts from the newest snapshot at or below the version")
  func loadsFromTheSnapshot() async throws {
    let id = try await longLivedDog(tricks: 15)
    // A snapshot that disagrees with the events shows whether it was used.
    try await plantSnapshot(of: id, at: 10, renamedTo: "Snapshot Fido")
    let repository = DogRepository(recorder: events, snapshots: snapshots, mapper: mapper)
    let latest = try await repository.get(id)
    #expect(
      latest.name == "Snapshot Fido",
      "Task 2: get(_:) should start from the newest snapshot instead of replaying every event.")
    #expect(
      latest.version == 16 && latest.tricks.count == 15,
      "Task 2: after the snapshot at version 10, replay the events after it (11...16): got version \(latest.version)."
    )
    let before = try await repository.get(id, version: 9)
    #expect(
      before.name == "Fido" && before.version == 9,
      "Task 2: time travel to version 9 must not use the snapshot at 10: replay events 1...9.")
  }

  @Test("Task 2: with and without snapshots, a long-lived dog is the same at every version")
  func equivalentAtEveryVersion() async throws {
    let id = try await longLivedDog()
    for version in [1, 5, 12, 13, 30] { try await plantSnapshot(of: id, at: version) }
    let plain = DogRepository(recorder: events, mapper: mapper)
    let fast = DogRepository(recorder: events, snapshots: snapshots, mapper: mapper)
    var differing: [Int] = []
    for version in 1...31 {
      let expected = try await plain.get(id, version: version)
      let found = try? await fast.get(id, version: version)
      if found != expected { differing.append(version) }
    }
    #expect(
      differing.isEmpty,
      "Task 2: at versions \(differing) the dog from snapshots differs from the dog from events: use the newest snapshot at or below the version, then apply the events after it, up to the version."
    )
    let latest = try? await fast.get(id)
    #expect(latest == (try await plain.get(id)), "Task 2: get(_:) without a version gives the latest dog.")
  }

  @Test("Task 2: only the events after the snapshot are read")
  func readsOnlyLaterEvents() async throws {
    let id = try await longLivedDog(tricks: 20)
    try await plantSnapshot(of: id, at: 5)
    try await plantSnapshot(of: id, at: 18)
    let counting = CountingRecorder(events)
    let dog = try? await DogRepository(recorder: counting, snapshots: snapshots, mapper: mapper)
      .get(id)
    #expect(
      dog?.version == 21 && counting.returned <= 3,
      "Task 2: with snapshots at versions 5 and 18, the newest one (18) should be used and only events 19...21 read (after: its version), not \(counting.returned) events."
    )
  }

  @Test("Task 2: an unknown dog is still not found")
  func unknownDog() async throws {
    let unknown = UUID()
    let repository = DogRepository(recorder: events, snapshots: snapshots, mapper: mapper)
    await #expect(
      throws: Chapter07.RepositoryError.aggregateNotFound(id: unknown),
      "Task 2: get(_:) should throw RepositoryError.aggregateNotFound(id:) when there is no snapshot and no event."
    ) { try await repository.get(unknown) }
  }
}
