import EventSourcing
import Foundation
import Testing

@Suite("The notification log under concurrent writers")
struct ConcurrentReaderTests {
  @Test("A reader running beside many writers sees every notification once, in order")
  func noSkippedNotifications() async throws {
    let recorder = InMemoryRecorder()
    let log = NotificationLog(recorder: recorder)
    let writers = 8
    let eventsPerWriter = 50

    let seen = try await withThrowingTaskGroup(of: [Int].self) { group in
      for _ in 0..<writers {
        group.addTask {
          let id = UUID()
          for version in 1...eventsPerWriter {
            try await recorder.insert([
              StoredEvent(originatorID: id, originatorVersion: version, topic: "t", state: Data())
            ])
          }
          return []
        }
      }
      group.addTask {
        var reader = NotificationLogReader(log: log, pageSize: 7)
        var seen: [Int] = []
        while seen.count < writers * eventsPerWriter {
          seen += try await reader.nextPage()
            .map(\.id)
          await Task.yield()
        }
        return seen
      }
      return try await group.reduce(into: [Int]()) { $0 += $1 }
    }
    #expect(seen == Array(1...(writers * eventsPerWriter)))
  }
}
