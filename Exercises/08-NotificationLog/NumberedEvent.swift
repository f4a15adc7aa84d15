public import GivenEvents

/// A notification: an event with its position in the school's notification log.
///
/// Each dog numbers its own events (``RecordedEvent/originatorVersion``); the store also
/// numbers every event of every dog in one sequence, 1, 2, 3, … in the order they were
/// appended, without gaps. That number is what a follower remembers.
public struct NumberedEvent: Equatable, Sendable {
  /// The event's position in the notification log, counting from 1.
  public let id: Int
  /// The event, with its dog and version.
  public let event: RecordedEvent

  /// Creates a notification.
  public init(id: Int, event: RecordedEvent) {
    self.id = id
    self.event = event
  }
}
