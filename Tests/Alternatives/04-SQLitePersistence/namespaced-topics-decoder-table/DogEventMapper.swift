// Differs: namespaced topics (dogschool.Dog.Registered), a table of decoders keyed by topic.
public import EventSourcing
import Foundation
import GivenBasics
public import GivenEvents

/// Turns a dog's recorded events into stored events (a topic and JSON bytes) and back.
public struct DogEventMapper: Sendable {
  /// Creates a mapper.
  public init() {}

  /// The topics, named after the application and the event type.
  enum Topic {
    static let registered = "dogschool.Dog.Registered"
    static let trickAdded = "dogschool.Dog.TrickAdded"
  }

  private struct Registered: Codable { let name: String }
  private struct TrickAdded: Codable { let trick: String }

  /// One decoder per known topic; a topic missing here is unknown.
  private static let decoders: [String: @Sendable (Data) throws -> DogEvent] = [
    Topic.registered: { state in
      .registered(name: try JSONDecoder().decode(Registered.self, from: state).name)
    },
    Topic.trickAdded: { state in
      .trickAdded(trick: try JSONDecoder().decode(TrickAdded.self, from: state).trick)
    },
  ]

  /// Returns the stored form of an event.
  public func storedEvent(from recorded: RecordedEvent) throws -> StoredEvent {
    let topic: String
    let state: Data
    switch recorded.event {
    case .registered(let name):
      topic = Topic.registered
      state = try JSONEncoder().encode(Registered(name: name))
    case .trickAdded(let trick):
      topic = Topic.trickAdded
      state = try JSONEncoder().encode(TrickAdded(trick: trick))
    }
    return StoredEvent(
      originatorID: recorded.originatorID, originatorVersion: recorded.originatorVersion,
      topic: topic, state: state)
  }

  /// Returns the recorded event that a stored event holds.
  public func recordedEvent(from stored: StoredEvent) throws -> RecordedEvent {
    guard let decode = Self.decoders[stored.topic] else {
      throw MappingError.unknownTopic(
        stored.topic, originatorID: stored.originatorID, version: stored.originatorVersion)
    }
    let event: DogEvent
    do {
      event = try decode(stored.state)
    } catch {
      throw MappingError.damagedState(
        topic: stored.topic, originatorID: stored.originatorID, version: stored.originatorVersion)
    }
    return RecordedEvent(
      originatorID: stored.originatorID, originatorVersion: stored.originatorVersion, event: event)
  }
}
