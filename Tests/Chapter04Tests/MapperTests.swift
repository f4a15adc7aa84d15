import Chapter04
import struct EventSourcing.StoredEvent
import Foundation
import Testing

@Suite("Chapter 4, tasks 1-2: the mapper")
struct MapperTests {
  let mapper = DogEventMapper()
  let id = UUID()

  /// A dog's recorded events: registered as Fido, then the given tricks.
  func history(tricks: [String] = ["roll over"]) -> [RecordedEvent] {
    var dog = Dog.register(id: id, name: "Fido")
    for trick in tricks { dog.addTrick(trick) }
    return dog.pendingEvents
  }

  // MARK: - Task 1

  @Test("Task 1: a stored event keeps the dog and version, and names its case in the topic")
  func storedEventNamesTheCase() throws {
    let events = history()
    let stored = try events.map(mapper.storedEvent(from:))
    #expect(
      stored.map(\.originatorID) == [id, id] && stored.map(\.originatorVersion) == [1, 2],
      "Task 1: the stored event should keep the recorded event's originatorID and version.")
    #expect(
      stored[0].topic.contains("registered") && stored[1].topic.contains("trickAdded"),
      "Task 1: the topic should name the event's case (registered, trickAdded).")
    #expect(
      stored[0].topic != stored[1].topic, "Task 1: each case of DogEvent needs its own topic.")
  }

  @Test("Task 1: the state is a JSON object holding the event's values")
  func stateIsJSON() throws {
    let stored = try history(tricks: ["fetch \"the\" ball"]).map(mapper.storedEvent(from:))
    for (event, expected) in zip(stored, ["Fido", "fetch \"the\" ball"]) {
      let object = try? JSONSerialization.jsonObject(with: event.state) as? [String: Any]
      let strings = object?.values.compactMap { $0 as? String } ?? []
      #expect(
        strings.contains(expected),
        "Task 1: the state should be a JSON object with the value \"\(expected)\" in it.")
    }
  }

  // MARK: - Task 2

  @Test("Task 2: every event comes back as it was stored")
  func roundTrip() throws {
    let events = history(tricks: ["roll over", "", "über 🐕", "say \"woof\"\n"])
    let back = try? events.map { try mapper.recordedEvent(from: mapper.storedEvent(from: $0)) }
    #expect(
      back == events,
      "Task 2: recordedEvent(from: storedEvent(from: event)) should give the same event back.")
  }

  @Test("Task 2: an unknown topic is refused with unknownTopic, not guessed")
  func unknownTopicIsRefused() throws {
    let registered = try? mapper.storedEvent(from: history(tricks: [])[0])
    let states = [
      registered?.state ?? Data(#"{"name":"Fido"}"#.utf8), Data(#"{"trick":"sit"}"#.utf8),
    ]
    for (topic, state) in zip(["DogEvent.barked", "DogEvent.registeredTwice"], states) {
      let stored = StoredEvent(originatorID: id, originatorVersion: 3, topic: topic, state: state)
      #expect(
        throws: MappingError.unknownTopic(topic, originatorID: id, version: 3),
        "Task 2: a topic that names no case (\(topic)) should throw MappingError.unknownTopic."
      ) {
        try mapper.recordedEvent(from: stored)
      }
    }
  }

  @Test("Task 2: state that is not the case's JSON is refused with damagedState")
  func damagedStateIsRefused() throws {
    let stored = try? mapper.storedEvent(from: history(tricks: [])[0])
    let topic = stored?.topic ?? "DogEvent.registered"
    for state in [Data("not json".utf8), Data(#"{"trick":"sit"}"#.utf8), Data()] {
      let damaged = StoredEvent(originatorID: id, originatorVersion: 1, topic: topic, state: state)
      #expect(
        throws: MappingError.damagedState(topic: topic, originatorID: id, version: 1),
        "Task 2: state that does not decode should throw MappingError.damagedState."
      ) {
        try mapper.recordedEvent(from: damaged)
      }
    }
  }
}
