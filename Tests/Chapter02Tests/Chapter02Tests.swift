import Chapter02
import Foundation
import Testing

@Suite("Chapter 2: an event-sourced Dog")
struct Chapter02Tests {
  let id = UUID()

  // MARK: - Task 1

  @Test("Task 1: applying `registered` sets the name")
  func applyRegistered() {
    var dog = Dog(id: id)
    dog.apply(.registered(name: "Fido"))
    #expect(dog.name == "Fido", "Task 1: apply(.registered(name:)) should set the dog's name.")
  }

  @Test("Task 1: applying `trickAdded` appends the trick")
  func applyTrickAdded() {
    var dog = Dog(id: id)
    dog.apply(.registered(name: "Fido"))
    dog.apply(.trickAdded(trick: "roll over"))
    dog.apply(.trickAdded(trick: "play dead"))
    #expect(
      dog.tricks == ["roll over", "play dead"],
      "Task 1: apply(.trickAdded(trick:)) should append the trick to `tricks`, in order.")
  }

  // MARK: - Task 2

  @Test("Task 2: register records a first event with version 1")
  func registerRecordsTheFirstEvent() {
    let dog = Dog.register(id: id, name: "Fido")
    #expect(dog.name == "Fido", "Task 2: record(_:) should apply the event it records.")
    #expect(dog.version == 1, "Task 2: record(_:) should set `version` to the event's version.")
    #expect(
      dog.pendingEvents
        == [RecordedEvent(originatorID: id, originatorVersion: 1, event: .registered(name: "Fido"))],
      "Task 2: record(_:) should keep the event pending, numbered with the next version (1).")
  }

  @Test("Task 2: addTrick records the next event and applies it once")
  func addTrickRecordsTheNextEvent() {
    var dog = Dog.register(id: id, name: "Fido")
    dog.addTrick("roll over")
    #expect(
      dog.tricks == ["roll over"],
      "Task 2: addTrick should record a .trickAdded event that is applied exactly once.")
    #expect(dog.version == 2, "Task 2: each recorded event should bump `version` by one.")
    #expect(
      dog.pendingEvents.last
        == RecordedEvent(
          originatorID: id, originatorVersion: 2, event: .trickAdded(trick: "roll over")),
      "Task 2: addTrick should keep a .trickAdded event with version 2 pending.")
  }

  @Test("Task 2: versions count the events, without gaps")
  func versionsCountTheEvents() {
    var dog = Dog.register(id: id, name: "Fido")
    for trick in ["roll over", "fetch ball", "play dead"] {
      dog.addTrick(trick)
    }
    #expect(dog.version == 4, "Task 2: after 4 events the dog's version should be 4.")
    #expect(
      dog.pendingEvents.map(\.originatorVersion) == [1, 2, 3, 4],
      "Task 2: pending events should be numbered 1, 2, 3, 4 in the order they were recorded.")
    #expect(
      Set(dog.pendingEvents.map(\.originatorID)) == [id],
      "Task 2: every recorded event should carry the dog's `id`.")
  }

  // MARK: - Task 3

  @Test("Task 3: collectEvents returns the pending events and forgets them")
  func collectEvents() {
    var dog = Dog.register(id: id, name: "Fido")
    dog.addTrick("roll over")
    let collected = dog.collectEvents()
    #expect(
      collected.map(\.originatorVersion) == [1, 2],
      "Task 3: collectEvents should return the pending events, oldest first.")
    #expect(
      dog.pendingEvents.isEmpty,
      "Task 3: after collectEvents the dog should have no pending events.")
    #expect(
      dog.version == 2 && dog.tricks == ["roll over"],
      "Task 3: collecting events should not change the dog's version or state.")
  }

  // MARK: - Task 4

  @Test("Task 4: a dog rebuilt from its events equals the dog")
  func rebuiltDogEqualsTheDog() throws {
    var dog = Dog.register(id: id, name: "Fido")
    dog.addTrick("roll over")
    dog.addTrick("fetch ball")
    let copy = try Dog(replaying: dog.pendingEvents)
    #expect(copy == dog, "Task 4: replaying a dog's events should rebuild an equal dog.")
    #expect(copy.id == id, "Task 4: the rebuilt dog should have the events' originatorID.")
    #expect(
      copy.version == 3,
      "Task 4: the rebuilt dog's version should be the last event's version.")
    #expect(
      copy.pendingEvents.isEmpty,
      "Task 4: replayed events were recorded before; they should not be pending again.")
  }

  @Test("Task 4: replaying part of the history gives the dog as it was then")
  func replayingAPrefix() throws {
    var dog = Dog.register(id: id, name: "Fido")
    dog.addTrick("roll over")
    dog.addTrick("fetch ball")
    let earlier = try Dog(replaying: Array(dog.pendingEvents.prefix(2)))
    #expect(
      earlier.tricks == ["roll over"] && earlier.version == 2,
      "Task 4: replaying the first two events should give the dog at version 2.")
  }

  @Test("Task 4: replaying refuses a broken history")
  func replayingRefusesABrokenHistory() throws {
    var dog = Dog.register(id: id, name: "Fido")
    dog.addTrick("roll over")
    dog.addTrick("fetch ball")
    let events = dog.pendingEvents
    try #require(events.count == 3, "Task 2: three recorded events should be pending.")
    // A correct history must replay before broken ones can be told apart from a stub.
    _ = try Dog(replaying: events)

    #expect(throws: HistoryError.self, "Task 4: events out of order should throw a HistoryError.") {
      try Dog(replaying: [events[0], events[2], events[1]])
    }
    #expect(throws: HistoryError.self, "Task 4: a missing event should throw a HistoryError.") {
      try Dog(replaying: [events[0], events[2]])
    }
    #expect(
      throws: HistoryError.self, "Task 4: a history not starting at version 1 should throw."
    ) {
      try Dog(replaying: Array(events.dropFirst()))
    }
    #expect(throws: HistoryError.self, "Task 4: no events at all should throw a HistoryError.") {
      try Dog(replaying: [])
    }
    let otherDogsEvent = RecordedEvent(
      originatorID: UUID(), originatorVersion: 2, event: .trickAdded(trick: "sit"))
    #expect(
      throws: HistoryError.self, "Task 4: an event of another dog should throw a HistoryError."
    ) {
      try Dog(replaying: [events[0], otherDogsEvent])
    }
  }

  // MARK: - Setup

  @Test("Setup: the tests check the intended code")
  func testsTheIntendedCode() {
    #if WORKSHOP_SOLUTIONS
      let folder = "/Solutions/"
    #else
      let folder = "/Exercises/"
    #endif
    #expect(
      CodeLocation.filePath.contains(folder),
      "Setup: expected code under \(folder), but the build used \(CodeLocation.filePath).")
  }
}
