import EventSourcing
import Foundation
import Testing

/// A dog's events, third shape: tricks gained a level (shape 2) and names a kennel (shape 3).
private enum DogEvent: DomainEvent {
  case registered(name: String, kennel: String)
  case trickAdded(trick: String, level: Int)

  static let typeTopic = "Upcasting.DogEvent"
  static let eventVersion = 3

  static func upcastEvent(_ event: inout [String: Any], from version: Int) throws {
    switch version {
    case 1:
      // Tricks learnt before levels existed were all beginner's tricks.
      if var trick = event["trickAdded"] as? [String: Any] {
        trick["level"] = 1
        event["trickAdded"] = trick
      }
    case 2:
      if var registered = event["registered"] as? [String: Any] {
        registered["kennel"] = "main"
        event["registered"] = registered
      }
    default:
      throw UpcastError.noUpcast(type: "DogEvent", from: version)
    }
  }
}

/// The same type before it had versions: it cannot read shape 1 of something that changed.
private enum UnversionedEvent: DomainEvent {
  case trickAdded(trick: String, level: Int)
  static let typeTopic = "Upcasting.DogEvent"
}

@Suite("Upcasting events of an older shape")
struct EventUpcastingTests {
  let mapper = Mapper()
  let id = UUID()

  private func stored(_ version: Int, _ json: String) -> StoredEvent {
    StoredEvent(
      originatorID: id, originatorVersion: version, topic: "Upcasting.DogEvent.x",
      state: Data(json.utf8))
  }

  @Test("Events stored in shapes 1 and 2 load as shape 3, one at a time and in a batch")
  func upcasting() throws {
    let history = [
      stored(1, #"{"timestamp":0,"event":{"registered":{"name":"Fido"}}}"#),
      stored(2, #"{"timestamp":1,"event":{"trickAdded":{"trick":"sit"}}}"#),
      stored(3, #"{"timestamp":2,"version":2,"event":{"trickAdded":{"trick":"stay","level":2}}}"#),
      stored(4, #"{"timestamp":3,"version":3,"event":{"trickAdded":{"trick":"beg","level":3}}}"#),
    ]
    let events = try mapper.recordedEvents(DogEvent.self, from: history).map(\.event)
    #expect(events == [
      .registered(name: "Fido", kennel: "main"), .trickAdded(trick: "sit", level: 1),
      .trickAdded(trick: "stay", level: 2), .trickAdded(trick: "beg", level: 3),
    ])
    #expect(try mapper.recordedEvent(DogEvent.self, from: history[1]).event == .trickAdded(trick: "sit", level: 1))
  }

  @Test("New events are stored with their shape version and read back as they were")
  func currentShape() throws {
    let recorded = RecordedEvent(
      originatorID: id, originatorVersion: 1, timestamp: Date(),
      event: DogEvent.trickAdded(trick: "sit", level: 2))
    let stored = try mapper.storedEvent(recorded)
    #expect(String(decoding: stored.state, as: UTF8.self).contains(#""version":3"#))
    #expect(try mapper.recordedEvent(DogEvent.self, from: stored) == recorded)
  }

  @Test("A type whose shape changed without an upcast gets an error that says what to do")
  func missingUpcast() throws {
    do {
      _ = try mapper.recordedEvent(
        UnversionedEvent.self, from: stored(1, #"{"timestamp":1,"event":{"trickAdded":{"trick":"sit"}}}"#))
      Issue.record("an old shape decoded")
    } catch let error as MapperError {
      #expect(error.description.contains("eventVersion"))
      #expect(error.description.contains("upcastEvent"))
    }
  }
}
