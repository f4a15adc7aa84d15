// Differs: kebab-case topics (dog-registered), one Codable payload with optional fields.
public import EventSourcing
import Foundation
import GivenBasics
public import GivenEvents

/// Turns a dog's recorded events into stored events (a topic and JSON bytes) and back.
public struct DogEventMapper: Sendable {
  /// Creates a mapper.
  public init() {}

  static let registeredTopic = "dog-registered"
  static let trickAddedTopic = "dog-trick-added"

  /// Every case's values; each case fills its own field.
  private struct Payload: Codable {
    var name: String?
    var trick: String?
  }

  /// Returns the stored form of an event.
  public func storedEvent(from recorded: RecordedEvent) throws -> StoredEvent {
    var payload = Payload()
    let topic: String
    switch recorded.event {
    case .registered(let name):
      topic = Self.registeredTopic
      payload.name = name
    case .trickAdded(let trick):
      topic = Self.trickAddedTopic
      payload.trick = trick
    }
    return StoredEvent(
      originatorID: recorded.originatorID, originatorVersion: recorded.originatorVersion,
      topic: topic, state: try JSONEncoder().encode(payload))
  }

  /// Returns the recorded event that a stored event holds.
  public func recordedEvent(from stored: StoredEvent) throws -> RecordedEvent {
    let isRegistered = stored.topic == Self.registeredTopic
    guard isRegistered || stored.topic == Self.trickAddedTopic else {
      throw MappingError.unknownTopic(
        stored.topic, originatorID: stored.originatorID, version: stored.originatorVersion)
    }
    let payload = try? JSONDecoder().decode(Payload.self, from: stored.state)
    let event: DogEvent
    if isRegistered, let name = payload?.name {
      event = .registered(name: name)
    } else if !isRegistered, let trick = payload?.trick {
      event = .trickAdded(trick: trick)
    } else {
      throw MappingError.damagedState(
        topic: stored.topic, originatorID: stored.originatorID, version: stored.originatorVersion)
    }
    return RecordedEvent(
      originatorID: stored.originatorID, originatorVersion: stored.originatorVersion, event: event)
  }
}
