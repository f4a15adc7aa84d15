import DogSchool
import EventSourcing
import Foundation
import Testing

@Suite("An event-sourced aggregate")
struct EventSourcedTests {
  @Test("Creating an aggregate records the creation event as version 1")
  func creation() throws {
    let when = Date(timeIntervalSince1970: 1_000)
    let dog = EventSourced<Dog>(creating: .registered(name: "Fido"), at: when)
    #expect(dog.version == 1)
    #expect(dog.name == "Fido")
    #expect(dog.tricks.isEmpty)
    #expect(dog.createdOn == when)
    #expect(dog.modifiedOn == when)
    let pending = try #require(dog.pendingEvents.first)
    #expect(dog.pendingEvents.count == 1)
    #expect(pending.originatorID == dog.id)
    #expect(pending.originatorVersion == 1)
    #expect(pending.timestamp == when)
    #expect(pending.event == .registered(name: "Fido"))
  }

  @Test("A command applies its event once, bumps the version and keeps the event pending")
  func command() {
    let created = Date(timeIntervalSince1970: 1_000)
    let later = Date(timeIntervalSince1970: 2_000)
    var dog = EventSourced<Dog>(creating: .registered(name: "Fido"), at: created)
    dog.record(.trickAdded(trick: "roll over"), at: later)
    #expect(dog.tricks == ["roll over"])
    #expect(dog.version == 2)
    #expect(dog.createdOn == created)
    #expect(dog.modifiedOn == later)
    #expect(dog.pendingEvents.map(\.originatorVersion) == [1, 2])
    #expect(dog.pendingEvents.map(\.event) == [.registered(name: "Fido"), .trickAdded(trick: "roll over")])
  }

  @Test("Collecting pending events returns them once")
  func collecting() {
    var dog = EventSourced<Dog>.register(name: "Fido")
    dog.addTrick("fetch ball")
    #expect(dog.collectEvents().count == 2)
    #expect(dog.pendingEvents.isEmpty)
    #expect(dog.collectEvents().isEmpty)
  }

  @Test("Replaying the collected events rebuilds an equal aggregate")
  func replaying() throws {
    var dog = EventSourced<Dog>.register(name: "Fido")
    dog.addTrick("roll over")
    dog.addTrick("fetch ball")
    let events = dog.collectEvents()
    let copy = try EventSourced<Dog>(replaying: events)
    #expect(copy == dog)
    #expect(copy.tricks == ["roll over", "fetch ball"])
    #expect(copy.pendingEvents.isEmpty)
  }

  @Test("Aggregates differ when their state or version differs")
  func inequality() throws {
    var dog = EventSourced<Dog>.register(name: "Fido")
    let before = try EventSourced<Dog>(replaying: dog.pendingEvents)
    dog.addTrick("sit")
    #expect(before != dog)
    #expect(EventSourced<Dog>.register(name: "Fido") != EventSourced<Dog>.register(name: "Fido"))
  }

  @Test("Replaying refuses a history with a gap, a repeat, another aggregate or nothing")
  func brokenHistories() throws {
    var dog = EventSourced<Dog>.register(name: "Fido")
    dog.addTrick("sit")
    dog.addTrick("stay")
    let events = dog.collectEvents()

    #expect(throws: AggregateError.versionOutOfSequence(originatorID: dog.id, expected: 2, found: 3)) {
      try EventSourced<Dog>(replaying: [events[0], events[2]])
    }
    #expect(throws: AggregateError.versionOutOfSequence(originatorID: dog.id, expected: 3, found: 2)) {
      try EventSourced<Dog>(replaying: [events[0], events[1], events[1]])
    }
    #expect(throws: AggregateError.versionOutOfSequence(originatorID: dog.id, expected: 1, found: 2)) {
      try EventSourced<Dog>(replaying: Array(events.dropFirst()))
    }
    #expect(throws: AggregateError.noEvents) {
      try EventSourced<Dog>(replaying: [])
    }
    let other = EventSourced<Dog>.register(name: "Rex")
    var copy = try EventSourced<Dog>(replaying: [events[0]])
    #expect(throws: AggregateError.wrongOriginator(expected: dog.id, found: other.id)) {
      try copy.apply(
        RecordedEvent(
          originatorID: other.id, originatorVersion: 2, timestamp: Date(),
          event: .trickAdded(trick: "sit")))
    }
    #expect(copy.version == 1, "a refused event must leave the aggregate unchanged")
  }

  @Test("An event's topic names its type and, for an enumeration, its case")
  func topics() {
    let registered = Dog.Event.registered(name: "Fido")
    let trickAdded = Dog.Event.trickAdded(trick: "sit")
    #expect(Dog.Event.typeTopic == "DogSchool.Dog.Event")
    #expect(registered.topic == "DogSchool.Dog.Event.registered")
    #expect(trickAdded.topic == "DogSchool.Dog.Event.trickAdded")
    #expect(Heartbeat().topic == Heartbeat.typeTopic)
    #expect(Switch.Event.off.topic == Switch.Event.typeTopic + ".off")
  }
}

/// An event that is a structure, not an enumeration.
private struct Heartbeat: DomainEvent {}

/// An aggregate whose events have no associated values.
private struct Switch: Aggregate {
  enum Event: DomainEvent { case on, off }
  var isOn = false
  mutating func apply(_ event: Event) { isOn = event == .on }
}
