// Differs: versioned topics (dog.trickAdded.v1), JSONSerialization objects instead of Codable.
public import EventSourcing
import Foundation
import GivenBasics
public import GivenEvents

/// Turns a dog's recorded events into stored events (a topic and JSON bytes) and back.
public struct DogEventMapper: Sendable {
  /// Creates a mapper.
  public init() {}

  /// The topics carry a version, so that a later shape of an event can get a topic of its own.
  static let registeredTopic = "dog.registered.v1"
  static let trickAddedTopic = "dog.trickAdded.v1"

  /// Returns the stored form of an event.
  public func storedEvent(from recorded: RecordedEvent) throws -> StoredEvent {
    let (topic, object): (String, [String: String]) =
      switch recorded.event {
      case .registered(let name): (Self.registeredTopic, ["name": name])
      case .trickAdded(let trick): (Self.trickAddedTopic, ["trick": trick])
      }
    let state = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    return StoredEvent(
      originatorID: recorded.originatorID, originatorVersion: recorded.originatorVersion,
      topic: topic, state: state)
  }

  /// Returns the recorded event that a stored event holds.
  public func recordedEvent(from stored: StoredEvent) throws -> RecordedEvent {
    let key: String
    switch stored.topic {
    case Self.registeredTopic: key = "name"
    case Self.trickAddedTopic: key = "trick"
    default:
      throw MappingError.unknownTopic(
        stored.topic, originatorID: stored.originatorID, version: stored.originatorVersion)
    }
    let object = try? JSONSerialization.jsonObject(with: stored.state) as? [String: Any]
    guard let value = object?[key] as? String else {
      throw MappingError.damagedState(
        topic: stored.topic, originatorID: stored.originatorID, version: stored.originatorVersion)
    }
    let event: DogEvent = key == "name" ? .registered(name: value) : .trickAdded(trick: value)
    return RecordedEvent(
      originatorID: stored.originatorID, originatorVersion: stored.originatorVersion, event: event)
  }
}
