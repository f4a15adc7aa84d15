import DogSchool
import EventSourcing

/// A dog's history, and the dog as it was at each version.
struct TimeTravelDemo: Demo {
  let name = "time-travel"
  let summary = "a dog's history, and the dog as it was at each version"

  func run(narrator: Narrator, files _: DemoFiles) async throws {
    let school = try DogSchool(environment: ["PERSISTENCE_MODULE": "memory"])

    narrator.step("Fido is registered and learns three tricks")
    let fidoID = try await school.registerDog(name: "Fido")
    for trick in ["sit", "roll over", "fetch ball"] {
      try await school.addTrick(fidoID, trick: trick)
      narrator.say("Fido learns '\(trick)'")
    }

    narrator.step("What the school stored: events, not a dog")
    for notification in try await school.notificationLog.select(start: 1, limit: 10) {
      let event = try school.application.mapper.recordedEvent(
        Dog.Event.self, from: notification.storedEvent)
      narrator.say("version \(notification.originatorVersion): \(event.event)")
    }

    narrator.step("The dog as it was at each version")
    let latest = try await school.repository.get(fidoID, as: Dog.self)
    for version in 1...latest.version {
      let dog = try await school.repository.get(fidoID, as: Dog.self, version: version)
      let tricks = dog.tricks.isEmpty ? "no tricks yet" : dog.tricks.joined(separator: ", ")
      narrator.say("version \(version): \(dog.name) knows \(tricks)")
    }
    narrator.say("Nothing was overwritten: every past state can be rebuilt from the events.")
  }
}
