import Chapter09
import EventSourcing
import Foundation
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

  /// The bytes of every file there is, concatenated.
  func bytes() -> Data {
    files.compactMap { FileManager.default.contents(atPath: $0) }.reduce(Data(), +)
  }

  deinit {
    for file in files { try? FileManager.default.removeItem(atPath: file) }
  }
}

/// The tutorial's test: register Fido, teach two tricks, read him back and read the log.
/// Records its failures with `task` in their messages.
func runTheTutorial(on school: DogSchool, task: Int) async throws {
  let dogID = try await school.registerDog(name: "Fido")
  try await school.addTrick(dogID, trick: "roll over")
  try await school.addTrick(dogID, trick: "fetch ball")
  let details = try await school.getDog(dogID)
  #expect(
    details == DogDetails(name: "Fido", tricks: ["roll over", "fetch ball"]),
    "Task \(task): getDog should tell Fido with both tricks.")
  let notifications = try await school.notificationLog.select(start: 1, limit: 10)
  #expect(
    notifications.map(\.id) == [1, 2, 3],
    "Task \(task): the log should hold three notifications, 1, 2 and 3.")
}
