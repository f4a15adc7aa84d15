public import Foundation

/// An event with its place in one dog's history.
///
/// `originatorID` says whose history it belongs to and `originatorVersion` where in it:
/// 1 for the first event, 2 for the second, and so on without gaps.
public struct RecordedEvent: Equatable, Sendable {
  /// The dog the event happened to.
  public let originatorID: UUID
  /// The event's position in that dog's history, counting from 1.
  public let originatorVersion: Int
  /// What happened.
  public let event: DogEvent

  /// Creates a recorded event.
  public init(originatorID: UUID, originatorVersion: Int, event: DogEvent) {
    self.originatorID = originatorID
    self.originatorVersion = originatorVersion
    self.event = event
  }
}
