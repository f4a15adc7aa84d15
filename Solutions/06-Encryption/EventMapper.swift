public import EventSourcing
import Foundation
public import GivenEvents

/// Turns the dog's recorded events into the library's stored events and back.
///
/// On the way out an event becomes JSON, then, when a cipher is set, ciphertext. On the way
/// back the steps run in reverse: decrypt (which authenticates), then decode. The topic
/// stays readable, because the recorder and its readers need no key to know what kind of
/// record it is; the state, with the dog's name and tricks, is opaque.
public struct EventMapper: Sendable {
  /// The topic of every dog event.
  public static let topic = "DogEvent"

  /// Encrypts the state of every record when set.
  public let cipher: (any Cipher)?

  /// Creates a mapper; without a cipher the state is stored as plain JSON.
  public init(cipher: (any Cipher)? = nil) {
    self.cipher = cipher
  }

  // MARK: - Task 4: encrypt after encoding, decrypt before decoding

  /// Returns the stored form of a recorded event.
  // slide: to-stored
  public func storedEvent(_ recorded: RecordedEvent) throws
    -> StoredEvent
  {
    var state = try JSONEncoder().encode(recorded.event)
    // Encrypt last: only ciphertext leaves the application.
    if let cipher { state = try cipher.encrypt(state) }
    return StoredEvent(
      originatorID: recorded.originatorID,
      originatorVersion: recorded.originatorVersion,
      topic: Self.topic, state: state)
  }
  // slide end

  /// Returns the recorded event that a stored event holds.
  ///
  /// - Throws: ``RecordError`` naming the record when its topic is unknown, its state does
  ///   not authenticate, or it does not decode.
  public func recordedEvent(from stored: StoredEvent) throws -> RecordedEvent {
    let id = stored.originatorID
    let version = stored.originatorVersion
    guard stored.topic == Self.topic else {
      throw RecordError.unknownTopic(topic: stored.topic, originatorID: id, version: version)
    }
    // slide: from-stored
    var state = stored.state
    if let cipher {
      do {
        state = try cipher.decrypt(state)
      } catch {
        // The cipher cannot know which record it read; we can.
        throw RecordError.unauthenticated(
          originatorID: id, version: version)
      }
    }
    // slide end
    guard let event = try? JSONDecoder().decode(DogEvent.self, from: state) else {
      throw RecordError.undecodable(originatorID: id, version: version)
    }
    return RecordedEvent(originatorID: id, originatorVersion: version, event: event)
  }
}
