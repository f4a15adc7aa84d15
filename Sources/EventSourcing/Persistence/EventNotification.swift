public import Foundation

/// A stored event with its position in the application-wide sequence of events.
///
/// Every event an application records gets the next notification ID: 1, 2, 3, … with no gaps
/// and no duplicates, so that readers of the notification log can follow it in order and
/// remember how far they got.
public struct EventNotification: Sendable, Equatable {
  /// The event's position in the application's notification log, starting at 1.
  public let id: Int
  /// The identity of the aggregate the event belongs to.
  public let originatorID: UUID
  /// The aggregate's version after the event.
  public let originatorVersion: Int
  /// The name of the event's type.
  public let topic: String
  /// The event's encoded state.
  public let state: Data

  /// Creates a notification.
  public init(id: Int, originatorID: UUID, originatorVersion: Int, topic: String, state: Data) {
    self.id = id
    self.originatorID = originatorID
    self.originatorVersion = originatorVersion
    self.topic = topic
    self.state = state
  }

  /// Creates a notification for a stored event.
  public init(id: Int, event: StoredEvent) {
    self.init(
      id: id, originatorID: event.originatorID, originatorVersion: event.originatorVersion,
      topic: event.topic, state: event.state)
  }

  /// The stored event this notification carries.
  public var storedEvent: StoredEvent {
    StoredEvent(
      originatorID: originatorID, originatorVersion: originatorVersion, topic: topic, state: state)
  }
}
