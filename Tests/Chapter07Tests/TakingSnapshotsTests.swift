import Chapter07
import EventSourcing
import Foundation
import Testing

@Suite("Chapter 7: taking snapshots")
struct TakingSnapshotsTests {
  let events = InMemoryRecorder()
  let snapshots = InMemoryRecorder()
  let mapper = EventMapper()

  func snapshotVersions(of id: UUID) async throws -> [Int] {
    try await snapshots.events(for: id).map(\.originatorVersion)
  }

  // MARK: - Task 3

  @Test("Task 3: takeSnapshot stores the dog's state apart from its events")
  func takesSnapshots() async throws {
    let school = DogSchool(recorder: events, snapshots: snapshots)
    let id = try await school.registerDog(name: "Fido")
    for number in 1...6 { try await school.addTrick(id, trick: "trick \(number)") }
    try? await school.takeSnapshot(id, version: 3)
    try? await school.takeSnapshot(id)
    let stored = try await snapshots.events(for: id)
    #expect(
      stored.map(\.originatorVersion) == [3, 7],
      "Task 3: takeSnapshot should store one snapshot record at the dog's version (7, or 3 when asked for version 3), not at \(stored.map(\.originatorVersion))."
    )
    let atThree = try stored.first.map(mapper.snapshot(from:))
    #expect(
      atThree?.tricks == ["trick 1", "trick 2"],
      "Task 3: takeSnapshot(_:version: 3) should store the dog as it was at version 3.")
    #expect(
      try await events.events(for: id).count == 7,
      "Task 3: taking a snapshot must not change the events.")
    #expect(
      try await school.getDog(id).tricks.count == 6,
      "Task 3: the school should still read the dog after taking snapshots.")
  }

  // MARK: - Task 4

  @Test("Task 4: with an interval of 5, saves take snapshots at versions 5, 10 and 15")
  func snapshotsEveryFiveEvents() async throws {
    let school = DogSchool(recorder: events, snapshots: snapshots, snapshotInterval: 5)
    let id = try await school.registerDog(name: "Fido")
    for number in 1...16 { try await school.addTrick(id, trick: "trick \(number)") }
    let versions = try await snapshotVersions(of: id)
    #expect(
      versions == [5, 10, 15],
      "Task 4: save(_:) should take a snapshot when a dog reaches versions 5, 10, 15: found \(versions)."
    )
    let dog = try await school.repository.get(id)
    let fromEvents = try await DogRepository(recorder: events, mapper: mapper).get(id)
    #expect(dog == fromEvents, "Task 4: the dog loaded with snapshots should equal the dog from events.")
  }

  @Test("Task 4: a save that passes a multiple of the interval takes one snapshot")
  func saveThatPassesAMultiple() async throws {
    let school = DogSchool(recorder: events, snapshots: snapshots, snapshotInterval: 5)
    var dog = Dog.register(name: "Fido")
    dog.addTrick("sit")
    dog.addTrick("stay")  // version 3
    try await school.save(dog)
    var later = try await school.repository.get(dog.id)
    for trick in ["roll over", "fetch ball", "play dead", "shake hands"] { later.addTrick(trick) }
    try await school.save(later)  // versions 4...7 pass 5
    let versions = try await snapshotVersions(of: dog.id)
    #expect(
      versions.count == 1 && (5...7).contains(versions.first ?? 0),
      "Task 4: a save from version 3 to 7 passes 5, so it should take exactly one snapshot (at 7, the dog in hand): found \(versions)."
    )
    let loaded = try await school.repository.get(dog.id)
    #expect(loaded.version == 7 && loaded.tricks.count == 6, "Task 4: the dog should load after it.")
  }

  @Test("Task 4: without an interval, or without a snapshot recorder, saves take no snapshot")
  func noIntervalNoSnapshots() async throws {
    let school = DogSchool(recorder: events, snapshots: snapshots)
    let id = try await school.registerDog(name: "Fido")
    for number in 1...10 { try await school.addTrick(id, trick: "trick \(number)") }
    #expect(try await snapshotVersions(of: id).isEmpty, "Task 4: without an interval, save(_:) should take no snapshot.")
    let plain = DogSchool(recorder: InMemoryRecorder(), snapshotInterval: 2)
    let rex = try await plain.registerDog(name: "Rex")
    try await plain.addTrick(rex, trick: "sit")
    #expect(try await plain.getDog(rex).tricks == ["sit"], "Task 4: a school without a snapshot recorder should save without snapshots.")
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
