import Chapter02
import Foundation
import GivenBasics
import GivenEvents
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

  @Test("Task 1: applying the same trick twice lists it twice")
  func applyTrickAddedTwice() {
    var dog = Dog(id: id)
    dog.apply(.registered(name: "Fido"))
    for trick in ["sit", "stay", "sit"] { dog.apply(.trickAdded(trick: trick)) }
    #expect(
      dog.tricks == ["sit", "stay", "sit"],
      "Task 1: apply(.trickAdded(trick:)) should append every trick, even one the dog knows: expected [\"sit\", \"stay\", \"sit\"], got \(dog.tricks).")
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

  @Test("Task 2: the next version follows `version`, also after the pending events were collected")
  func nextVersionFollowsTheVersion() {
    var dog = Dog.register(id: id, name: "Fido")
    dog.addTrick("roll over")
    // Saving collects the pending events; the dog's history still has two events.
    _ = dog.collectEvents()
    let version = dog.version
    dog.addTrick("fetch ball")
    #expect(
      dog.pendingEvents.last?.originatorVersion == version + 1,
      "Task 2: a new event should be numbered `version + 1` (\(version + 1) here), not from the number of pending events, which restarts at 0 after collectEvents().")
    #expect(
      dog.version == version + 1,
      "Task 2: `version` should be the version of the latest recorded event (\(version + 1)).")
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

  @Test("Task 3: events recorded after collecting are collected next time, and only they")
  func collectAgain() {
    var dog = Dog.register(id: id, name: "Fido")
    _ = dog.collectEvents()
    let nothing = dog.collectEvents()
    #expect(nothing.isEmpty, "Task 3: collecting twice should return nothing the second time.")
    dog.addTrick("roll over")
    dog.addTrick("fetch ball")
    let collected = dog.collectEvents()
    #expect(
      collected.map(\.event) == [.trickAdded(trick: "roll over"), .trickAdded(trick: "fetch ball")],
      "Task 3: collectEvents should return the events recorded since the last collection, oldest first.")
    #expect(
      dog.pendingEvents.isEmpty,
      "Task 3: after collectEvents the dog should have no pending events.")
  }

  // MARK: - Task 4

  /// Replays a history that must replay, recording a "Task 4" failure if it throws.
  func replay(_ events: [RecordedEvent], _ what: String) -> Dog? {
    do {
      return try Dog(replaying: events)
    } catch {
      Issue.record("Task 4: replaying \(what) should rebuild the dog, but it threw: \(error)")
      return nil
    }
  }

  @Test("Task 4: a dog rebuilt from its events equals the dog")
  func rebuiltDogEqualsTheDog() {
    var dog = Dog.register(id: id, name: "Fido")
    dog.addTrick("roll over")
    dog.addTrick("fetch ball")
    guard let copy = replay(dog.pendingEvents, "a dog's three events") else { return }
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
  func replayingAPrefix() {
    var dog = Dog.register(id: id, name: "Fido")
    dog.addTrick("roll over")
    dog.addTrick("fetch ball")
    guard let earlier = replay(Array(dog.pendingEvents.prefix(2)), "the first two events")
    else { return }
    #expect(
      earlier.tricks == ["roll over"] && earlier.version == 2,
      "Task 4: replaying the first two events should give the dog at version 2.")
  }

  @Test("Task 4: replaying refuses a broken history")
  func replayingRefusesABrokenHistory() {
    // Written out, so that this test does not depend on record(_:) from task 2.
    let events = [
      RecordedEvent(originatorID: id, originatorVersion: 1, event: .registered(name: "Fido")),
      RecordedEvent(originatorID: id, originatorVersion: 2, event: .trickAdded(trick: "roll over")),
      RecordedEvent(originatorID: id, originatorVersion: 3, event: .trickAdded(trick: "fetch ball")),
    ]
    // A correct history must replay before broken ones can be told apart from a stub.
    guard replay(events, "a dog's three events") != nil else { return }

    #expect(throws: HistoryError.self, "Task 4: events out of order should throw a HistoryError.") {
      try Dog(replaying: [events[0], events[2], events[1]])
    }
    #expect(throws: HistoryError.self, "Task 4: a missing event should throw a HistoryError.") {
      try Dog(replaying: [events[0], events[2]])
    }
    #expect(throws: HistoryError.self, "Task 4: a repeated event should throw a HistoryError.") {
      try Dog(replaying: [events[0], events[1], events[1], events[2]])
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
