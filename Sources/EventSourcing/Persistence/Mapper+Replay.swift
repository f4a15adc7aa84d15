import Foundation

extension Mapper {
  /// Reads consecutive stored events one by one, verifying their links with `verifier`.
  ///
  /// The event type's topic is worked out once, a record with the same topic as the one
  /// before it is not checked again, and one decoder's token table serves every record.
  func replay<Event: DomainEvent>(
    _ type: Event.Type, from stored: ArraySlice<StoredEvent>, verifier: inout HashChainVerifier
  ) throws -> [RecordedEvent<Event>] {
    let typeTopic = Event.typeTopic
    var decoder = FastJSONDecoder()
    var checkedTopic: String?
    var events: [RecordedEvent<Event>] = []
    events.reserveCapacity(stored.count)
    var timestamp = Date.distantPast
    for record in stored {
      let topic = record.topic == checkedTopic ? nil : typeTopic
      let event = try event(
        type, from: record, typeTopic: topic, verifier: &verifier, decoder: &decoder,
        timestamp: &timestamp)
      events.append(
        RecordedEvent(
          originatorID: record.originatorID, originatorVersion: record.originatorVersion,
          timestamp: timestamp, event: event))
      checkedTopic = record.topic
    }
    return events
  }
}
