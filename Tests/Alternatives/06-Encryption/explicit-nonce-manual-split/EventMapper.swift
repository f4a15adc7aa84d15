// Differs from the reference: switches over the optional cipher, and opens the state with a guard and try? instead of do/catch.
public import EventSourcing
import Foundation
public import GivenEvents

/// Turns the dog's recorded events into the library's stored events and back, encrypting the
/// state when a cipher is set.
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
    let json = try JSONEncoder().encode(recorded.event)
    let state: Data
    switch cipher {
    case .some(let cipher): state = try cipher.encrypt(json)
    case .none: state = json
    }
    return StoredEvent(
      originatorID: recorded.originatorID, originatorVersion: recorded.originatorVersion,
      topic: Self.topic, state: state)
  }

  /// Returns the recorded event that a stored event holds.
  ///
  /// - Throws: ``RecordError`` naming the record.
  public func recordedEvent(from stored: StoredEvent) throws -> RecordedEvent {
    let id = stored.originatorID
    let version = stored.originatorVersion
    if stored.topic != Self.topic {
      throw RecordError.unknownTopic(topic: stored.topic, originatorID: id, version: version)
    }
    let json: Data
    switch cipher {
    case .none:
      json = stored.state
    case .some(let cipher):
      guard let opened = try? cipher.decrypt(stored.state) else {
        throw RecordError.unauthenticated(originatorID: id, version: version)
      }
      json = opened
    }
    do {
      let event = try JSONDecoder().decode(DogEvent.self, from: json)
      return RecordedEvent(originatorID: id, originatorVersion: version, event: event)
    } catch {
      throw RecordError.undecodable(originatorID: id, version: version)
    }
  }
}
