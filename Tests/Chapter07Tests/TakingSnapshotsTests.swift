import Chapter07
import EventSourcing
import Foundation
import GivenBasics
import Testing

@Suite("Chapter 7: taking snapshots")
struct TakingSnapshotsTests {
  let events = InMemoryRecorder()
  let snapshots = InMemoryRecorder()
  let mapper = EventMapper()

  /// The versions of the stored snapshots of a dog, in ascending order.
  func snapshotVersions(of id: UUID) async throws -> [Int] {
    try await snapshots.events(for: id).map(\.originatorVersion)
  }

  /// The dog at `version`, replayed from its events alone.
  func dogFromEvents(_ id: UUID, version: Int? = nil) async throws -> Dog {
    try await DogRepository(recorder: events, mapper: mapper).get(id, version: version)
  }

  /// The stored snapshots of a dog that differ from the dog replayed from its events at the
  /// snapshot's version, described for a message.
  func wrongSnapshots(of id: UUID) async throws -> [String] {
    var wrong: [String] = []
    for stored in try await snapshots.events(for: id) {
      let snapshot = try mapper.snapshot(from: stored)
      let expected = try await dogFromEvents(id, version: snapshot.originatorVersion)
      if snapshot != expected.snapshotFields {
        wrong.append("the one at version \(snapshot.originatorVersion)")
      }
    }
    return wrong
  }

  /// A dog registered and taught `tricks` tricks at a school without snapshots.
  func dogWithHistory(tricks: Int) async throws -> UUID {
    let school = DogSchool(recorder: events)
    let id = try await school.registerDog(name: "Fido")
    for number in 1...tricks { try await school.addTrick(id, trick: "trick \(number)") }
    return id
  }

  /// Saves the dog's pending events through the school and forgets them, as a reload would;
  /// returns false, recording a Task 4 issue, when the save throws.
  func save(_ dog: inout Dog, at school: DogSchool) async -> Bool {
    do {
      try await school.save(dog)
      _ = dog.collectEvents()
      return true
    } catch {
      Issue.record(
        "Task 4: save(_:) should store the dog's events up to version \(dog.version), and a snapshot when they pass a multiple of the interval, but it threw: \(error)"
      )
      return false
    }
  }

  // MARK: - Task 3

