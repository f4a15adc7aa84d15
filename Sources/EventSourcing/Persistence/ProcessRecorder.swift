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
