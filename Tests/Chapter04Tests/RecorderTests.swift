import Chapter04
import enum EventSourcing.RecorderError
import struct EventSourcing.StoredEvent
import struct EventSourcingTesting.ApplicationRecorderConformance
import Foundation
import Testing

@Suite("Chapter 4, tasks 3-5: the SQLite recorder")
struct RecorderTests {
  /// The stored events of one dog with the given versions.
  func events(_ id: UUID, _ versions: ClosedRange<Int>) -> [StoredEvent] {
    versions.map {
      StoredEvent(
        originatorID: id, originatorVersion: $0, topic: "DogEvent.trickAdded",
        state: Data(#"{"trick":"trick \#($0)"}"#.utf8))
    }
  }

  // MARK: - Task 3

  @Test("Task 3: inserted events come back, with notification IDs 1, 2, 3")
  func insertsAndSelects() async throws {
    let recorder = try SQLiteRecorder(path: ":memory:")
    let id = UUID()
    let ids = try await recorder.insert(events(id, 1...3))
    #expect(ids == [1, 2, 3], "Task 3: insert should return the notification IDs 1, 2, 3.")
    let read = try await recorder.events(
      for: id, after: nil, through: nil, descending: false, limit: nil)
    #expect(read == events(id, 1...3), "Task 4: events(for:) should return what was inserted.")
  }

  @Test("Task 3: a taken version throws versionConflict and stores nothing of the insert")
  func versionConflict() async throws {
    let recorder = try SQLiteRecorder(path: ":memory:")
    let fido = UUID()
    let rex = UUID()
    try await recorder.insert(events(fido, 1...2))
    await #expect(
      throws: RecorderError.versionConflict(originatorID: fido, version: 2),
      "Task 3: inserting a taken version should throw RecorderError.versionConflict."
    ) {
      try await recorder.insert(events(rex, 1...1) + events(fido, 2...3))
    }
    #expect(
      try await recorder.maxNotificationID() == 2,
      "Task 3: a refused insert should store nothing: insert inside database.transaction { }.")
    let again = try? await recorder.insert(events(rex, 1...1) + events(fido, 3...3))
    #expect(
      again == [3, 4],
      "Task 3: after a refused insert, the next insert should work and get the next IDs.")
  }

  @Test("Task 3: the same version twice in one insert is a conflict")
  func duplicateInOneInsert() async throws {
    let recorder = try SQLiteRecorder(path: ":memory:")
    let id = UUID()
    await #expect(
      throws: RecorderError.versionConflict(originatorID: id, version: 1),
      "Task 3: the UNIQUE (originator_id, originator_version) key should refuse a repeated version."
    ) {
      try await recorder.insert(events(id, 1...2) + events(id, 1...1))
    }
  }

  // MARK: - Task 4

  @Test("Task 4: after, through, descending and limit select one dog's events")
  func selectsOneDogsEvents() async throws {
    let recorder = try SQLiteRecorder(path: ":memory:")
    let id = UUID()
    for version in [3, 1, 5, 2, 4, 6, 8, 7] {
      try await recorder.insert(events(id, version...version) + events(UUID(), 1...1))
    }
    func versions(
      after: Int? = nil, through: Int? = nil, descending: Bool = false, limit: Int? = nil
    )
      async throws -> [Int]
    {
      try await recorder.events(
        for: id, after: after, through: through, descending: descending, limit: limit
      ).map(\.originatorVersion)
    }
    #expect(try await versions() == Array(1...8), "Task 4: events should come in version order.")
    #expect(try await versions(after: 5) == [6, 7, 8], "Task 4: `after` is exclusive.")
    #expect(try await versions(through: 3) == [1, 2, 3], "Task 4: `through` is inclusive.")
    #expect(try await versions(after: 2, limit: 2) == [3, 4], "Task 4: `limit` keeps the first.")
    #expect(
      try await versions(descending: true, limit: 3) == [8, 7, 6],
      "Task 4: descending gives the newest first, and `limit` then keeps the newest.")
    #expect(try await versions(limit: 0) == [], "Task 4: limit 0 gives no events.")
  }

  // MARK: - Task 5

  @Test("Task 5: notifications start at `start`, stop at `stop`, and count `limit`")
  func notifications() async throws {
    let recorder = try SQLiteRecorder(path: ":memory:")
    #expect(
      try await recorder.maxNotificationID() == 0,
      "Task 5: maxNotificationID should be 0 while nothing is recorded.")
    let inserted = events(UUID(), 1...4) + events(UUID(), 1...3)
    try await recorder.insert(inserted)
    func ids(_ start: Int, _ limit: Int, _ stop: Int? = nil) async throws -> [Int] {
      try await recorder.notifications(start: start, limit: limit, stop: stop).map(\.id)
    }
    #expect(try await ids(1, 3) == [1, 2, 3], "Task 5: notifications start at 1, inclusive.")
    #expect(try await ids(3, 2) == [3, 4], "Task 5: `start` is inclusive.")
    #expect(try await ids(5, 10) == [5, 6, 7], "Task 5: `limit` is an upper bound.")
    #expect(try await ids(2, 10, 4) == [2, 3, 4], "Task 5: `stop` is inclusive.")
    let all = try await recorder.notifications(start: 1, limit: 10, stop: nil)
    #expect(
      all.map(\.storedEvent) == inserted,
      "Task 5: each notification should carry its event: originator ID, version, topic, state.")
    #expect(
      try await recorder.maxNotificationID() == 7, "Task 5: maxNotificationID is the last ID.")
  }

  // MARK: - The library's contract (tasks 3-5)

  @Test("Task 5: the recorder keeps the library's ApplicationRecorder contract in memory")
  func conformanceInMemory() async throws {
    _ = try SQLiteRecorder(path: ":memory:")  // Fails with the task to do, before the suite.
    try await ApplicationRecorderConformance { try SQLiteRecorder(path: ":memory:") }.run()
  }

  @Test("Task 5: the recorder keeps the library's ApplicationRecorder contract in a file")
  func conformanceInAFile() async throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("chapter04-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    _ = try SQLiteRecorder(path: folder.appendingPathComponent("first.sqlite").path)
    try await ApplicationRecorderConformance {
      try SQLiteRecorder(path: folder.appendingPathComponent("\(UUID()).sqlite").path)
    }.run()
  }
}