  @Test("Task 3: takeSnapshot stores the dog's state apart from its events")
  func takesSnapshots() async throws {
    let id = try await dogWithHistory(tricks: 6)
    let school = DogSchool(recorder: events, snapshots: snapshots)
    for version in [3, nil] as [Int?] {
      do {
        try await school.takeSnapshot(id, version: version)
      } catch {
        Issue.record(
          "Task 3: takeSnapshot(_:version: \(version.map(String.init) ?? "nil")) should store a snapshot in the snapshot recorder, but it threw: \(error)"
        )
      }
    }
    let versions = try await snapshotVersions(of: id)
    #expect(
      versions == [3, 7],
      "Task 3: takeSnapshot should store one snapshot at the dog's version in the snapshot recorder: at 3 when asked for version 3, at 7 (the latest) when asked for none; found snapshots at \(versions)."
    )
    let wrong = try await wrongSnapshots(of: id)
    #expect(
      wrong.isEmpty,
      "Task 3: each snapshot should hold the dog as it was at its version, times included: \(wrong.joined(separator: ", ")) differs from the dog replayed from its events."
    )
    let stored = try await events.events(for: id)
    #expect(
      stored.count == 7 && stored.allSatisfy { $0.topic == EventMapper.topic },
      "Task 3: taking a snapshot must not touch the events: insert it into `snapshots`, never into `recorder`; the event recorder holds \(stored.count) records."
    )
  }

  @Test("Task 3: a school without a snapshot recorder refuses to take a snapshot")
  func noSnapshotStore() async throws {
    let id = try await dogWithHistory(tricks: 2)
    await #expect(
      throws: SnapshotError.noSnapshotStore,
      "Task 3: takeSnapshot should throw SnapshotError.noSnapshotStore when the school has no snapshot recorder, not succeed without storing anything."
    ) { try await DogSchool(recorder: events).takeSnapshot(id) }
    let stored = try await events.events(for: id)
    #expect(
      stored.count == 3,
      "Task 3: a refused snapshot must leave the events as they were: 3, not \(stored.count).")
  }

  // MARK: - Task 4

  @Test("Task 4: with an interval of 5, saves take snapshots at versions 5, 10 and 15")
  func snapshotsEveryFiveEvents() async throws {
    let school = DogSchool(recorder: events, snapshots: snapshots, snapshotInterval: 5)
    var dog = Dog.register(name: "Fido")
    guard await save(&dog, at: school) else { return }
    for number in 1...16 {
      dog.addTrick("trick \(number)")
      guard await save(&dog, at: school) else { return }
    }
    let versions = try await snapshotVersions(of: dog.id)
    #expect(
      versions == [5, 10, 15],
      "Task 4: saving one event at a time with an interval of 5, save(_:) should take snapshots when the dog reaches versions 5, 10 and 15, not at \(versions)."
    )
    let wrong = try await wrongSnapshots(of: dog.id)
    #expect(
      wrong.isEmpty,
      "Task 4: each snapshot should hold the dog saved at its version, times included: \(wrong.joined(separator: ", ")) differs."
    )
  }

  @Test("Task 4: saves of several events take a snapshot whenever they pass a multiple")
  func savesOfSeveralEvents() async throws {
    let school = DogSchool(recorder: events, snapshots: snapshots, snapshotInterval: 3)
    var dog = Dog.register(name: "Fido")
    for number in 1...9 {
      dog.addTrick("trick \(number)")
      // Two events per save: versions 0 -> 2 -> 4 -> 6 -> 8 -> 10.
      if dog.pendingEvents.count == 2 { guard await save(&dog, at: school) else { return } }
    }
    let versions = try await snapshotVersions(of: dog.id)
    #expect(
      versions == [4, 6, 10],
      "Task 4: with an interval of 3, saves from version 0 to 2, 2 to 4, 4 to 6, 6 to 8 and 8 to 10 pass 3, 6 and 9 in the saves ending at 4, 6 and 10, so the snapshots should be at [4, 6, 10], not \(versions): compare version / interval before and after the save."
    )
    let wrong = try await wrongSnapshots(of: dog.id)
    #expect(
      wrong.isEmpty,
      "Task 4: a save that passes a multiple should snapshot the dog in hand, at its new version: \(wrong.joined(separator: ", ")) differs from the dog at that version."
    )
  }

  @Test("Task 4: a save that passes a multiple of the interval takes one snapshot")
  func saveThatPassesAMultiple() async throws {
    let school = DogSchool(recorder: events, snapshots: snapshots, snapshotInterval: 5)
    var dog = Dog.register(name: "Fido")
    dog.addTrick("sit")
    dog.addTrick("stay")  // version 3
    guard await save(&dog, at: school) else { return }
    for trick in ["roll over", "fetch ball", "play dead", "shake hands"] { dog.addTrick(trick) }
    guard await save(&dog, at: school) else { return }  // versions 4...7 pass 5
    let versions = try await snapshotVersions(of: dog.id)
    #expect(
      versions.count == 1 && (5...7).contains(versions.first ?? 0),
      "Task 4: a save from version 3 to 7 passes 5, so it should take exactly one snapshot (at 7, the dog in hand): found snapshots at \(versions)."
    )
    let wrong = try await wrongSnapshots(of: dog.id)
    #expect(
      wrong.isEmpty,
      "Task 4: the snapshot should hold the dog at its version: \(wrong.joined(separator: ", ")) differs.")
  }

  @Test("Task 4: only a school with both an interval and a snapshot recorder takes snapshots")
  func noIntervalNoSnapshots() async throws {
    let both = DogSchool(recorder: events, snapshots: snapshots, snapshotInterval: 2)
    var bella = Dog.register(name: "Bella")
    bella.addTrick("sit")
    guard await save(&bella, at: both) else { return }
    let bellasVersions = try await snapshotVersions(of: bella.id)
    #expect(
      bellasVersions == [2],
      "Task 4: a school with an interval of 2 and a snapshot recorder should take a snapshot when a save reaches version 2, but took them at \(bellasVersions)."
    )

    let school = DogSchool(recorder: events, snapshots: snapshots)
    var dog = Dog.register(name: "Fido")
    guard await save(&dog, at: school) else { return }
    for number in 1...10 {
      dog.addTrick("trick \(number)")
      guard await save(&dog, at: school) else { return }
    }
    let versions = try await snapshotVersions(of: dog.id)
    #expect(
      versions.isEmpty,
      "Task 4: a school without a snapshotInterval should take no snapshot on save, but took some at \(versions)."
    )
    let plain = DogSchool(recorder: events, snapshotInterval: 2)
    var rex = Dog.register(name: "Rex")
    rex.addTrick("sit")
    rex.addTrick("stay")
    guard await save(&rex, at: plain) else { return }
    let stored = try await events.events(for: rex.id)
    #expect(
      stored.count == 3,
      "Task 4: a school without a snapshot recorder should save the events alone, 3 here, not \(stored.count) records."
    )
  }

  @Test("Task 4: a save refused for a version conflict leaves no snapshot behind")
  func refusedSaveTakesNoSnapshot() async throws {
    let school = DogSchool(recorder: events, snapshots: snapshots, snapshotInterval: 5)
    var dog = Dog.register(name: "Fido")
    for trick in ["sit", "stay", "roll over"] { dog.addTrick(trick) }  // version 4
    guard await save(&dog, at: school) else { return }
    // Two copies of the dog at version 4, changed by two writers at once.
    var first = dog
    var second = dog
    first.addTrick("fetch ball")
    first.addTrick("play dead")  // version 6: passes 5
    guard await save(&first, at: school) else { return }
    second.addTrick("beg")  // version 5, already taken by the first writer
    await #expect(
      throws: RecorderError.self,
      "Task 4: saving a copy of the dog that was changed by someone else since it was read should throw the recorder's version conflict."
    ) { try await school.save(second) }
    let versions = try await snapshotVersions(of: dog.id)
    #expect(
      versions == [6],
      "Task 4: a save refused for a version conflict must leave no snapshot: store the events first and take the snapshot only after they were stored. Found snapshots at \(versions), not only the one at 6."
    )
    let wrong = try await wrongSnapshots(of: dog.id)
    #expect(
      wrong.isEmpty,
      "Task 4: every snapshot should hold a state the stored events reach: \(wrong.joined(separator: ", ")) holds a dog that never existed."
    )
  }

  // MARK: - Setup

  @Test("Setup: the tests check the intended code")
  func testsTheIntendedCode() {
    #if WORKSHOP_SOLUTIONS
      let folder = "/Solutions/"
    #else
      let folder = "/Exercises/"
    #endif
    #expect(
      CodeLocation.filePath.contains(folder),
      "Setup: expected code under \(folder), but the build used \(CodeLocation.filePath).")
  }
}

extension Dog {
  /// The dog's state as a snapshot, built here so that the tests of Tasks 3 and 4 do not
  /// depend on `Dog.snapshot` (Task 1).
  fileprivate var snapshotFields: DogSnapshot {
    DogSnapshot(
      originatorID: id, originatorVersion: version, createdOn: createdOn,
      modifiedOn: modifiedOn, name: name, tricks: tricks)
  }
}
