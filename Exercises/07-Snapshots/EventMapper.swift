public import EventSourcing
import Foundation

/// Turns the dog's recorded events and snapshots into the library's stored records and back.
///
/// An event's state is the JSON of its timestamp and event; a snapshot's is the JSON of the
/// snapshot. When a cipher is set both are encrypted: a snapshot holds the same secrets as
/// the events it sums up.
public struct EventMapper: Sendable {
  /// The topic of every dog event.
  public static let topic = "DogEvent"
  /// The topic of every dog snapshot.
  public static let snapshotTopic = "DogSnapshot"

  /// Encrypts the state of every record when set.
  public let cipher: (any Cipher)?

  /// Creates a mapper; without a cipher the state is stored as plain JSON.
  public init(cipher: (any Cipher)? = nil) {
    self.cipher = cipher
  }

  /// What an event record's state holds.
  private struct EventState: Codable {
    let timestamp: Date
    let event: DogEvent
  }

  /// Returns the stored form of a recorded event.
  public func storedEvent(_ recorded: RecordedEvent) throws -> StoredEvent {
    let state = EventState(timestamp: recorded.timestamp, event: recorded.event)
    return StoredEvent(
      originatorID: recorded.originatorID, originatorVersion: recorded.originatorVersion,
      topic: Self.topic, state: try protect(JSONEncoder().encode(state)))
  }

  /// Returns the recorded event that a stored event holds.
  ///
  /// - Throws: ``RecordError`` naming the record when it cannot be read.
  public func recordedEvent(from stored: StoredEvent) throws -> RecordedEvent {
    let state = try decode(EventState.self, from: stored, topic: Self.topic)
    return RecordedEvent(
      originatorID: stored.originatorID, originatorVersion: stored.originatorVersion,
      timestamp: state.timestamp, event: state.event)
  }

  /// Returns the stored form of a snapshot: its version is the snapshot's version.
  public func storedSnapshot(_ snapshot: DogSnapshot) throws -> StoredEvent {
    StoredEvent(
      originatorID: snapshot.originatorID, originatorVersion: snapshot.originatorVersion,
      topic: Self.snapshotTopic, state: try protect(JSONEncoder().encode(snapshot)))
  }

  /// Returns the snapshot that a stored record holds.
  ///
  /// - Throws: ``RecordError`` naming the record when it cannot be read.
  public func snapshot(from stored: StoredEvent) throws -> DogSnapshot {
    try decode(DogSnapshot.self, from: stored, topic: Self.snapshotTopic)
  }

  private func protect(_ plaintext: Data) throws -> Data {
    guard let cipher else { return plaintext }
    return try cipher.encrypt(plaintext)
  }

  private func decode<Value: Decodable>(
    _ type: Value.Type, from stored: StoredEvent, topic: String
  ) throws -> Value {
    let id = stored.originatorID
    let version = stored.originatorVersion
    guard stored.topic == topic else {
      throw RecordError.unknownTopic(topic: stored.topic, originatorID: id, version: version)
    }
    var state = stored.state
    if let cipher {
      do {
        state = try cipher.decrypt(state)
      } catch {
        throw RecordError.unauthenticated(originatorID: id, version: version)
      }
    }
    guard let value = try? JSONDecoder().decode(type, from: state) else {
      throw RecordError.undecodable(originatorID: id, version: version)
    }
    return value
  }
}
