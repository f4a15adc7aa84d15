public import EventSourcing
import Foundation
import Testing

/// Checks that a tracking recorder keeps the ``TrackingRecorder`` contract: positions start at
/// 0, move forward only, are kept per followed application, and a position is recorded once
/// even when many tasks try at the same time.
///
/// ```swift
/// @Test func meetsTheTrackingContract() async throws {
///   try await TrackingRecorderConformance { try MyView() }.run()
/// }
/// ```
public struct TrackingRecorderConformance: Sendable {
  private let makeRecorder: @Sendable () async throws -> any TrackingRecorder

  /// Creates a suite that builds a fresh, empty recorder for each check.
  public init(makeRecorder: @escaping @Sendable () async throws -> any TrackingRecorder) {
    self.makeRecorder = makeRecorder
  }

  /// Runs every check, recording failures in the current test.
  public func run() async throws {
    try await startsAtZeroAndMovesForward()
    try await refusesPositionsItHasPassed()
    try await keepsPositionsPerApplication()
    try await recordsAPositionOnceUnderConcurrency()
  }

  /// The position of an application never followed is 0; recording moves it.
  public func startsAtZeroAndMovesForward() async throws {
    let recorder = try await makeRecorder()
    #expect(try await recorder.maxTrackingID(for: "Leader") == 0)
    try await recorder.insertTracking(Tracking(applicationName: "Leader", notificationID: 1))
    try await recorder.insertTracking(Tracking(applicationName: "Leader", notificationID: 2))
    #expect(try await recorder.maxTrackingID(for: "Leader") == 2)
    // A follower that skips notifications it does not care about may jump ahead.
    try await recorder.insertTracking(Tracking(applicationName: "Leader", notificationID: 7))
    #expect(try await recorder.maxTrackingID(for: "Leader") == 7)
  }

  /// Recording the same or an earlier position again throws and changes nothing.
  public func refusesPositionsItHasPassed() async throws {
    let recorder = try await makeRecorder()
    try await recorder.insertTracking(Tracking(applicationName: "Leader", notificationID: 5))
    for id in [5, 3] {
      let tracking = Tracking(applicationName: "Leader", notificationID: id)
      await #expect(throws: TrackingError.alreadyProcessed(tracking)) {
        try await recorder.insertTracking(tracking)
      }
    }
    #expect(try await recorder.maxTrackingID(for: "Leader") == 5)
  }

  /// Positions of different followed applications do not affect each other.
  public func keepsPositionsPerApplication() async throws {
    let recorder = try await makeRecorder()
    try await recorder.insertTracking(Tracking(applicationName: "First", notificationID: 9))
    try await recorder.insertTracking(Tracking(applicationName: "Second", notificationID: 1))
    #expect(try await recorder.maxTrackingID(for: "First") == 9)
    #expect(try await recorder.maxTrackingID(for: "Second") == 1)
  }

  /// Of many tasks recording the same position at once, exactly one succeeds.
  public func recordsAPositionOnceUnderConcurrency() async throws {
    let recorder = try await makeRecorder()
    let tracking = Tracking(applicationName: "Leader", notificationID: 1)
    let successes = try await withThrowingTaskGroup(of: Int.self) { group in
      for _ in 0..<20 {
        group.addTask {
          do {
            try await recorder.insertTracking(tracking)
            return 1
          } catch TrackingError.alreadyProcessed {
            return 0
          }
        }
      }
      return try await group.reduce(0, +)
    }
    #expect(successes == 1, "\(successes) tasks recorded the same position")
  }
}
