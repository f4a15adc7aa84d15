/// Turns another application's events into a view: a read model, or events of its own.
///
/// A projection must make the change for a notification and record its tracking position in
/// one atomic step of its view, and must track notifications it ignores too:
///
/// ```swift
/// struct DogsPerTrick: Projection {
///   let mapper: Mapper
///
///   func process(_ notification: EventNotification, tracking: Tracking, in view: some DogsPerTrickView) async throws {
///     guard let recorded = try mapper.recordedEvent(Dog.Event.self, ifTopicMatches: notification),
///       case .trickAdded(let trick) = recorded.event
///     else { return try await view.insertTracking(tracking) }
///     try await view.add(dog: recorded.originatorID, trick: trick, tracking: tracking)
///   }
/// }
/// ```
public protocol Projection: Sendable {
  /// Where the projection records its results and its tracking positions.
  associatedtype View: TrackingRecorder

  /// Processes one notification of the followed application.
  func process(_ notification: EventNotification, tracking: Tracking, in view: View) async throws
}
