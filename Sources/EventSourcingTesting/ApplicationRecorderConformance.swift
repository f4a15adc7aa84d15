public import EventSourcing
import Foundation
import Testing

/// Checks that a recorder keeps the ``ApplicationRecorder`` contract, including every check
/// of ``AggregateRecorderConformance``.
///
/// Each check gets a new, empty recorder from the factory:
///
/// ```swift
/// @Test func meetsTheApplicationRecorderContract() async throws {
///   try await ApplicationRecorderConformance { try SQLiteRecorder(path: ":memory:") }.run()
/// }
/// ```
public struct ApplicationRecorderConformance: Sendable {
  private let makeRecorder: @Sendable () async throws -> any ApplicationRecorder

  /// Creates a suite that builds a fresh, empty recorder for each check.
  public init(makeRecorder: @escaping @Sendable () async throws -> any ApplicationRecorder) {
    self.makeRecorder = makeRecorder
  }

  /// Runs every check, recording failures in the current test.
  public func run() async throws {
    try await AggregateRecorderConformance(makeRecorder: makeRecorder).run()
    try await numbersNotificationsFromOne()
    try await leavesNoGapAfterAFailedInsert()
    try await selectsNotificationsByStartLimitAndStop()
    try await numbersConcurrentInsertsWithoutGaps()
  }

  /// EventNotification IDs start at 1, follow the order of the events, and continue across inserts;
  /// the notifications carry the inserted events.
  public func numbersNotificationsFromOne() async throws {
    let recorder = try await makeRecorder()
    #expect(try await recorder.maxNotificationID() == 0)
    #expect(try await recorder.notifications(start: 1, limit: 10).isEmpty)
    let first = UUID()
    let second = UUID()
    let batch = [TestEvents.make(first, version: 1), TestEvents.make(second, version: 1),
      TestEvents.make(first, version: 2)]
    #expect(try await recorder.insert(batch) == [1, 2, 3])
    let more = TestEvents.make(second, versions: 2...3)
    #expect(try await recorder.insert(more) == [4, 5])
    #expect(try await recorder.maxNotificationID() == 5)
    let notifications = try await recorder.notifications(start: 1, limit: 10)
    #expect(notifications.map(\.id) == [1, 2, 3, 4, 5])
    #expect(notifications.map(\.storedEvent) == batch + more)
  }

  /// A refused insert uses up no notification ID.
  public func leavesNoGapAfterAFailedInsert() async throws {
    let recorder = try await makeRecorder()
    let id = UUID()
    try await recorder.insert([TestEvents.make(id, version: 1)])
    await #expect(throws: RecorderError.versionConflict(originatorID: id, version: 1)) {
      try await recorder.insert([
        TestEvents.make(UUID(), version: 1), TestEvents.make(id, version: 1),
      ])
    }
    #expect(try await recorder.maxNotificationID() == 1)
    #expect(try await recorder.insert([TestEvents.make(id, version: 2)]) == [2])
    #expect(try await recorder.notifications(start: 1, limit: 10).map(\.id) == [1, 2])
  }

  /// `start` is inclusive, `limit` counts from it, and `stop` is an inclusive upper bound.
  public func selectsNotificationsByStartLimitAndStop() async throws {
    let recorder = try await makeRecorder()
    for _ in 0..<5 {
      try await recorder.insert(TestEvents.make(UUID(), versions: 1...2))
    }
    func ids(start: Int, limit: Int, stop: Int? = nil) async throws -> [Int] {
      try await recorder.notifications(start: start, limit: limit, stop: stop).map(\.id)
    }
    #expect(try await ids(start: 1, limit: 3) == [1, 2, 3])
    #expect(try await ids(start: 4, limit: 3) == [4, 5, 6])
    #expect(try await ids(start: 9, limit: 5) == [9, 10])
    #expect(try await ids(start: 10, limit: 1) == [10])
    #expect(try await ids(start: 11, limit: 5) == [])
    #expect(try await ids(start: 3, limit: 10, stop: 5) == [3, 4, 5])
    #expect(try await ids(start: 3, limit: 2, stop: 8) == [3, 4])
    #expect(try await ids(start: 6, limit: 10, stop: 5) == [])
    #expect(try await ids(start: 1, limit: 0) == [])
    #expect(try await recorder.maxNotificationID() == 10)
    // Reading page by page from the last ID seen visits every notification once.
    var seen: [Int] = []
    while true {
      let page = try await ids(start: (seen.last ?? 0) + 1, limit: 3)
      guard !page.isEmpty else { break }
      seen += page
    }
    #expect(seen == Array(1...10))
  }

  /// Many tasks insert at once: the IDs they get back are unique, have no gaps, and each
  /// notification carries the event that got its ID.
  public func numbersConcurrentInsertsWithoutGaps() async throws {
    let recorder = try await makeRecorder()
    let clashingID = UUID()
    let results = try await withThrowingTaskGroup(of: [(Int, StoredEvent)].self) { group in
      for _ in 0..<8 {
        group.addTask {
          var assigned: [(Int, StoredEvent)] = []
          for round in 1...10 {
            // Each round also races the other tasks for one version of a shared aggregate.
            let events = TestEvents.make(UUID(), versions: 1...(round % 3 + 1))
              + [TestEvents.make(clashingID, version: round)]
            do {
              assigned += zip(try await recorder.insert(events), events).map { ($0, $1) }
            } catch RecorderError.versionConflict(let id, let version) {
              #expect(id == clashingID && version == round)
            }
          }
          return assigned
        }
      }
      return try await group.reduce(into: []) { $0 += $1 }
    }
    let ids = results.map(\.0).sorted()
    #expect(ids == Array(1..<(ids.count + 1)))
    #expect(try await recorder.maxNotificationID() == ids.count)
    let notifications = try await recorder.notifications(start: 1, limit: ids.count + 10)
    // Not `uniqueKeysWithValues`: a recorder that repeats an ID must fail the check above,
    // not crash the whole test run here.
    let expected = Dictionary(results.map { ($0.0, $0.1) }, uniquingKeysWith: { first, _ in first })
    #expect(notifications.count == ids.count)
    for notification in notifications {
      #expect(notification.storedEvent == expected[notification.id])
    }
    #expect(try await recorder.events(for: clashingID).map(\.originatorVersion) == Array(1...10))
  }
}
