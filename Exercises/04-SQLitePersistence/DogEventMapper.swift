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

  // MARK: - Task 1: a recorded event becomes a stored event

  /// Returns the stored form of an event: same dog and version, a topic naming the case,
  /// and the case's values as JSON.
  public func storedEvent(from recorded: RecordedEvent) throws -> StoredEvent {
    // Task 1: switch over recorded.event. Give each case its own topic, such as
    // "DogEvent.registered", and encode its values with JSONEncoder (a small Codable struct
    // per case does it). Keep the originator ID and version.
    throw NotImplemented(task: 1, what: "DogEventMapper.storedEvent(from:)")
  }

  // MARK: - Task 2: a stored event becomes a recorded event again

  /// Returns the recorded event that a stored event holds.
  ///
  /// - Throws: ``MappingError/unknownTopic(_:originatorID:version:)`` for a topic that names
  ///   no case, ``MappingError/damagedState(topic:originatorID:version:)`` for bad JSON.
  public func recordedEvent(from stored: StoredEvent) throws -> RecordedEvent {
    // Task 2: switch over stored.topic; decode the state with JSONDecoder into the case's
    // values. Throw MappingError.unknownTopic for any other topic, and
    // MappingError.damagedState when decoding fails.
    throw NotImplemented(task: 2, what: "DogEventMapper.recordedEvent(from:)")
  }
}
