import Chapter09
import EventSourcing
import Foundation
import struct GivenBasics.DogDetails
import Testing

/// A temporary SQLite file path that is removed, with its side files, when the value is
/// dropped at the end of a test.
final class TemporaryDatabase: Sendable {
  let path: String

  init() {
    path = FileManager.default.temporaryDirectory
      .appendingPathComponent("chapter09-\(UUID().uuidString).sqlite").path
  }

  /// Every file SQLite may have written: the database and its journal files.
  var files: [String] { [path, path + "-wal", path + "-shm", path + "-journal"] }

  /// Whether the database file exists.
  var exists: Bool { FileManager.default.fileExists(atPath: path) }

  /// The bytes of every file there is, concatenated.
  func bytes() -> Data {
    files.compactMap { FileManager.default.contents(atPath: $0) }.reduce(Data(), +)
  }

  /// The events of one aggregate stored in the file, as the library's SQLite recorder reads
  /// them, whatever settings the school was given. Check `exists` first: opening a missing
  /// file creates it.
  func storedEvents(of id: UUID) async throws -> [StoredEvent] {
    try await SQLiteRecorder(path: path).events(for: id, after: nil, through: nil, limit: nil)
  }

  deinit {
    for file in files { try? FileManager.default.removeItem(atPath: file) }
  }
}

/// Runs `body` and, when it throws, records an issue naming `task` before passing the error
/// on, so that an unexpected error sends the learner to the task it comes from.
func attempt<T>(
  task: Int, _ what: String, _ body: () async throws -> T
) async throws -> T {
  do {
    return try await body()
  } catch {
    Issue.record("Task \(task): \(what) threw an unexpected error: \(error)")
    throw error
  }
}

/// Creates a school, recording an issue naming `task` when the settings are refused.
func makeSchool(
  _ settings: [String: String], snapshotEvery: Int? = nil, task: Int
) async throws -> DogSchool {
  try await attempt(task: task, "DogSchool(environment:) with \(settings.keys.sorted())") {
    try DogSchool(environment: settings, snapshotEvery: snapshotEvery)
  }
}

/// The tutorial's test: register Fido, teach two tricks, read him back and read the log.
/// Records its failures with `task` in their messages; returns Fido's ID.
@discardableResult
func runTheTutorial(on school: DogSchool, task: Int) async throws -> UUID {
  let dogID = try await attempt(task: task, "registerDog(name:)") {
    try await school.registerDog(name: "Fido")
  }
  try await attempt(task: task, "addTrick(_:trick:)") {
    try await school.addTrick(dogID, trick: "roll over")
    try await school.addTrick(dogID, trick: "fetch ball")
  }
  let details = try await attempt(task: task, "getDog(_:)") { try await school.getDog(dogID) }
  #expect(
    details == DogDetails(name: "Fido", tricks: ["roll over", "fetch ball"]),
    "Task \(task): getDog should tell Fido with both tricks.")
  let notifications = try await attempt(task: task, "notificationLog.select(start:limit:)") {
    try await school.notificationLog.select(start: 1, limit: 10)
  }
  #expect(
    notifications.map(\.id) == [1, 2, 3],
    "Task \(task): the log should hold three notifications, 1, 2 and 3.")
  return dogID
}
