import DogSchool
import EventSourcing
import Foundation
import Testing

/// Errors name the likely cause and the record, and never carry what the record holds.
@Suite("Mapper errors name the cause and keep the contents out")
struct MapperErrorMessageTests {
  /// An event whose state JSON cannot hold: a number that is not finite.
  struct Reading: Aggregate {
    enum Event: DomainEvent {
      case measured(secret: String, value: Double)
    }

    var values: [Double] = []

    mutating func apply(_ event: Event) {
      if case .measured(_, let value) = event { values.append(value) }
    }
  }

  @Test("Records written with a key and read without one are reported as such")
  func encryptedWithoutKey() throws {
    let key = AESGCMCipher.makeKey()
    let settings = ["CIPHER_KEY": key]
    for extra in [[:], ["COMPRESSOR_TOPIC": "zlib"], ["ENABLE_HASH_CHAIN": "true"]] {
      let writer = try ApplicationEnvironment(settings.merging(extra) { $1 }, processEnvironment: [:])
        .makeMapper()
      let reader = try ApplicationEnvironment(extra, processEnvironment: [:]).makeMapper()
      // Ciphertexts look random, and each has a fresh nonce: many of them make sure that no
      // first byte or two that happen to look like plaintext turn the message into "damaged".
      for _ in 0..<300 {
        var dog = EventSourced<Dog>.register(name: "Fido")
        dog.addTrick("s3cret trick")
        let stored = try writer.storedEvents(dog.collectEvents(), after: nil)
        #expect(throws: MapperError.unreadableWithoutKey(originatorID: dog.id, version: 1), "\(extra)") {
          try reader.recordedEvents(Dog.Event.self, from: stored)
        }
        let snapshot = try writer.storedSnapshot(dog.snapshot)
        #expect(throws: MapperError.unreadableWithoutKey(originatorID: dog.id, version: 2), "\(extra)") {
          try reader.snapshot(Dog.self, from: snapshot)
        }
      }
    }
  }

  @Test("An event that cannot be encoded is not called damaged, and its values stay out")
  func unencodable() throws {
    var reading = EventSourced<Reading>(creating: .measured(secret: "s3cret", value: .nan))
    let events = reading.collectEvents()
    do {
      _ = try Mapper().storedEvents(events, after: nil)
      Issue.record("a NaN was encoded as JSON")
    } catch let error as MapperError {
      guard case .unencodable(let id, let version, _) = error else {
        Issue.record("expected .unencodable, got \(error)")
        return
      }
      #expect(id == reading.id && version == 1)
      #expect(!"\(error)".contains("s3cret") && !"\(error)".lowercased().contains("nan"), "\(error)")
      #expect("\(error)".contains("not stored"))
    }
  }

  @Test("A record that does not decode is named, without the values it holds")
  func undecodable() throws {
    let id = UUID()
    let state = Data(
      #"{"timestamp":0,"event":{"trickAdded":{"trick":["s3cret", "hidden value"]}}}"#.utf8)
    let stored = StoredEvent(
      originatorID: id, originatorVersion: 1, topic: "DogSchool.Dog.Event.trickAdded", state: state)
    do {
      _ = try Mapper().recordedEvent(Dog.Event.self, from: stored)
      Issue.record("a trick that is an array was decoded")
    } catch let error as MapperError {
      guard case .damagedRecord(let failedID, let version, _) = error else {
        Issue.record("expected .damagedRecord, got \(error)")
        return
      }
      #expect(failedID == id && version == 1)
      let message = "\(error)"
      #expect(!message.contains("s3cret") && !message.contains("hidden"), "\(message)")
      #expect(message.contains("trick"), "the message names where: \(message)")
    }
  }
}
