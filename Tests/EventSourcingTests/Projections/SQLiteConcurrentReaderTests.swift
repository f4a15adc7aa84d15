import EventSourcing
import Foundation
import Synchronization
import Testing

/// SQLite assigns notification IDs under its single write lock and commits them in that order,
/// so a reader can never pass an ID whose transaction commits later. This test reads the log
/// while writer processes append to it.
@Suite("The SQLite notification log under concurrent writer processes")
struct SQLiteConcurrentReaderTests {
  @Test("A reader beside writer processes sees every notification once, in order")
  func readerBesideWriters() async throws {
    let executable = try builtExecutable(named: "recorder-stress", overrideVariable: "RECORDER_STRESS")
    try await withTemporaryDirectory { directory in
      let path = directory.appendingPathComponent("shared.sqlite").path
      _ = try SQLiteRecorder(path: path)
      let writersDone = Mutex(false)
      let reader = Task {
        var reader = NotificationLogReader(
          log: NotificationLog(recorder: try SQLiteRecorder(path: path)), pageSize: 5)
        var seen: [Int] = []
        while true {
          let finished = writersDone.withLock { $0 }
          let page = try await reader.nextPage().map(\.id)
          seen += page
          if page.isEmpty {
            if finished { return seen }
            try await Task.sleep(for: .milliseconds(1))
          }
        }
      }
      try await withThrowingTaskGroup(of: Void.self) { group in
        for writer in 0..<3 {
          group.addTask {
            let process = Process()
            process.executableURL = executable
            process.arguments = [path, "w\(writer)", "40", UUID().uuidString]
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            await process.exited()
            #expect(process.terminationStatus == 0)
          }
        }
        try await group.waitForAll()
      }
      writersDone.withLock { $0 = true }
      let seen = try await reader.value
      let total = try await SQLiteRecorder(path: path).maxNotificationID()
      #expect(total > 100)
      #expect(seen == Array(1...total), "the reader skipped or repeated a notification")
    }
  }
}
