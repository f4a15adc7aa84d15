/// An application is the view of a projection that turns another application's events into
/// events of its own (a process application): its recorder keeps the new events and the
/// tracking position together.
///
/// ```swift
/// var letter = EventSourced<Letter>(creating: .written(to: dogName))
/// try await postOffice.save(&letter, tracking: tracking)
/// ```
extension Application: TrackingRecorder {
  /// Saves an aggregate's pending events together with the position of the notification
  /// that caused them, atomically, and then forgets the events.
  ///
  /// - Throws: ``TrackingError/alreadyProcessed(_:)`` when the notification was processed
  ///   before; ``ConfigurationError/trackingUnsupported`` when the recorder keeps no
  ///   tracking positions; what ``save(_:)-(EventSourced<State>)`` throws. Then nothing is
  ///   stored and the aggregate keeps its pending events.
  @discardableResult
  public func save<State>(
    _ aggregate: inout EventSourced<State>, tracking: Tracking
  ) async throws -> [Int] {
    let saved = try await store([aggregate], tracking: tracking)
    _ = aggregate.collectEvents()
    try await takeDueSnapshots(of: saved.pending)
    return saved.notificationIDs
  }

  /// Saves the pending events of two aggregates together with the position of the
  /// notification that caused them, atomically, and then forgets the events.
  ///
  /// - Throws: What ``save(_:tracking:)-(EventSourced<State>,_)`` throws.
  @discardableResult
  public func save<First, Second>(
    _ first: inout EventSourced<First>, _ second: inout EventSourced<Second>,
    tracking: Tracking
  ) async throws -> [Int] {
    let saved = try await store([first, second], tracking: tracking)
    _ = first.collectEvents()
    _ = second.collectEvents()
    try await takeDueSnapshots(of: saved.pending)
    return saved.notificationIDs
  }

  /// Saves the pending events of aggregates of one type together with the position of the
  /// notification that caused them, atomically, and then forgets the events.
  ///
  /// - Throws: What ``save(_:tracking:)-(EventSourced<State>,_)`` throws.
  @discardableResult
  public func save<State>(
    _ aggregates: inout [EventSourced<State>], tracking: Tracking
  ) async throws -> [Int] {
    let saved = try await store(aggregates, tracking: tracking)
    for index in aggregates.indices { _ = aggregates[index].collectEvents() }
    try await takeDueSnapshots(of: saved.pending)
    return saved.notificationIDs
  }

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
