import Chapter07
import EventSourcing
import Foundation
import GivenBasics
import Testing

@Suite("Chapter 7: loading from snapshots")
struct SnapshotTests {
  let events = InMemoryRecorder()
  let snapshots = InMemoryRecorder()
  let mapper = EventMapper()

  /// A long-lived dog: registered, then `tricks` tricks saved one at a time, without snapshots.
  func longLivedDog(tricks: Int = 30) async throws -> UUID {
    let school = DogSchool(recorder: events)
    let id = try await school.registerDog(name: "Fido")
    for number in 1...tricks { try await school.addTrick(id, trick: "trick \(number)") }
    return id
  }

  /// Stores a snapshot of the dog at `version`, made from its events alone (and without
  /// `Dog.snapshot`, so that these tests check loading only). A snapshot renamed so that it
  /// disagrees with the events shows whether a load used it.
  func plantSnapshot(of id: UUID, at version: Int, renamedTo name: String? = nil) async throws {
    let dog = try await DogRepository(recorder: events, mapper: mapper).get(id, version: version)
    let snapshot = DogSnapshot(
      originatorID: id, originatorVersion: dog.version, createdOn: dog.createdOn,
      modifiedOn: dog.modifiedOn, name: name ?? dog.name, tricks: dog.tricks)
    try await snapshots.insert([mapper.storedSnapshot(snapshot)])
  }

  /// Loads a dog with the repository, recording a Task 2 issue when the load throws.
  func load(
    _ id: UUID, version: Int? = nil, from repository: DogRepository, _ what: String
  ) async -> Dog? {
    do {
      return try await repository.get(id, version: version)
    } catch {
      Issue.record("Task 2: get(_:version:) should load \(what), but it threw: \(error)")
      return nil
    }
  }

  /// Fido after three events whose times lie far apart, so that lost or mixed-up times show.
  func fidoAtVersionThree() throws -> Dog {
    let id = UUID()
    let history: [DogEvent] = [
      .registered(name: "Fido"), .trickAdded(trick: "roll over"), .trickAdded(trick: "fetch ball"),
    ]
    return try Dog(
      replaying: history.enumerated().map { index, event in
        RecordedEvent(
          originatorID: id, originatorVersion: index + 1,
          timestamp: Date(timeIntervalSince1970: Double(index + 1) * 1_000), event: event)
      })
  }

  // MARK: - Task 1

