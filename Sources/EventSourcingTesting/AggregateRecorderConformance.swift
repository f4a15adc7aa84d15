public import EventSourcing
import Foundation
import Testing

/// Checks that a recorder keeps the ``AggregateRecorder`` contract.
///
/// Run it from a test of your recorder; each check gets a new, empty recorder from the
/// factory, and a failure points at the line of the check in this file:
///
/// ```swift
/// import EventSourcingTesting
/// import Testing
///
/// @Test func meetsTheAggregateRecorderContract() async throws {
///   try await AggregateRecorderConformance { try MyRecorder() }.run()
/// }
/// ```
public struct AggregateRecorderConformance: Sendable {
  private let makeRecorder: @Sendable () async throws -> any AggregateRecorder

  /// Creates a suite that builds a fresh, empty recorder for each check.
  public init(makeRecorder: @escaping @Sendable () async throws -> any AggregateRecorder) {
    self.makeRecorder = makeRecorder
  }

  /// Runs every check, recording failures in the current test.
  public func run() async throws {
    try await insertsAndSelects()
    try await keepsStateBytesExactly()
    try await returnsEventsInVersionOrder()
    try await rejectsTakenVersion()
    try await rejectsDuplicateVersionWithinOneInsert()
    try await insertsAtomically()
    try await selectsAfterThroughAndLimit()
    try await selectsDescending()
    try await letsExactlyOneConcurrentWriterWinEachVersion()
  }

  /// An inserted event comes back as it went in, and only for its own aggregate.
  public func insertsAndSelects() async throws {
    let recorder = try await makeRecorder()
    let id = UUID()
    let event = TestEvents.make(id, version: 1)
    try await recorder.insert([event])
    #expect(try await recorder.events(for: id) == [event])
    #expect(try await recorder.events(for: UUID()).isEmpty)
    try await recorder.insert([])
    #expect(try await recorder.events(for: id) == [event])
  }

  /// State is opaque bytes: empty, binary and large states come back unchanged.
  public func keepsStateBytesExactly() async throws {
    let recorder = try await makeRecorder()
    let id = UUID()
    let states = [Data(), Data((0...255).map { UInt8($0) }), Data(repeating: 0xA5, count: 200_000)]
    let events = states.enumerated().map { index, state in
      StoredEvent(
        originatorID: id, originatorVersion: index + 1, topic: "Testing.Bytes", state: state)
    }
    try await recorder.insert(events)
    #expect(try await recorder.events(for: id) == events)
  }

  /// Events come back in ascending version order, whatever order they were inserted in.
  public func returnsEventsInVersionOrder() async throws {
    let recorder = try await makeRecorder()
    let id = UUID()
    for version in [3, 1, 5, 2, 4] {
      try await recorder.insert([TestEvents.make(id, version: version)])
    }
    let versions = try await recorder.events(for: id).map(\.originatorVersion)
    #expect(versions == [1, 2, 3, 4, 5])
  }

