/// An application is the view of a projection that turns another application's events into
/// events of its own (a process application): its recorder keeps the new events and the
/// tracking position together.
extension Application: TrackingRecorder {
  /// Saves the pending events of the given aggregates together with the position of the
  /// notification that caused them, atomically.
  ///
  /// - Throws: ``TrackingError/alreadyProcessed(_:)`` when the notification was processed
  ///   before; ``ConfigurationError/trackingUnsupported`` when the recorder keeps no
  ///   tracking positions.
  @discardableResult
  public func save(_ aggregates: [any SavableAggregate], tracking: Tracking) async throws -> [Int] {
    let events = try aggregates.flatMap { try $0.pendingStoredEvents(using: mapper) }
    return try await processRecorder().insert(events, tracking: tracking)
  }

  public func insertTracking(_ tracking: Tracking) async throws {
    try await processRecorder().insert([], tracking: tracking)
  }

  public func maxTrackingID(for applicationName: String) async throws -> Int {
    try await processRecorder().maxTrackingID(for: applicationName)
  }

  private func processRecorder() throws -> any ProcessRecorder {
    guard let recorder = recorder as? any ProcessRecorder else {
      throw ConfigurationError.trackingUnsupported
    }
    return recorder
  }
}
