import DogSchool
import EventSourcing

/// A projection following the log live as commands arrive.
struct NotificationsDemo: Demo {
  let name = "notifications"
  let summary = "a projection following the log live as commands arrive"

  func run(narrator: Narrator, files _: DemoFiles) async throws {
    let school = try DogSchool(environment: ["PERSISTENCE_MODULE": "memory"])
    let view = InMemoryDogsPerTrickView()
    let follower = Follower(
      following: "DogSchool", log: school.notificationLog,
      projection: DogsPerTrick(mapper: school.application.mapper), view: view)
    let runner = ProjectionRunner(follower: follower, pollInterval: .milliseconds(20))

    narrator.step("A projection counts the dogs that know each trick; it starts following the log")
    runner.start()

    let lessons = [("Fido", ["sit", "roll over"]), ("Rex", ["sit"]), ("Bella", ["sit", "roll over"])]
    for (name, tricks) in lessons {
      narrator.step("\(name) is registered and learns \(tricks.joined(separator: " and "))")
      let dogID = try await school.registerDog(name: name)
      for trick in tricks { try await school.addTrick(dogID, trick: trick) }
      let newest = try await school.notificationLog.maxNotificationID()
      try await runner.waitUntilProcessed(through: newest)
      narrator.say("log at notification \(newest); the projection has processed it too")
      narrator.say(
        "dogs knowing 'sit': \(try await view.numberOfDogs(knowing: "sit")), "
          + "'roll over': \(try await view.numberOfDogs(knowing: "roll over"))")
    }
    await runner.stop()

    narrator.step("The log in sections of ten, as an HTTP API would serve it")
    let section = try await school.notificationLog.section("current")
    narrator.say(
      "section \(section.id ?? "-"): \(section.items.count) notifications, previous "
        + "\(section.previousID ?? "none"), next \(section.nextID ?? "none yet")")
  }
}
