public import Foundation

/// An event as a recorder stores it: its aggregate, version and topic, and its state as
/// opaque bytes.
///
/// Recorders never look inside `state`; the ``Mapper`` turns domain events into stored events
/// and back, encoding, compressing and encrypting the state on the way.
public struct StoredEvent: Sendable, Equatable {
  /// The identity of the aggregate the event belongs to.
  public let originatorID: UUID
  /// The aggregate's version after the event; unique per aggregate.
  public let originatorVersion: Int
  /// The name of the event's type, which says how to decode `state`.
  public let topic: String
  /// The event's encoded state.
  public let state: Data

  /// Creates a stored event.
  public init(originatorID: UUID, originatorVersion: Int, topic: String, state: Data) {
    self.originatorID = originatorID
    self.originatorVersion = originatorVersion
    self.topic = topic
    self.state = state
  }
}
