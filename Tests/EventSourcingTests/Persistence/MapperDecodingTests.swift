import DogSchool
import EventSourcing
import Foundation
import Testing

@Suite("The mapper reading damaged and foreign records")
struct MapperDecodingTests {
  let mapper = Mapper()

  private func storedEvents(count: Int) throws -> [StoredEvent] {
    var dog = EventSourced<Dog>.register(name: "Fido")
    for trick in 1..<count { dog.addTrick("trick \(trick)") }
    return try dog.collectEvents().map(mapper.storedEvent)
  }

  private func replacingState(of event: StoredEvent, with json: String) -> StoredEvent {
    StoredEvent(
      originatorID: event.originatorID, originatorVersion: event.originatorVersion,
      topic: event.topic, state: Data(json.utf8))
  }

  @Test(
    "A record of well-formed JSON but the wrong shape is named, with what was wrong where",
    arguments: [
      (#"{"timestamp":1,"event":{"trickAdded":{"trick":7}}}"#, "trick"),
      (#"{"timestamp":1,"event":{"jumped":{}}}"#, "event"),
      (#"{"timestamp":"now","event":{"trickAdded":{"trick":"sit"}}}"#, "timestamp"),
      (#"{"timestamp":1}"#, "event"),
      (#"{"timestamp":1,"event":{"trickAdded":{"trick":"\ud83d"}}}"#, "not valid JSON"),
    ])
  func wrongShape(json: String, named: String) throws {
    var stored = try storedEvents(count: 5)
    stored[3] = replacingState(of: stored[3], with: json)
    do {
      _ = try mapper.recordedEvents(Dog.Event.self, from: stored)
      Issue.record("a damaged record must not decode")
    } catch let MapperError.damagedRecord(originatorID, version, reason) {
      #expect(originatorID == stored[3].originatorID)
      #expect(version == 4)
      #expect(reason.contains(named))
    }
    #expect(throws: MapperError.self) { try mapper.recordedEvent(Dog.Event.self, from: stored[3]) }
  }

  @Test(
    "Topics are checked by the type's whole name, before and after one that passed",
    arguments: [
      "DogSchool.Dog.EventX.trickAdded", "DogSchool.Dog", "Dogschool.Dog.Event.trickAdded",
    ])
  func foreignTopic(topic: String) throws {
    var stored = try storedEvents(count: 4)
    stored[2] = StoredEvent(
      originatorID: stored[2].originatorID, originatorVersion: 3, topic: topic,
      state: stored[2].state)
    #expect(
      throws: MapperError.unknownTopic(
        topic: topic, expected: "DogSchool.Dog.Event", originatorID: stored[2].originatorID,
        version: 3)
    ) { try mapper.recordedEvents(Dog.Event.self, from: stored) }
  }

  @Test("A thousand events read in a batch equal those read one at a time")
  func batchEqualsSingles() throws {
    let stored = try storedEvents(count: 1_000)
    let batch = try mapper.recordedEvents(Dog.Event.self, from: stored)
    #expect(batch == (try stored.map { try mapper.recordedEvent(Dog.Event.self, from: $0) }))
    #expect(batch.last?.event == .trickAdded(trick: "trick 999"))
  }
}
