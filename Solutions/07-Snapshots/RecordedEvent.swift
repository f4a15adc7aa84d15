public import Foundation

/// An event with its place in one dog's history and the time it was recorded.
///
/// `originatorID` says whose history it belongs to and `originatorVersion` where in it:
/// 1 for the first event, 2 for the second, and so on without gaps.
public struct RecordedEvent: Equatable, Sendable {
  /// The dog the event happened to.
  public let originatorID: UUID
  /// The event's position in that dog's history, counting from 1.
  public let originatorVersion: Int
  /// When the event was recorded.
  public let timestamp: Date
  /// What happened.
  public let event: DogEvent

  /// Creates a recorded event, by default with the current time.
  public init(
    originatorID: UUID, originatorVersion: Int, timestamp: Date = Date(), event: DogEvent
  ) {
    self.originatorID = originatorID
    self.originatorVersion = originatorVersion
    self.timestamp = timestamp
    self.event = event
  }
}
