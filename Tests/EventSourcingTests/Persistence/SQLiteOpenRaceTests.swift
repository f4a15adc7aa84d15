import EventSourcing
import Foundation
import Testing

/// Several processes open the same new database at the same moment, as the instances of an
/// application do when they are started together: one of them creates the file, one switches
/// it to WAL mode and one creates the tables, while the others find it locked. Some of those
/// refusals come at once, without the busy timeout's wait, so opening tries again until the
/// lock timeout has passed.
@Suite("SQLiteRecorder opened while other connections lock the database")
struct SQLiteOpenRaceTests {
  @Test("Processes that open a new database together all start, save and read")
  func processesOpenTogether() async throws {
    let executable = try builtExecutable(named: "recorder-stress", overrideVariable: "RECORDER_STRESS")
    try await withTemporaryDirectory { directory in
      let processes = 6
      let rounds = 100
      let outputs = try await withThrowingTaskGroup(of: (Int32, String).self) { group in
        for index in 0..<processes {
          group.addTask {
            try await runChildProcess(
              executable,
              ["open", directory.path, String(rounds), String(index), String(processes)],
              output: directory.appendingPathComponent("process-\(index).out"))
          }
        }
        return try await group.reduce(into: []) { $0.append($1) }
      }
      var failures: [String] = []
      for (status, output) in outputs {
        let lines = output.split(separator: "\n").map(String.init)
        failures += lines.filter { $0.hasPrefix("failed ") }
        #expect(lines.contains("rounds \(rounds) failures 0"), "a process did not finish: \(output)")
        #expect(status == 0)
      }
      let shown = failures.prefix(10).joined(separator: "\n")
      #expect(failures.isEmpty, "\(failures.count) of \(processes * rounds) openings failed:\n\(shown)")
    }
  }

  // Switching to WAL mode reads the file's header, then writes it. When another connection
  // holds the write lock of a file in rollback-journal mode, as the process that creates a
  // new database does for a moment, that upgrade from reading to writing is refused at once:
  // SQLite does not call the busy handler, since a reader waiting for a writer that may wait
  // for readers could deadlock.
  @Test("A write lock that clears within the lock timeout only delays the opening")
  func writeLockDelaysOpening() async throws {
    try await withTemporaryDirectory { directory in
      let path = directory.appendingPathComponent("rollback.sqlite").path
      let writer = try RawConnection(path: path)
      try writer.execute("CREATE TABLE other (value INTEGER)")
      try writer.execute("BEGIN IMMEDIATE; INSERT INTO other VALUES (1)")
      let opening = Task.detached { try SQLiteRecorder(path: path, lockTimeout: .seconds(20)) }
      try await Task.sleep(for: .milliseconds(200))
      try writer.execute("COMMIT")
      let recorder = try await opening.value
      let event = StoredEvent(originatorID: UUID(), originatorVersion: 1, topic: "t", state: Data())
      try await recorder.insert([event])
      #expect(try await recorder.events(for: event.originatorID) == [event])
    }
  }

  @Test("A lock that outlasts the lock timeout fails the opening, naming the timeout")
  func lockOutlastingTimeoutFails() async throws {
    try await withTemporaryDirectory { directory in
      let path = directory.appendingPathComponent("locked.sqlite").path
      let writer = try RawConnection(path: path)
      try writer.execute("BEGIN EXCLUSIVE")
      let error = #expect(throws: RecorderError.self) {
        try SQLiteRecorder(path: path, lockTimeout: .milliseconds(300))
      }
      try writer.execute("ROLLBACK")
      guard case .database(let code, let message, let operation) = error else {
        Issue.record("expected a database error, got \(String(describing: error))")
        return
      }
      #expect(code & 0xFF == 5, "SQLITE_BUSY")
      #expect(message.contains("longer than the lock timeout of 0.3 seconds"), "\(message)")
      #expect(operation.contains(path))
    }
  }
}
