import DogSchool
import EventSourcing
import Foundation
import Testing

@Suite("The tutorial's dog school")
struct DogSchoolTests {
  @Test("Registers a dog, teaches it tricks and numbers every event")
  func tutorial() async throws {
    // slide: tutorial-test
    let app = try DogSchool(
      environment: ["PERSISTENCE_MODULE": "memory"])
    let dogID = try await app.registerDog(name: "Fido")
    try await app.addTrick(dogID, trick: "roll over")
    try await app.addTrick(dogID, trick: "fetch ball")
    #expect(try await app.getDog(dogID) == DogDetails(
      name: "Fido", tricks: ["roll over", "fetch ball"]))
    let notifications = try await app.notificationLog.select(
      start: 1, limit: 10)
    #expect(notifications.map(\.id) == [1, 2, 3])
    // slide end
    #expect(notifications.allSatisfy { $0.originatorID == dogID })
    #expect(notifications.map(\.originatorVersion) == [1, 2, 3])
    #expect(notifications.map(\.topic) == [
      "DogSchool.Dog.Event.registered", "DogSchool.Dog.Event.trickAdded",
      "DogSchool.Dog.Event.trickAdded",
    ])
  }

  @Test("Asking for a dog that was never registered names its ID")
  func unknownDog() async throws {
    let app = try DogSchool(environment: ["PERSISTENCE_MODULE": "memory"])
    let stranger = UUID()
    await #expect(throws: RepositoryError.aggregateNotFound(id: stranger)) {
      try await app.getDog(stranger)
    }
    await #expect(throws: RepositoryError.aggregateNotFound(id: stranger)) {
      try await app.addTrick(stranger, trick: "sit")
    }
    #expect(RepositoryError.aggregateNotFound(id: stranger).description.contains(stranger.uuidString))
  }

  @Test("Schools are independent of each other")
  func independentSchools() async throws {
    let first = try DogSchool(environment: ["PERSISTENCE_MODULE": "memory"])
    let second = try DogSchool(environment: ["PERSISTENCE_MODULE": "memory"])
    let dogID = try await first.registerDog(name: "Fido")
    #expect(try await second.repository.contains(dogID) == false)
    #expect(try await second.notificationLog.select(start: 1, limit: 10).isEmpty)
  }
}
