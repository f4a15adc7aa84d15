import Chapter04
import enum EventSourcing.RecorderError
import struct EventSourcing.StoredEvent
import Foundation
import GivenBasics
import GivenDog
import GivenEvents
import Testing

@Suite("Chapter 4, task 6: a school that survives a restart")
struct SchoolTests {
  /// A database file in a new temporary folder, removed by `removeFolder()`.
  let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chapter04-\(UUID())")
  var path: String { folder.appendingPathComponent("school.sqlite").path }

  func makeFolder() throws {
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  }

  func removeFolder() {
    try? FileManager.default.removeItem(at: folder)
  }

  @Test("Task 6: a new school on the same file sees every dog and trick")
  func survivesARestart() async throws {
    try makeFolder()
    defer { removeFolder() }
    let (fido, rex): (UUID, UUID)
    do {
      let school = try DogSchool(path: path)
      fido = try await school.registerDog(name: "Fido")
      rex = try await school.registerDog(name: "Rex")
      try await school.addTrick(fido, trick: "roll over")
      try await school.addTrick(fido, trick: "fetch ball")
      try await school.addTrick(rex, trick: "sit")
    }
    // The first school is gone; a new one opens the same file.
    let restarted = try DogSchool(path: path)
    let fidoDetails = try? await restarted.getDog(fido)
    let rexDetails = try? await restarted.getDog(rex)
    #expect(
      fidoDetails == DogDetails(name: "Fido", tricks: ["roll over", "fetch ball"])
        && rexDetails == DogDetails(name: "Rex", tricks: ["sit"]),
      "Task 6: a school on the same file should see the dogs the first one saved.")
    // Both schools may stay open on one file; the second one saves too.
    try await restarted.addTrick(fido, trick: "play dead")
    let again = try await DogSchool(path: path).getDog(fido)
    #expect(again.tricks.count == 3, "Task 6: a later school sees the restarted one's trick.")
  }

  @Test("Task 6: save stores each pending event once, through the mapper")
  func saveStoresMappedEvents() async throws {
    try makeFolder()
    defer { removeFolder() }
    let school = try DogSchool(path: path)
    var dog = Dog.register(name: "Fido")
    dog.addTrick("roll over")
    try await school.save(dog)
    let stored = try await SQLiteRecorder(path: path).events(
      for: dog.id, after: nil, through: nil, descending: false, limit: nil)
    let expected = try dog.pendingEvents.map(DogEventMapper().storedEvent(from:))
    #expect(
      stored == expected,
      "Task 6: save should map the dog's pending events and insert them into the file.")
  }

  @Test("Task 6: a stale copy of a dog gets a version conflict from the database")
  func staleSaveConflicts() async throws {
    let school = DogSchool(recorder: try SQLiteRecorder(path: ":memory:"))
    let id = try await school.registerDog(name: "Fido")
    var first = try await school.repository.get(id)
    var second = try await school.repository.get(id)
    first.addTrick("sit")
    second.addTrick("stay")
    try await school.save(first)
    await #expect(
      throws: RecorderError.versionConflict(originatorID: id, version: 2),
      "Task 6: saving a stale dog should fail with the recorder's versionConflict."
    ) {
      try await school.save(second)
    }
  }

  @Test("Task 6: a clash at a later pending event stores none of the dog's new events")
  func saveIsOneInsert() async throws {
    let recorder = try SQLiteRecorder(path: ":memory:")
    let school = DogSchool(recorder: recorder)
    let id = try await school.registerDog(name: "Fido")
    var dog = try await school.repository.get(id)
    dog.addTrick("sit")  // version 2
    dog.addTrick("stay")  // version 3
    // Meanwhile another writer took version 3 (the recorder does not ask for version 2 first).
    let taken = try DogEventMapper().storedEvent(
      from: RecordedEvent(originatorID: id, originatorVersion: 3, event: .trickAdded(trick: "beg")))
    try await recorder.insert([taken])
    await #expect(
      throws: RecorderError.versionConflict(originatorID: id, version: 3),
      "Task 6: saving a dog whose version 3 is taken should fail with versionConflict."
    ) {
      try await school.save(dog)
    }
    let versions = try await recorder.events(
      for: id, after: nil, through: nil, descending: false, limit: nil
    ).map(\.originatorVersion)
    #expect(
      versions == [1, 3],
      """
      Task 6: after the clash at version 3, the dog's version 2 should not be stored (found \
      versions \(versions)): save should insert all pending events in one insert call, so that \
      the recorder stores the whole decision or none of it.
      """)
  }

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
