import DogSchool
import EventSourcing

/// Two users change the same dog: one wins, the other gets the concurrency error and retries.
struct ConcurrencyDemo: Demo {
  let name = "concurrency"
  let summary = "two users change the same dog; one wins, the other retries"

  func run(narrator: Narrator, files _: DemoFiles) async throws {
    let school = try DogSchool(environment: ["PERSISTENCE_MODULE": "memory"])
    let fidoID = try await school.registerDog(name: "Fido")

    narrator.step("Alice and Bob both load Fido at version 1")
    var alicesFido = try await school.repository.get(fidoID, as: Dog.self)
    var bobsFido = try await school.repository.get(fidoID, as: Dog.self)
    narrator.say("Alice sees version \(alicesFido.version), Bob sees version \(bobsFido.version)")

    narrator.step("Alice teaches 'sit' and saves first")
    alicesFido.addTrick("sit")
    try await school.save(&alicesFido)
    narrator.say("saved: Fido is at version \(alicesFido.version)")

    narrator.step("Bob teaches 'stay' and saves his stale copy")
    bobsFido.addTrick("stay")
    do {
      try await school.save(&bobsFido)
      narrator.say("saved?! (this must not happen)")
    } catch let error as RecorderError {
      narrator.say("refused: \(error)")
    }

    narrator.step("Bob loads Fido again and retries")
    var freshFido = try await school.repository.get(fidoID, as: Dog.self)
    freshFido.addTrick("stay")
    try await school.save(&freshFido)
    let fido = try await school.getDog(fidoID)
    narrator.say("Fido knows \(fido.tricks.joined(separator: ", ")): nobody's change was lost")
  }
}
