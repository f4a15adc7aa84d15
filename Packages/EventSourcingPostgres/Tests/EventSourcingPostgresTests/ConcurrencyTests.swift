import EventSourcing
@testable import EventSourcingPostgres
import Foundation
import Synchronization
import Testing

/// Writers with pools of their own, as separate processes would have, against one table.
@Suite(.enabled(if: TestDatabase.isConfigured, TestDatabase.skipReason))
struct ConcurrencyTests {
  /// Recorders on one table, each with a datastore of its own.
  private func writers(_ count: Int, table: String) throws -> [PostgresApplicationRecorder] {
    let settings = try TestDatabase.requiredSettings()
    return try (0..<count).map { _ in
      try PostgresApplicationRecorder(settings: settings, table: table)
    }
  }

  @Test func aClashAcrossPoolsIsAVersionConflictAndStoresNothingOfTheLoser() async throws {
    let table = TestDatabase.uniqueTable("clash")
    let recorders = try writers(2, table: table)
    let shared = UUID()
    let outcomes = try await withThrowingTaskGroup(of: (Int, Bool).self) { group in
      for (index, recorder) in recorders.enumerated() {
        group.addTask {
          // Each save touches an aggregate of its own and the shared one: atomic or nothing.
          let events = [TestEvent.make(UUID(), version: 1), TestEvent.make(shared, version: 1)]
          do {
            try await recorder.insert(events)
            return (index, true)
          } catch RecorderError.versionConflict(let id, let version) {
            #expect(id == shared && version == 1)
            return (index, false)
          }
        }
      }
      return try await group.reduce(into: [:]) { $0[$1.0] = $1.1 }
    }
    #expect(outcomes.values.filter { $0 }.count == 1)
    // Only the winner's two events are there, numbered 1 and 2.
    let notifications = try await recorders[0].notifications(start: 1, limit: 10)
    #expect(notifications.map(\.id) == [1, 2])
  }

  @Test func anInsertWaitsForATransactionHoldingTheTableLock() async throws {
    let table = TestDatabase.uniqueTable("lock")
    let datastore = try TestDatabase.sharedDatastore()
    let recorder = try PostgresApplicationRecorder(datastore: datastore, table: table)
    try await recorder.prepare()
    let waiter = try PostgresApplicationRecorder(
      settings: TestDatabase.requiredSettings(), table: table)
    try await waiter.prepare()
    let inserted = Flag()
    let waiting = try await datastore.withTransaction { connection in
      try await connection.run(
        "LOCK TABLE \(PostgresIdentifier.qualified(datastore.schema, PostgresIdentifier(table))) "
          + "IN EXCLUSIVE MODE")
      let waiting = Task {
        try await waiter.insert([TestEvent.make(UUID(), version: 1)])
        inserted.set()
      }
      try await Task.sleep(for: .milliseconds(500))
      #expect(!inserted.isSet)
      return waiting
    }
    try await waiting.value
    #expect(inserted.isSet)
    #expect(try await recorder.maxNotificationID() == 1)
  }

  /// A reader that follows the log while writers insert never sees an ID before a lower one
  /// is visible: each page it reads starts where it left off and has no holes.
  @Test func aFollowingReaderNeverSkipsAnID() async throws {
    let table = TestDatabase.uniqueTable("follow")
    let recorders = try writers(4, table: table)
    let reader = try PostgresApplicationRecorder(
      settings: TestDatabase.requiredSettings(), table: table)
    try await reader.prepare()
    let total = 4 * 40
    let done = Flag()
    async let seen: [Int] = {
      var seen: [Int] = []
      var next = 1
      while true {
        let finished = done.isSet
        let page = try await reader.notifications(start: next, limit: 50).map(\.id)
        seen += page
        next = (page.last ?? next - 1) + 1
        if finished && page.isEmpty { return seen }
      }
    }()
    try await withThrowingTaskGroup(of: Void.self) { group in
      for recorder in recorders {
        group.addTask {
          for _ in 0..<20 {
            try await recorder.insert(TestEvent.make(UUID(), versions: 1...2))
          }
        }
      }
      try await group.waitForAll()
    }
    done.set()
    #expect(try await seen == Array(1...total))
  }
}

/// Stored events for these tests.
enum TestEvent {
  static func make(_ id: UUID, version: Int) -> StoredEvent {
    StoredEvent(
      originatorID: id, originatorVersion: version, topic: "Test.Event", state: Data("{}".utf8))
  }

  static func make(_ id: UUID, versions: ClosedRange<Int>) -> [StoredEvent] {
    versions.map { make(id, version: $0) }
  }
}

/// A flag one task raises and others read.
final class Flag: Sendable {
  private let value = Atomic<Bool>(false)

  var isSet: Bool { value.load(ordering: .sequentiallyConsistent) }

  func set() { value.store(true, ordering: .sequentiallyConsistent) }
}
