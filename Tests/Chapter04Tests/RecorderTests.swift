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

  /// Runs `body` with the path of a database file in a new temporary folder, then removes it.
  func withFile<Result>(_ body: (String) async throws -> Result) async throws -> Result {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("chapter04-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    return try await body(folder.appendingPathComponent("events.sqlite").path)
  }

  // MARK: - Task 3 (these tests use only insert, so that they pass before tasks 4 and 5)

  @Test("Task 3: each inserted event gets the next notification ID, across calls and dogs")
  func numbersEveryEvent() async throws {
    let recorder = try SQLiteRecorder(path: ":memory:")
    let fido = UUID()
    let rex = UUID()
    let first = try? await recorder.insert(events(fido, 1...3))
    #expect(
      first == [1, 2, 3], "Task 3: the first insert should return the notification IDs 1, 2, 3.")
    // Rex has his own versions 1 and 2: the UNIQUE key covers the dog and the version together.
    let second = try? await recorder.insert(events(rex, 1...2))
    #expect(
      second == [4, 5],
      """
      Task 3: another dog's versions 1 and 2 should be stored and get the notification IDs 4 \
      and 5 (database.lastInsertedRowID after each INSERT), not \
      \(second.map { "\($0)" } ?? "an error").
      """)
    let third = try? await recorder.insert(events(fido, 4...4) + events(rex, 3...3))
    #expect(third == [6, 7], "Task 3: a mixed insert should return the notification IDs 6 and 7.")
    let none = try? await recorder.insert([])
    #expect(none == [], "Task 3: inserting no events should return no notification IDs.")
  }

  @Test("Task 3: a taken version throws versionConflict and stores nothing of the insert")
  func versionConflict() async throws {
    let recorder = try SQLiteRecorder(path: ":memory:")
    let fido = UUID()
    let rex = UUID()
    try await recorder.insert(events(fido, 1...2))
    await #expect(
      throws: RecorderError.versionConflict(originatorID: fido, version: 2),
      "Task 3: inserting Fido's taken version 2 should throw RecorderError.versionConflict for it."
    ) {
      try await recorder.insert(events(rex, 1...1) + events(fido, 2...3))
    }
    // Had Rex's version 1 or Fido's version 3 been stored, they would clash now.
    let again = try? await recorder.insert(events(rex, 1...1) + events(fido, 3...3))
    #expect(
      again == [3, 4],
      """
      Task 3: a refused insert should store nothing, and use up no notification ID: insert \
      inside database.transaction { }. After it, the same events without the clash should \
      get the IDs 3 and 4, not \(again.map { "\($0)" } ?? "an error").
      """)
    await #expect(
      throws: RecorderError.versionConflict(originatorID: fido, version: 1),
      "Task 3: a taken version 1 should throw versionConflict too: a plain INSERT, no OR IGNORE."
    ) {
      try await recorder.insert(events(fido, 1...1))
    }
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
    let after = try? await recorder.insert(events(id, 1...1))
    #expect(after == [1], "Task 3: the refused insert should have stored nothing.")
  }

  @Test("Task 3: a second recorder on the same file finds the table and the events in it")
  func reopensItsFile() async throws {
    try await withFile { path in
      let fido = UUID()
      let first = try SQLiteRecorder(path: path)
      try await first.insert(events(fido, 1...2))
      let reopened = try? SQLiteRecorder(path: path)
      let second = try #require(
        reopened,
        """
        Task 3: opening a recorder on a file that already has the table should work: \
        CREATE TABLE IF NOT EXISTS.
        """
      )
      await #expect(
        throws: RecorderError.versionConflict(originatorID: fido, version: 2),
        "Task 3: a recorder on the same file should see the versions stored there before."
      ) {
        try await second.insert(events(fido, 2...2))
      }
      let next = try? await second.insert(events(fido, 3...3))
      #expect(
        next == [3], "Task 3: the next event in the reopened file should get notification ID 3.")
    }
  }

  // MARK: - Task 4

  @Test("Task 4: events(for:) returns what was inserted, topic and state unchanged")
  func returnsWhatWasInserted() async throws {
    let recorder = try SQLiteRecorder(path: ":memory:")
    let id = UUID()
    let inserted = events(id, 1...3) + [
      StoredEvent(
        originatorID: id, originatorVersion: 4, topic: "dog-registered.v2 ü",
        state: Data([0, 0xFF, 0x7B, 0x00])),
      StoredEvent(originatorID: id, originatorVersion: 5, topic: "", state: Data()),
    ]
    try await recorder.insert(inserted + events(UUID(), 1...2))
    let read = try? await recorder.events(
      for: id, after: nil, through: nil, descending: false, limit: nil)
    #expect(
      read == inserted,
      "Task 4: events(for:) should return this dog's events as inserted: ID, version, topic, state."
    )
    let nobody = try? await recorder.events(
      for: UUID(), after: nil, through: nil, descending: false, limit: nil)
    #expect(nobody == [], "Task 4: a dog with no events has an empty history.")
  }

  @Test("Task 4: after, through, descending and limit select one dog's events")
  func selectsOneDogsEvents() async throws {
    let recorder = try SQLiteRecorder(path: ":memory:")
    let id = UUID()
    for version in [3, 1, 5, 2, 4, 6, 8, 7] {
      try await recorder.insert(events(id, version...version) + events(UUID(), 1...1))
    }
    func versions(
      after: Int? = nil, through: Int? = nil, descending: Bool = false, limit: Int? = nil
    ) async -> [Int]? {
      try? await recorder.events(
        for: id, after: after, through: through, descending: descending, limit: limit
      ).map(\.originatorVersion)
    }
    #expect(await versions() == Array(1...8), "Task 4: events should come in version order.")
    #expect(await versions(after: 5) == [6, 7, 8], "Task 4: `after` is exclusive.")
    #expect(await versions(through: 3) == [1, 2, 3], "Task 4: `through` is inclusive.")
    #expect(
      await versions(after: 2, through: 5) == [3, 4, 5],
      "Task 4: `after` and `through` together should both apply.")
    #expect(
      await versions(after: 2, through: 6, descending: true, limit: 2) == [6, 5],
      "Task 4: every bound given should apply: after 2, through 6, newest first, 2 events.")
    #expect(await versions(after: 2, limit: 2) == [3, 4], "Task 4: `limit` keeps the first.")
    #expect(
      await versions(descending: true) == Array((1...8).reversed()),
      "Task 4: descending gives the newest first.")
    #expect(
      await versions(descending: true, limit: 3) == [8, 7, 6],
      "Task 4: descending gives the newest first, and `limit` then keeps the newest.")
    #expect(await versions(limit: 0) == [], "Task 4: limit 0 gives no events.")
    #expect(
      await versions(limit: -1) == [],
      "Task 4: a negative limit gives no events (SQLite reads LIMIT -1 as no limit).")
    #expect(await versions(after: 8) == [], "Task 4: nothing comes after the newest version.")
  }

  // MARK: - Task 5

  @Test("Task 5: notifications start at `start`, stop at `stop`, and count `limit`")
  func notifications() async throws {
    let recorder = try SQLiteRecorder(path: ":memory:")
    let empty = try? await recorder.maxNotificationID()
    #expect(
      empty == 0,
      "Task 5: maxNotificationID should be 0 while nothing is recorded (COALESCE … AS max_id).")
    let inserted = events(UUID(), 1...4) + events(UUID(), 1...3)
    try await recorder.insert(inserted)
    func ids(_ start: Int, _ limit: Int, _ stop: Int? = nil) async -> [Int]? {
      try? await recorder.notifications(start: start, limit: limit, stop: stop).map(\.id)
    }
    #expect(await ids(1, 3) == [1, 2, 3], "Task 5: notifications start at 1, inclusive.")
    #expect(await ids(3, 2) == [3, 4], "Task 5: `start` is inclusive.")
    #expect(await ids(5, 10) == [5, 6, 7], "Task 5: `limit` is an upper bound.")
    #expect(await ids(2, 10, 4) == [2, 3, 4], "Task 5: `stop` is inclusive.")
    #expect(await ids(2, 2, 6) == [2, 3], "Task 5: `limit` applies together with `stop`.")
    #expect(await ids(1, 0) == [], "Task 5: limit 0 gives no notifications.")
    let all = try? await recorder.notifications(start: 1, limit: 10, stop: nil)
    #expect(
      all?.map(\.storedEvent) == inserted,
      "Task 5: each notification should carry its event: originator ID, version, topic, state.")
    let last = try? await recorder.maxNotificationID()
    #expect(last == 7, "Task 5: maxNotificationID is the last ID, 7.")
  }

  // MARK: - The library's contract (tasks 3-5)

  /// Whether insert gives every stored event its own notification ID and refuses a taken
  /// version. The library's suite stops the whole test process when two events get one ID,
  /// so it runs only on a recorder that passes this; the task 3 tests say what is wrong.
  func insertKeepsTheBasics(_ recorder: SQLiteRecorder) async -> Bool {
    let fido = UUID()
    let first = try? await recorder.insert(events(fido, 1...2))
    let second = try? await recorder.insert(events(UUID(), 1...3))
    let clash = try? await recorder.insert(events(UUID(), 1...1) + events(fido, 2...2))
    let ids = (first ?? []) + (second ?? [])
    let basics = ids.count == 5 && Set(ids).count == 5 && clash == nil
    #expect(
      basics,
      """
      Task 5: the library's contract needs insert to give each stored event its own \
      notification ID and to refuse a taken version; make the task 3 tests pass first.
      """)
    return basics
  }

  @Test("Task 5: the recorder keeps the library's ApplicationRecorder contract in memory")
  func conformanceInMemory() async throws {
    // The starter code fails here with the task to do, before the suite runs.
    guard await insertKeepsTheBasics(try SQLiteRecorder(path: ":memory:")) else { return }
    try await ApplicationRecorderConformance { try SQLiteRecorder(path: ":memory:") }.run()
  }

  @Test("Task 5: the recorder keeps the library's ApplicationRecorder contract in a file")
  func conformanceInAFile() async throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("chapter04-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let first = try SQLiteRecorder(path: folder.appendingPathComponent("first.sqlite").path)
    guard await insertKeepsTheBasics(first) else { return }
    try await ApplicationRecorderConformance {
      try SQLiteRecorder(path: folder.appendingPathComponent("\(UUID()).sqlite").path)
    }.run()
  }
}