  @Test("Task 1: a snapshot carries the dog's ID, version, times, name and tricks")
  func takesEverything() throws {
    let dog = try fidoAtVersionThree()
    let snapshot = dog.snapshot
    let expected = DogSnapshot(
      originatorID: dog.id, originatorVersion: 3,
      createdOn: Date(timeIntervalSince1970: 1_000), modifiedOn: Date(timeIntervalSince1970: 3_000),
      name: "Fido", tricks: ["roll over", "fetch ball"])
    #expect(
      snapshot == expected,
      "Task 1: dog.snapshot should carry the dog's ID, version 3, createdOn (its first event's time), modifiedOn (its latest event's time), name and tricks; it carries version \(snapshot.originatorVersion), createdOn \(snapshot.createdOn), modifiedOn \(snapshot.modifiedOn), \(snapshot.tricks.count) tricks."
    )
  }

  @Test("Task 1: a dog restored from a snapshot equals the dog, version and times included")
  func restoresEverything() throws {
    let dog = try fidoAtVersionThree()
    let snapshot = DogSnapshot(
      originatorID: dog.id, originatorVersion: dog.version, createdOn: dog.createdOn,
      modifiedOn: dog.modifiedOn, name: dog.name, tricks: dog.tricks)
    var restored = Dog(snapshot: snapshot)
    #expect(
      restored == dog,
      "Task 1: Dog(snapshot:) should restore the ID, version, createdOn, modifiedOn, name and tricks; the restored dog has \(differences(of: restored, from: dog))."
    )
    #expect(
      restored.pendingEvents.isEmpty,
      "Task 1: a dog restored from a snapshot should have no pending events, not \(restored.pendingEvents.count)."
    )
    restored.addTrick("play dead")
    #expect(
      restored.pendingEvents.map(\.originatorVersion) == [4],
      "Task 1: the first new event of a dog restored at version 3 should be version 4, not \(restored.pendingEvents.map(\.originatorVersion)): restore the version."
    )
  }

  // MARK: - Task 2

  @Test("Task 2: the repository starts from the newest snapshot at or below the version")
  func loadsFromTheSnapshot() async throws {
    let id = try await longLivedDog(tricks: 15)
    try await plantSnapshot(of: id, at: 10, renamedTo: "Snapshot Fido")
    let repository = DogRepository(recorder: events, snapshots: snapshots, mapper: mapper)

    let latest = await load(id, from: repository, "the latest dog")
    #expect(
      latest?.name == "Snapshot Fido",
      "Task 2: get(_:) should start from the newest snapshot (at version 10, renamed \"Snapshot Fido\") instead of replaying every event; the dog loaded is named \(latest?.name ?? "nothing")."
    )
    #expect(
      latest?.version == 16 && latest?.tricks.count == 15,
      "Task 2: after the snapshot at version 10, get(_:) should apply the events after it (11...16): the dog should be at version 16 with 15 tricks, not version \(latest?.version ?? 0) with \(latest?.tricks.count ?? 0)."
    )

    let atSnapshot = await load(id, version: 10, from: repository, "the dog at version 10")
    #expect(
      atSnapshot?.name == "Snapshot Fido" && atSnapshot?.version == 10,
      "Task 2: get(_:version: 10) should use the snapshot taken at version 10 itself (at or below the version), and read no event after it; got \(atSnapshot?.name ?? "nothing") at version \(atSnapshot?.version ?? 0)."
    )

    let before = await load(id, version: 9, from: repository, "the dog at version 9")
    #expect(
      before?.name == "Fido" && before?.version == 9,
      "Task 2: get(_:version: 9) must not use the snapshot at version 10 (time travel): with no snapshot at or below 9, replay events 1...9; got \(before?.name ?? "nothing") at version \(before?.version ?? 0)."
    )
  }

  @Test("Task 2: of several snapshots, the newest at or below the version is used, not the oldest")
  func newestNotOldest() async throws {
    let id = try await longLivedDog(tricks: 15)
    try await plantSnapshot(of: id, at: 5, renamedTo: "Old Fido")
    try await plantSnapshot(of: id, at: 10, renamedTo: "New Fido")
    let repository = DogRepository(recorder: events, snapshots: snapshots, mapper: mapper)
    let latest = await load(id, from: repository, "the latest dog")
    #expect(
      latest?.name == "New Fido",
      "Task 2: with snapshots at versions 5 and 10, get(_:) should start from the newest one (10): read the snapshots in descending order with limit 1; the dog loaded is named \(latest?.name ?? "nothing")."
    )
    let middle = await load(id, version: 7, from: repository, "the dog at version 7")
    #expect(
      middle?.name == "Old Fido" && middle?.version == 7,
      "Task 2: get(_:version: 7) should start from the snapshot at 5, the newest at or below 7, and apply events 6 and 7; got \(middle?.name ?? "nothing") at version \(middle?.version ?? 0)."
    )
  }

  @Test("Task 2: with and without snapshots, a long-lived dog is the same at every version")
  func equivalentAtEveryVersion() async throws {
    let id = try await longLivedDog()
    for version in [1, 5, 12, 13, 30] { try await plantSnapshot(of: id, at: version) }
    let plain = DogRepository(recorder: events, mapper: mapper)
    let fast = DogRepository(recorder: events, snapshots: snapshots, mapper: mapper)
    var differing: [String] = []
    for version in 1...31 {
      let expected = try await plain.get(id, version: version)
      do {
        let found = try await fast.get(id, version: version)
        if found != expected {
          differing.append("at \(version): \(differences(of: found, from: expected))")
        }
      } catch {
        differing.append("at \(version): \(error)")
      }
    }
    #expect(
      differing.isEmpty,
      "Task 2: with snapshots at versions 1, 5, 12, 13 and 30, the dog loaded with them should equal the dog replayed from its events at every version: use the newest snapshot at or below the version, then apply the events after it, up to the version. It differs \(differing.joined(separator: "; "))."
    )
    let expectedLatest = try await plain.get(id)
    let latest = await load(id, from: fast, "the latest dog")
    #expect(
      latest == expectedLatest,
      "Task 2: get(_:) without a version should give the latest dog, version \(expectedLatest.version), not version \(latest?.version ?? 0)."
    )
  }

  @Test("Task 2: only the events after the snapshot are read")
  func readsOnlyLaterEvents() async throws {
    let id = try await longLivedDog(tricks: 20)
    try await plantSnapshot(of: id, at: 5)
    try await plantSnapshot(of: id, at: 18)
    for (version, expected) in [(nil, 3), (21, 3), (20, 2), (18, 0)] as [(Int?, Int)] {
      let counting = CountingRecorder(events)
      let repository = DogRepository(recorder: counting, snapshots: snapshots, mapper: mapper)
      let shown = version.map { "version \($0)" } ?? "the latest version"
      let dog = await load(id, version: version, from: repository, "the dog at \(shown)")
      #expect(
        dog?.version == (version ?? 21) && counting.returned == expected,
        "Task 2: with snapshots at versions 5 and 18, loading \(shown) should use the one at 18 and read only the \(expected) events after it (recorder.events(for:after: 18, through:)), not \(counting.returned) events."
      )
    }
  }

  @Test("Task 2: an unknown dog is still not found")
  func unknownDog() async throws {
    let unknown = UUID()
    let repository = DogRepository(recorder: events, snapshots: snapshots, mapper: mapper)
    await #expect(
      throws: Chapter07.RepositoryError.aggregateNotFound(id: unknown),
      "Task 2: get(_:) should throw RepositoryError.aggregateNotFound(id:) when there is no snapshot and no event for the dog."
    ) { try await repository.get(unknown) }
  }
}
