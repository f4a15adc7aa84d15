import EventSourcing
import Foundation
import Testing

/// Several processes append to one SQLite file at once, through the `recorder-stress`
/// executable, which `swift test` builds because the test target depends on it.
@Suite("SQLiteRecorder shared by several processes")
struct SQLiteMultiProcessTests {
  /// One event that a child process says it saved.
  private struct Acknowledged: Hashable {
    let notificationID: Int
    let originatorID: UUID
    let version: Int
    let topic: String
  }

  @Test("Every acknowledged save is kept, IDs have no gaps, and every clash is reported")
  func concurrentProcesses() async throws {
    let executable = try builtExecutable(named: "recorder-stress", overrideVariable: "RECORDER_STRESS")
    try await withTemporaryDirectory { directory in
      let path = directory.appendingPathComponent("shared.sqlite").path
      // Create the file and its table first, as an application's deployment would.
      let recorder = try SQLiteRecorder(path: path)
      let aggregates = (0..<3).map { _ in UUID().uuidString }
      let writers = 3
      let attempts = 60
      let outputs = try await withThrowingTaskGroup(of: (Int32, String).self) { group in
        for writer in 0..<writers {
          group.addTask {
            try await runChildProcess(
              executable, [path, "w\(writer)", String(attempts)] + aggregates,
              output: directory.appendingPathComponent("w\(writer).out"))
          }
        }
        return try await group.reduce(into: []) { $0.append($1) }
      }
      var acknowledged: [Acknowledged] = []
      var conflicts: [(originatorID: UUID, version: Int, topic: String)] = []
      for (status, output) in outputs {
        #expect(status == 0, "a child process failed: \(output)")
        let lines = output.split(separator: "\n")
        #expect(lines.count == attempts, "every attempt reports its outcome")
        for line in lines {
          let fields = line.split(separator: " ").map(String.init)
          if fields.first == "ok", fields.count >= 3 {
            let ids = fields[1].split(separator: ",").compactMap { Int($0) }
            let events = fields[2...].map { $0.split(separator: ":").map(String.init) }
            #expect(ids.count == events.count)
            for (id, event) in zip(ids, events) where event.count == 3 {
              acknowledged.append(Acknowledged(
                notificationID: id, originatorID: try #require(UUID(uuidString: event[0])),
                version: try #require(Int(event[1])), topic: event[2]))
            }
          } else if fields.first == "conflict", fields.count == 4 {
            conflicts.append((try #require(UUID(uuidString: fields[1])), try #require(Int(fields[2])), fields[3]))
          } else {
            Issue.record("unexpected output line: \(line)")
          }
        }
      }

      // Every acknowledged event is stored under the ID it was given, and nothing else is.
      let stored = try await recorder.notifications(start: 1, limit: 100_000)
      #expect(stored.map(\.id) == Array(1..<(stored.count + 1)), "IDs have no gaps or duplicates")
      #expect(try await recorder.maxNotificationID() == stored.count)
      let storedAsAcknowledged = Set(stored.map {
        Acknowledged(
          notificationID: $0.id, originatorID: $0.originatorID, version: $0.originatorVersion,
          topic: $0.topic)
      })
      #expect(storedAsAcknowledged == Set(acknowledged))
      #expect(stored.count == acknowledged.count)

      // Each reported clash is real: another attempt's event holds that version.
      let holders = Dictionary(
        stored.map { ("\($0.originatorID) \($0.originatorVersion)", $0.topic) },
        uniquingKeysWith: { first, _ in first })
      for conflict in conflicts {
        let holder = holders["\(conflict.originatorID) \(conflict.version)"]
        #expect(holder != nil && holder != conflict.topic)
      }
      // Every shared aggregate ends with one unbroken history.
      for text in aggregates {
        let versions = try await recorder.events(for: try #require(UUID(uuidString: text)))
          .map(\.originatorVersion)
        #expect(versions == Array(1..<(versions.count + 1)))
      }
    }
  }
}
