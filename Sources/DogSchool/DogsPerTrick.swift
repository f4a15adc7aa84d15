public import EventSourcing
public import Foundation

/// The tutorial's read model: how many dogs know each trick, kept up to date by following the
/// dog school's notification log.
public struct DogsPerTrick<View: DogsPerTrickView>: Projection {
  /// Reads the school's events; it must be configured like the school's own mapper.
  public let mapper: Mapper

  /// Creates the projection with the mapper that reads the school's events.
  public init(mapper: Mapper) {
    self.mapper = mapper
  }

  public func process(_ notification: EventNotification, tracking: Tracking, in view: View) async throws {
    guard let recorded = try mapper.recordedEvent(Dog.Event.self, ifTopicMatches: notification),
      case .trickAdded(let trick) = recorded.event
    else {
      // Other events change nothing here, but the view must still move past them.
      return try await view.insertTracking(tracking)
    }
    try await view.addDog(recorded.originatorID, toTrick: trick, tracking: tracking)
  }
}

/// Where ``DogsPerTrick`` keeps its counts and tracking positions.
public protocol DogsPerTrickView: TrackingRecorder {
  /// Records that a dog knows a trick, and the position of the notification that said so,
  /// atomically. A dog that learns a trick twice counts once.
  func addDog(_ dogID: UUID, toTrick trick: String, tracking: Tracking) async throws

  /// How many dogs know the trick.
  func numberOfDogs(knowing trick: String) async throws -> Int
}
