public import EventSourcing
import Foundation
import GivenBasics
public import GivenEvents

/// Turns a dog's recorded events into stored events (a topic and JSON bytes) and back.
///
/// The database knows nothing about Swift enums: it keeps text and bytes. The topic says
/// which case an event is, and the state holds the case's values as JSON.
public struct DogEventMapper: Sendable {
  /// Creates a mapper.
  public init() {}

  // slide: topics
  /// The topics: one per case of `DogEvent`, never reused for another meaning.
  static let registeredTopic = "DogEvent.registered"
  static let trickAddedTopic = "DogEvent.trickAdded"
  // slide end

  /// The JSON shapes of the cases' values.
  private struct Registered: Codable { let name: String }
  private struct TrickAdded: Codable { let trick: String }

  // MARK: - Task 1: a recorded event becomes a stored event

  /// Returns the stored form of an event: same dog and version, a topic naming the case,
  /// and the case's values as JSON.
  public func storedEvent(from recorded: RecordedEvent) throws -> StoredEvent {
    // slide: to-stored
    let json = JSONEncoder()
    let (topic, state): (String, Data) =
      switch recorded.event {
      case .registered(let name):
        (Self.registeredTopic, try json.encode(Registered(name: name)))
      case .trickAdded(let trick):
        (Self.trickAddedTopic, try json.encode(TrickAdded(trick: trick)))
      }
    // slide end
    return StoredEvent(
      originatorID: recorded.originatorID, originatorVersion: recorded.originatorVersion,
      topic: topic, state: state)
  }

  // MARK: - Task 2: a stored event becomes a recorded event again

  /// Returns the recorded event that a stored event holds.
  ///
  /// - Throws: ``MappingError/unknownTopic(_:originatorID:version:)`` for a topic that names
  ///   no case, ``MappingError/damagedState(topic:originatorID:version:)`` for bad JSON.
  public func recordedEvent(from stored: StoredEvent) throws -> RecordedEvent {
    let json = JSONDecoder()
    func decode<Value: Decodable>(_ type: Value.Type) throws -> Value {
      try json.decode(type, from: stored.state)
    }
    let event: DogEvent
    do {
      // slide: to-recorded
      switch stored.topic {
      case Self.registeredTopic:
        event = .registered(name: try decode(Registered.self).name)
      case Self.trickAddedTopic:
        event = .trickAdded(trick: try decode(TrickAdded.self).trick)
      default:
        // Never guess: an unknown event would change the dog in an
        // unknown way.
        throw MappingError.unknownTopic(
          stored.topic, originatorID: stored.originatorID,
          version: stored.originatorVersion)
      }
      // slide end
    } catch is DecodingError {
      throw MappingError.damagedState(
        topic: stored.topic, originatorID: stored.originatorID, version: stored.originatorVersion)
    }
    return RecordedEvent(
      originatorID: stored.originatorID, originatorVersion: stored.originatorVersion, event: event)
  }
}
