import EventSourcing
import EventSourcingPostgres
import Foundation
import Testing

/// Followers are told of new notifications by `LISTEN`/`NOTIFY` instead of polling.
@Suite(
  .enabled(if: TestDatabase.isConfigured, TestDatabase.skipReason), .timeLimit(.minutes(1)))
struct ListenTests {
  @Test func tellsTheLargestIDThenEachInsertOfAnotherPool() async throws {
    let table = TestDatabase.uniqueTable("listen")
    let settings = try TestDatabase.requiredSettings()
    let listener = try PostgresApplicationRecorder(settings: settings, table: table)
    let writer = try PostgresApplicationRecorder(settings: settings, table: table)
    try await writer.insert([TestEvent.make(UUID(), version: 1)])
    var told = listener.newNotificationIDs().makeAsyncIterator()
    #expect(try await told.next() == 1)
    try await writer.insert(TestEvent.make(UUID(), versions: 1...3))
    #expect(try await told.next() == 4)
    try await writer.insert([TestEvent.make(UUID(), version: 1)])
    #expect(try await told.next() == 5)
  }

  @Test func aFollowerThatCatchesUpOnEachValueSeesEveryInsert() async throws {
    let table = TestDatabase.uniqueTable("listenfollow")
    let settings = try TestDatabase.requiredSettings()
    let listener = try PostgresProcessRecorder(
      settings: settings, eventsTable: table, trackingTable: TestDatabase.uniqueTable("lt"))
    let writer = try PostgresApplicationRecorder(settings: settings, table: table)
    let total = 30
    let seen = try await withThrowingTaskGroup(of: [Int]?.self) { group in
      group.addTask {
        var seen: [Int] = []
        for try await _ in listener.newNotificationIDs() {
          let page = try await listener.notifications(start: (seen.last ?? 0) + 1, limit: 100)
          seen += page.map(\.id)
          if seen.count >= total { return seen }
        }
        return nil
      }
      group.addTask {
        for _ in 0..<total {
          try await writer.insert([TestEvent.make(UUID(), version: 1)])
        }
        return nil
      }
      var result: [Int] = []
      for try await case let seen? in group { result = seen }
      return result
    }
    #expect(seen == Array(1...total))
  }

  @Test func anUnreachableServerEndsTheStreamWithTheStartUpError() async throws {
    let port = try FreePort.find()
    let recorder = try PostgresApplicationRecorder(
      settings: PostgresSettings(
        databaseName: "any", host: "127.0.0.1", port: port, user: "any", password: "any"))
    var told = recorder.newNotificationIDs().makeAsyncIterator()
    await #expect(
      throws: PostgresStartUpError.serverUnreachable(
        server: "127.0.0.1:\(port)", reason: "connection refused")
    ) {
      _ = try await told.next()
    }
  }
}
