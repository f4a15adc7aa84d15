/// An application is the view of a projection that turns another application's events into
/// events of its own (a process application): its recorder keeps the new events and the
/// tracking position together, saved by ``Application/save(_:tracking:)`` and its siblings.
///
/// ```swift
/// var letter = EventSourced<Letter>(creating: .written(to: dogName))
/// try await postOffice.save(&letter, tracking: tracking)
/// ```
extension Application: TrackingRecorder {
  /// Records that a notification was processed and produced no events.
  ///
  /// - Throws: ``TrackingError/alreadyProcessed(_:)`` when it was processed before;
  ///   ``ConfigurationError/trackingUnsupported`` when the recorder keeps no tracking
  ///   positions.
  public func insertTracking(_ tracking: Tracking) async throws {
    _ = try await store([], tracking: tracking)
  }

  public func maxTrackingID(for applicationName: String) async throws -> Int {
    guard let recorder = recorder as? any ProcessRecorder else {
      throw ConfigurationError.trackingUnsupported
    }
    return try await recorder.maxTrackingID(for: applicationName)
  }
}
