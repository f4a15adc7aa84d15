/// An aggregate whose pending events an ``Application`` can save, whatever its type.
///
/// ``EventSourced`` conforms; this protocol lets one call save aggregates of different types
/// together.
public protocol SavableAggregate: Sendable {
  /// The aggregate's pending events in stored form.
  func pendingStoredEvents(using mapper: Mapper) throws -> [StoredEvent]
}

extension EventSourced: SavableAggregate {
  public func pendingStoredEvents(using mapper: Mapper) throws -> [StoredEvent] {
    try mapper.storedEvents(pendingEvents, after: headHash)
  }
}
