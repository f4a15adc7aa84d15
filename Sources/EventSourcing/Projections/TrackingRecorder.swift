/// Records how far followers have processed the logs they follow.
///
/// Conforming types must record a tracking position in the same atomic step as the results of
/// processing that notification, and refuse a position that is not beyond the one recorded for
/// that application, with ``TrackingError/alreadyProcessed(_:)``. Then a follower that crashes
/// and restarts resumes where it left off, with nothing missed and nothing applied twice.
public protocol TrackingRecorder: Sendable {
  /// Records that a notification was processed and produced nothing to store.
  func insertTracking(_ tracking: Tracking) async throws

  /// The ID of the last notification processed of the named application, or 0 when none.
  func maxTrackingID(for applicationName: String) async throws -> Int
}

/// An ``ApplicationRecorder`` that records a follower's new events together with its tracking
/// position, for applications that process another application's events into events of
/// their own (the Python library's process applications).
public protocol ProcessRecorder: ApplicationRecorder, TrackingRecorder {
  /// Records events and a tracking position atomically: all of them, or none.
  ///
  /// - Throws: ``TrackingError/alreadyProcessed(_:)`` when the position is not new;
  ///   ``RecorderError/versionConflict(originatorID:version:)`` when a version is taken.
  @discardableResult
  func insert(_ events: [StoredEvent], tracking: Tracking) async throws -> [Int]
}

/// An error recording a tracking position.
public enum TrackingError: Error, Equatable, CustomStringConvertible {
  /// This notification, or a later one, was already processed: processing it again would
  /// apply it twice.
  case alreadyProcessed(Tracking)

  public var description: String {
    switch self {
    case .alreadyProcessed(let tracking):
      "EventNotification \(tracking.notificationID) of \(tracking.applicationName) was already "
        + "processed."
    }
  }
}
