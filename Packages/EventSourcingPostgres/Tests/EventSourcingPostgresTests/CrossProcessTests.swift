import EventSourcing
import EventSourcingPostgres
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writer processes and a follower process on one server, each killed with SIGKILL at random
/// moments and started again.
@Suite(
  .enabled(if: TestDatabase.isConfigured, TestDatabase.skipReason), .timeLimit(.minutes(3)))
struct CrossProcessTests {
  @Test func killedWritersAndFollowerLoseNothingAndRepeatNothing() async throws {
    let executable = try stressExecutable()
    let leader = TestDatabase.uniqueTable("leader")
    let followerTable = TestDatabase.uniqueTable("follower")
    let trackingTable = TestDatabase.uniqueTable("followtrack")
    let output = FileManager.default.temporaryDirectory
      .appendingPathComponent("postgres-stress-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: output) }
    var started = 0
    func start(_ arguments: [String]) throws -> (Process, URL) {
      started += 1
      let file = output.appendingPathComponent("\(started).out")
      _ = FileManager.default.createFile(atPath: file.path, contents: nil)
      let process = Process()
      process.executableURL = executable
      process.arguments = arguments
      process.standardOutput = try FileHandle(forWritingTo: file)
      try process.run()
      return (process, file)
    }
    let writerArguments = ["write", leader]
    let followerArguments = ["follow", leader, followerTable, trackingTable]
    // The leader's table exists before anyone races to create it.
    try await PostgresApplicationRecorder(settings: TestDatabase.requiredSettings(), table: leader)
      .prepare()
    var running = try (0..<3).map { _ in try start(writerArguments) }
    running.append(try start(followerArguments))
    var finished: [(Process, URL)] = []
    var kills = 0
    let deadline = ContinuousClock.now + .seconds(6)
    while ContinuousClock.now < deadline {
      try await Task.sleep(for: .milliseconds(Int.random(in: 50...400)))
      let index = Int.random(in: running.indices)
      let (process, _) = running[index]
      #expect(process.isRunning, "a stress process ended by itself")
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      kills += 1
      finished.append(running[index])
      running[index] = try start(index == 3 ? followerArguments : writerArguments)
    }
    for (process, _) in running {
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
    }
    finished += running
    // A last follower, left alone, processes the rest of the log and exits.
    let (last, _) = try start(followerArguments + ["--until-caught-up"])
    last.waitUntilExit()
    #expect(last.terminationReason == .exit && last.terminationStatus == 0)

    let settings = try TestDatabase.requiredSettings()
    let log = try PostgresApplicationRecorder(settings: settings, table: leader)
    let total = try await log.maxNotificationID()
    let notifications = try await log.notifications(start: 1, limit: total + 10)
    // No gaps, though writers died holding the table lock and in mid-transaction.
    #expect(notifications.map(\.id) == Array(1...max(total, 1)))
    // Every insert a writer saw commit is in the log, under the ID it was given.
    let byID = Dictionary(notifications.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    var acknowledged = 0
    for (_, file) in finished {
      for line in try acknowledgedLines(file) {
        let fields = line.split(separator: " ")
        let notification = byID[Int(fields[1]) ?? 0]
        #expect(notification?.originatorID.uuidString == String(fields[2]))
        #expect(notification?.originatorVersion == Int(fields[3]))
        acknowledged += 1
      }
    }
    #expect(acknowledged > 0 && acknowledged <= total)
    // The follower processed each notification exactly once: its events mirror the leader's.
    let follower = try PostgresProcessRecorder(
      settings: settings, eventsTable: followerTable, trackingTable: trackingTable)
    #expect(try await follower.maxTrackingID(for: leader) == total)
    let processed = try await follower.notifications(start: 1, limit: total + 10)
    #expect(processed.count == total)
    #expect(
      Set(processed.map { String(decoding: $0.state, as: UTF8.self) })
        == Set((1...max(total, 1)).map(String.init)))
    #expect(kills >= 5, "only \(kills) kills")
  }

  /// The complete lines of a child's output; a kill may cut the last one short.
  private func acknowledgedLines(_ file: URL) throws -> [Substring] {
    let text = try String(contentsOf: file, encoding: .utf8)
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    lines.removeLast()  // after the last newline: empty, or a line cut short
    return lines.filter { $0.hasPrefix("ok ") && $0.split(separator: " ").count == 4 }
  }

  /// The postgres-stress executable SwiftPM built next to the tests.
  private func stressExecutable() throws -> URL {
    var folders = Bundle.allBundles.map(\.bundleURL)
      .filter { $0.pathExtension == "xctest" }
      .map { $0.deletingLastPathComponent() }
    folders.append(Bundle.main.bundleURL)
    if let executable = Bundle.main.executableURL {
      folders.append(executable.deletingLastPathComponent())
    }
    let found = folders.map { $0.appendingPathComponent("postgres-stress") }
      .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    return try #require(found, "postgres-stress not built; run swift build first")
  }
}
