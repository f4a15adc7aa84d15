public import Foundation

/// A domain event in its envelope: which aggregate it belongs to, the version it gives that
/// aggregate, and when it happened.
///
/// Aggregates record events as `RecordedEvent`s; the envelope is what makes an event part of
/// one aggregate's history, so event types themselves stay plain values.
public struct RecordedEvent<Event: DomainEvent>: Sendable, Equatable {
  /// The identity of the aggregate that recorded the event.
  public let originatorID: UUID
  /// The version of the aggregate after this event: 1 for the event that created it.
  public let originatorVersion: Int
  /// When the event happened.
  public let timestamp: Date
  /// What happened.
  public let event: Event

  /// Creates an envelope for an event.
  // Inlined, so that a loop making many envelopes in code generic over the event type looks
  // up the metadata of this type once, not once per envelope.
  @inline(__always)
  public init(originatorID: UUID, originatorVersion: Int, timestamp: Date, event: Event) {
    self.originatorID = originatorID
    self.originatorVersion = originatorVersion
    self.timestamp = timestamp
    self.event = event
  }
}
