// Differs from the reference: seals and opens the state in two private helpers, and opens with a do/catch that rethrows the record's own error.
public import EventSourcing
import Foundation
public import GivenEvents

/// Turns the dog's recorded events into the library's stored events and back.
public struct EventMapper: Sendable {
  /// The topic of every dog event.
  public static let topic = "DogEvent"

  /// Encrypts the state of every record when set.
  public let cipher: (any Cipher)?

  /// Creates a mapper; without a cipher the state is stored as plain JSON.
  public init(cipher: (any Cipher)? = nil) {
    self.cipher = cipher
  }

  /// Returns the stored form of a recorded event.
  public func storedEvent(_ recorded: RecordedEvent) throws -> StoredEvent {
    StoredEvent(
      originatorID: recorded.originatorID, originatorVersion: recorded.originatorVersion,
      topic: Self.topic, state: try sealed(JSONEncoder().encode(recorded.event)))
  }

  /// Returns the recorded event that a stored event holds.
  ///
  /// - Throws: ``RecordError`` naming the record.
  public func recordedEvent(from stored: StoredEvent) throws -> RecordedEvent {
    guard stored.topic == Self.topic else {
      throw RecordError.unknownTopic(
        topic: stored.topic, originatorID: stored.originatorID, version: stored.originatorVersion)
    }
    let json = try opened(stored)
    guard let event = try? JSONDecoder().decode(DogEvent.self, from: json) else {
      throw RecordError.undecodable(
        originatorID: stored.originatorID, version: stored.originatorVersion)
    }
    return RecordedEvent(
      originatorID: stored.originatorID, originatorVersion: stored.originatorVersion, event: event)
  }

  private func sealed(_ json: Data) throws -> Data {
    try cipher?.encrypt(json) ?? json
  }

  private func opened(_ stored: StoredEvent) throws -> Data {
    guard let cipher else { return stored.state }
    do {
      return try cipher.decrypt(stored.state)
    } catch {
      throw RecordError.unauthenticated(
        originatorID: stored.originatorID, version: stored.originatorVersion)
    }
  }
}
