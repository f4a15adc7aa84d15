import Chapter04
import struct EventSourcing.StoredEvent
import Foundation
import GivenBasics
import GivenDog
import GivenEvents
import Testing

@Suite("Chapter 4, tasks 1-2: the mapper")
struct MapperTests {
  let mapper = DogEventMapper()
  let id = UUID()

  /// A dog's recorded events: registered as Fido, then the given tricks.
  func history(id: UUID? = nil, name: String = "Fido", tricks: [String] = ["roll over"])
    -> [RecordedEvent]
  {
    var dog = Dog.register(id: id ?? self.id, name: name)
    for trick in tricks { dog.addTrick(trick) }
    return dog.pendingEvents
  }

  /// The topics the mapper gives the two cases, or the reference spellings while Task 1 is
  /// not done, so that the task 2 tests still run and name their own task.
  func knownTopics() -> (registered: String, trickAdded: String) {
    let stored = try? history(tricks: ["sit"]).map(mapper.storedEvent(from:))
    return (
      stored?.first?.topic ?? "DogEvent.registered", stored?.last?.topic ?? "DogEvent.trickAdded"
    )
  }

  // MARK: - Task 1

  @Test("Task 1: a stored event keeps the dog and the version")
  func storedEventKeepsItsPlace() throws {
    let events = history(tricks: ["roll over", "sit"])
    let stored = try events.map(mapper.storedEvent(from:))
    #expect(
      stored.map(\.originatorID) == [id, id, id] && stored.map(\.originatorVersion) == [1, 2, 3],
      "Task 1: the stored event should keep the recorded event's originatorID and version.")
  }

  @Test("Task 1: each case has its own topic, the same for every event of that case")
  func oneTopicPerCase() throws {
    // Two dogs, other names, other tricks, other versions: only the case may decide the topic.
    let fido = history(tricks: ["roll over", "fetch \"the\" ball", "sit"])
    let rex = history(id: UUID(), name: "Rex", tricks: ["über 🐕"])
    let stored = try (fido + rex).map(mapper.storedEvent(from:))
    let registered = Set(stored.filter { $0.originatorVersion == 1 }.map(\.topic))
    let trickAdded = Set(stored.filter { $0.originatorVersion > 1 }.map(\.topic))
    #expect(
      registered.count == 1 && trickAdded.count == 1,
      """
      Task 1: every event of one case should get the same topic, whatever its dog, version \
      and values; found \(registered.sorted()) for registered and \(trickAdded.sorted()) for \
      trickAdded. Keep the topics in constants.
      """)
    #expect(
      registered.isDisjoint(with: trickAdded),
      "Task 1: each case of DogEvent needs its own topic; both cases got \(registered.sorted()).")
    #expect(
      !(registered.union(trickAdded)).contains(""), "Task 1: a topic should not be empty.")
    let again = try (fido + rex).map(mapper.storedEvent(from:))
    #expect(
      again.map(\.topic) == stored.map(\.topic) && again.map(\.state) == stored.map(\.state),
      "Task 1: mapping the same event twice should give the same topic and state.")
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
    let events =
      history(tricks: ["roll over", "", "über 🐕", "say \"woof\"\n"])
      + history(id: UUID(), name: "", tricks: [])
    let back = try? events.map { try mapper.recordedEvent(from: mapper.storedEvent(from: $0)) }
    #expect(
      back == events,
      "Task 2: recordedEvent(from: storedEvent(from: event)) should give the same event back.")
  }

  @Test("Task 2: an unknown topic is refused with unknownTopic, not guessed")
  func unknownTopicIsRefused() throws {
    let topics = knownTopics()
    let known = [topics.registered, topics.trickAdded]
    let states = [Data(#"{"name":"Fido"}"#.utf8), Data(#"{"trick":"sit"}"#.utf8)]
    // Near misses of the real topics: longer, shorter, another start.
    var unknown = ["DogEvent.barked", ""]
    for topic in known {
      let longer = [topic + "Twice", topic + ".v2"]
      let otherStart = ["x" + topic, " " + topic]
      unknown += longer + otherStart + [String(topic.dropLast())]
    }
    for topic in unknown where !known.contains(topic) {
      for state in states {
        let stored = StoredEvent(originatorID: id, originatorVersion: 3, topic: topic, state: state)
        #expect(
          throws: MappingError.unknownTopic(topic, originatorID: id, version: 3),
          """
          Task 2: the topic "\(topic)" names no case (the known ones are \(known)): it should \
          throw MappingError.unknownTopic. Compare whole topics, never guess.
          """
        ) {
          try mapper.recordedEvent(from: stored)
        }
      }
    }
  }

  @Test("Task 2: state that is not the case's JSON is refused with damagedState")
  func damagedStateIsRefused() throws {
    let topics = knownTopics()
    let cases = [
      (topics.registered, Data(#"{"trick":"sit"}"#.utf8)),
      (topics.trickAdded, Data(#"{"name":"Fido"}"#.utf8)),
    ]
    for (topic, otherCase) in cases {
      let states = [
        Data("not json".utf8), otherCase, Data(), Data(#"{"name":42,"trick":42}"#.utf8),
        Data("[]".utf8),
      ]
      for state in states {
        let damaged = StoredEvent(
          originatorID: id, originatorVersion: 1, topic: topic, state: state)
        #expect(
          throws: MappingError.damagedState(topic: topic, originatorID: id, version: 1),
          """
          Task 2: the state \(String(decoding: state, as: UTF8.self).debugDescription) does \
          not decode for the topic \(topic): it should throw MappingError.damagedState.
          """
        ) {
          try mapper.recordedEvent(from: damaged)
        }
      }
    }
  }
}