  /// A second insert of a recorded version throws a conflict naming the aggregate and version.
  public func rejectsTakenVersion() async throws {
    let recorder = try await makeRecorder()
    let id = UUID()
    let first = TestEvents.make(id, version: 1)
    try await recorder.insert([first])
    let rival = StoredEvent(
      originatorID: id, originatorVersion: 1, topic: "Testing.Rival", state: Data("rival".utf8))
    await #expect(throws: RecorderError.versionConflict(originatorID: id, version: 1)) {
      try await recorder.insert([rival])
    }
    #expect(try await recorder.events(for: id) == [first])
  }

  /// The same version twice in one insert is a conflict too, and nothing is stored.
  public func rejectsDuplicateVersionWithinOneInsert() async throws {
    let recorder = try await makeRecorder()
    let id = UUID()
    let batch = [TestEvents.make(id, version: 1), TestEvents.make(id, version: 2),
      TestEvents.make(id, version: 1)]
    await #expect(throws: RecorderError.versionConflict(originatorID: id, version: 1)) {
      try await recorder.insert(batch)
    }
    #expect(try await recorder.events(for: id).isEmpty)
  }

  /// An insert with one clashing event stores none of its events, of any aggregate, and the
  /// error names the clashing event.
  public func insertsAtomically() async throws {
    let recorder = try await makeRecorder()
    let id = UUID()
    let other = UUID()
    try await recorder.insert(TestEvents.make(id, versions: 1...2))
    let batch = [TestEvents.make(other, version: 1), TestEvents.make(id, version: 3),
      TestEvents.make(id, version: 2), TestEvents.make(id, version: 4)]
    await #expect(throws: RecorderError.versionConflict(originatorID: id, version: 2)) {
      try await recorder.insert(batch)
    }
    #expect(try await recorder.events(for: other).isEmpty)
    #expect(try await recorder.events(for: id).map(\.originatorVersion) == [1, 2])
    // The failed insert left nothing behind that blocks the next one.
    try await recorder.insert(TestEvents.make(id, versions: 3...4))
    #expect(try await recorder.events(for: id).map(\.originatorVersion) == [1, 2, 3, 4])
  }

  /// `after` is exclusive, `through` is inclusive, and `limit` keeps the oldest.
  public func selectsAfterThroughAndLimit() async throws {
    let recorder = try await makeRecorder()
    let id = UUID()
    try await recorder.insert(TestEvents.make(id, versions: 1...10))
    func versions(after: Int? = nil, through: Int? = nil, limit: Int? = nil) async throws -> [Int] {
      try await recorder.events(for: id, after: after, through: through, limit: limit)
        .map(\.originatorVersion)
    }
    #expect(try await versions(after: 3) == Array(4...10))
    #expect(try await versions(through: 5) == Array(1...5))
    #expect(try await versions(after: 3, through: 6) == [4, 5, 6])
    #expect(try await versions(limit: 3) == [1, 2, 3])
    #expect(try await versions(after: 2, limit: 3) == [3, 4, 5])
    #expect(try await versions(after: 8, limit: 5) == [9, 10])
    #expect(try await versions(after: 10) == [])
    #expect(try await versions(after: 0) == Array(1...10))
    #expect(try await versions(through: 0) == [])
    #expect(try await versions(limit: 0) == [])
  }

  /// Descending order returns the newest first, and `limit` then keeps the newest.
  public func selectsDescending() async throws {
    let recorder = try await makeRecorder()
    let id = UUID()
    try await recorder.insert(TestEvents.make(id, versions: 1...10))
    func versions(after: Int? = nil, through: Int? = nil, limit: Int? = nil) async throws -> [Int] {
      try await recorder.events(
        for: id, after: after, through: through, descending: true, limit: limit
      ).map(\.originatorVersion)
    }
    #expect(try await versions() == Array((1...10).reversed()))
    #expect(try await versions(limit: 3) == [10, 9, 8])
    #expect(try await versions(limit: 1) == [10])
    #expect(try await versions(after: 7) == [10, 9, 8])
    #expect(try await versions(through: 5, limit: 2) == [5, 4])
    #expect(try await versions(after: 2, through: 6, limit: 3) == [6, 5, 4])
  }

  /// Many tasks insert the same versions at once: exactly one insert wins each version, the
  /// others get conflicts, and every aggregate ends with one unbroken history.
  public func letsExactlyOneConcurrentWriterWinEachVersion() async throws {
    let recorder = try await makeRecorder()
    let ids = (0..<3).map { _ in UUID() }
    let writers = 8
    let versions = 1...10
    let wins = try await withThrowingTaskGroup(of: [String].self) { group in
      for writer in 0..<writers {
        group.addTask {
          var won: [String] = []
          for version in versions {
            for id in ids {
              let event = StoredEvent(
                originatorID: id, originatorVersion: version, topic: "Testing.Writer\(writer)",
                state: Data())
              do {
                try await recorder.insert([event])
                won.append("\(id) \(version)")
              } catch RecorderError.versionConflict(let originatorID, let clashing) {
                #expect(originatorID == id && clashing == version)
              }
            }
          }
          return won
        }
      }
      return try await group.reduce(into: []) { $0 += $1 }
    }
    #expect(wins.count == ids.count * versions.count)
    #expect(Set(wins).count == wins.count)
    for id in ids {
      #expect(try await recorder.events(for: id).map(\.originatorVersion) == Array(versions))
    }
  }
}
