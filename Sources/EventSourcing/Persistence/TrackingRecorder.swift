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
