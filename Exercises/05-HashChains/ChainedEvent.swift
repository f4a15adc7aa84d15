public import EventSourcing
public import Foundation

/// A stored event with the two hashes that link it into its aggregate's chain.
public struct ChainedEvent: Equatable, Sendable {
  /// The event.
  public let event: StoredEvent
  /// The hash of the event before it; ``HashChain/genesis`` for the first event.
  public let previousHash: Data
  /// The hash of this event's content together with `previousHash`.
  public let hash: Data

  /// Creates a chained event.
  public init(event: StoredEvent, previousHash: Data, hash: Data) {
    self.event = event
    self.previousHash = previousHash
    self.hash = hash
  }
}
