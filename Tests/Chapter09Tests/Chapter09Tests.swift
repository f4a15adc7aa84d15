import Chapter09
import EventSourcing
import Foundation
import struct GivenBasics.DogDetails
import Testing

@Suite("Chapter 9: the dog school on the EventSourcing library")
struct Chapter09Tests {
  let memory = ["PERSISTENCE_MODULE": "memory"]

  // MARK: - Task 1

  @Test("Task 1: a dog applies the events its commands record")
  func dogRecordsAndApplies() throws {
    var dog = EventSourced<Dog>.register(name: "Fido")
    #expect(dog.name == "Fido", "Task 1: apply(.registered) should set the dog's name.")
    dog.addTrick("roll over")
    dog.addTrick("fetch ball")
    #expect(
      dog.tricks == ["roll over", "fetch ball"],
      "Task 1: apply(.trickAdded) should append the trick, and addTrick should record it.")
    #expect(
      dog.version == 3
        && dog.pendingEvents.map(\.event) == [
          .registered(name: "Fido"), .trickAdded(trick: "roll over"),
          .trickAdded(trick: "fetch ball"),
        ],
      "Task 1: addTrick should record(.trickAdded(trick:)), so the event is pending and saved.")
  }

  @Test("Task 1: a dog replayed from its events equals the original")
  func dogReplays() throws {
    var dog = EventSourced<Dog>.register(name: "Fido")
    dog.addTrick("sit")
    let replayed = try EventSourced<Dog>(replaying: dog.pendingEvents)
    #expect(
      replayed.state == dog.state && replayed.tricks == ["sit"],
      "Task 1: replaying the recorded events should rebuild the same name and tricks.")
  }

  // MARK: - Task 2

  @Test("Task 2: the tutorial's test, in memory")
  func tutorialInMemory() async throws {
    try await runTheTutorial(on: makeSchool(memory, task: 2), task: 2)
  }

  @Test("Task 2: each dog is found by the ID registerDog returns, with its own tricks")
  func dogsAreKeptApart() async throws {
    let school = try await makeSchool(memory, task: 2)
    let (fido, rex) = try await attempt(task: 2, "registerDog(name:) and addTrick(_:trick:)") {
      let fido = try await school.registerDog(name: "Fido")
      let rex = try await school.registerDog(name: "Rex")
      try await school.addTrick(rex, trick: "sit")
      try await school.addTrick(fido, trick: "roll over")
      try await school.addTrick(rex, trick: "stay")
      return (fido, rex)
    }
    #expect(fido != rex, "Task 2: two registered dogs should get two different IDs.")
    let details = try await attempt(task: 2, "getDog(_:)") {
      (try await school.getDog(fido), try await school.getDog(rex))
    }
    #expect(
      details.0 == DogDetails(name: "Fido", tricks: ["roll over"])
        && details.1 == DogDetails(name: "Rex", tricks: ["sit", "stay"]),
      "Task 2: Fido should know \"roll over\" and Rex \"sit\" and \"stay\", each under his own ID."
    )
  }

  @Test("Task 2: getDog travels in time")
  func timeTravel() async throws {
    let school = try await makeSchool(memory, task: 2)
    let id = try await runTheTutorial(on: school, task: 2)
    let (atVersion1, atVersion2, atVersion3) = try await attempt(task: 2, "getDog(_:version:)") {
      (
        try await school.getDog(id, version: 1), try await school.getDog(id, version: 2),
        try await school.getDog(id, version: 3)
      )
    }
    #expect(
      atVersion1 == DogDetails(name: "Fido", tricks: []),
      "Task 2: getDog(_:version: 1) should tell Fido before any trick.")
    #expect(
      atVersion2 == DogDetails(name: "Fido", tricks: ["roll over"]),
      "Task 2: getDog(_:version: 2) should tell Fido with his first trick only.")
    #expect(
      atVersion3 == DogDetails(name: "Fido", tricks: ["roll over", "fetch ball"]),
      "Task 2: getDog(_:version: 3) should tell Fido with both tricks.")
  }

  @Test("Task 2: an unknown dog is not found")
  func unknownDog() async throws {
    let school = try await makeSchool(memory, task: 2)
    let stranger = UUID()
    await #expect(
      throws: RepositoryError.aggregateNotFound(id: stranger),
      "Task 2: getDog should pass on the repository's aggregateNotFound.")
    {
      try await school.getDog(stranger)
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
