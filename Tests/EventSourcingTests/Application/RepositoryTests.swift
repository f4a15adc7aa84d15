import DogSchool
import EventSourcing
import Foundation
import Testing

@Suite("The repository")
struct RepositoryTests {
  let app = Application(recorder: InMemoryRecorder())

  @Test("Gets an aggregate equal to the one saved")
  func roundTrip() async throws {
    var dog = EventSourced<Dog>.register(name: "Fido")
    dog.addTrick("sit")
    try await app.save(&dog)
    let loaded = try await app.repository.get(dog.id, as: Dog.self)
    #expect(loaded == dog)
    #expect(loaded.pendingEvents.isEmpty)
  }

  @Test("Gets an aggregate as it was at every earlier version")
  func timeTravel() async throws {
    let tricks = ["sit", "stay", "roll over", "fetch ball", "play dead", "shake hands"]
    var dog = EventSourced<Dog>.register(name: "Fido")
    var history = [dog]
    for trick in tricks {
      dog.addTrick(trick)
      history.append(dog)
    }
    try await app.save(&dog)

    for past in history {
      let loaded = try await app.repository.get(dog.id, as: Dog.self, version: past.version)
      #expect(loaded == past, "version \(past.version)")
      #expect(loaded.tricks == Array(tricks.prefix(past.version - 1)))
    }
    let beyond = try await app.repository.get(dog.id, as: Dog.self, version: 100)
    #expect(beyond == dog)
    await #expect(throws: RepositoryError.aggregateNotFound(id: dog.id)) {
      try await app.repository.get(dog.id, as: Dog.self, version: 0)
    }
  }

  @Test("Tells whether an aggregate exists")
  func contains() async throws {
    var dog = EventSourced<Dog>.register(name: "Fido")
    #expect(try await app.repository.contains(dog.id) == false)
    try await app.save(&dog)
    #expect(try await app.repository.contains(dog.id))
  }

  @Test("Saves several aggregates atomically: all of them or none")
  func atomicSave() async throws {
    var fido = EventSourced<Dog>.register(name: "Fido")
    try await app.save(&fido)

    // Rex is new, but the stale copy of Fido clashes with the saved one: neither is saved,
    // and both keep their pending events.
    var staleFido = fido
    staleFido.addTrick("sit")
    var rivalFido = try await app.repository.get(fido.id, as: Dog.self)
    rivalFido.addTrick("stay")
    try await app.save(&rivalFido)
    var rex = EventSourced<Dog>.register(name: "Rex")
    await #expect(throws: RecorderError.versionConflict(originatorID: fido.id, version: 2)) {
      try await app.save(&rex, &staleFido)
    }
    #expect(rex.pendingEvents.count == 1 && staleFido.pendingEvents.count == 1)
    #expect(try await app.repository.contains(rex.id) == false)
    #expect(try await app.repository.get(fido.id, as: Dog.self).tricks == ["stay"])
    #expect(try await app.notificationLog.maxNotificationID() == 2)

    // Saved together, both get consecutive notification IDs.
    var luckyFido = try await app.repository.get(fido.id, as: Dog.self)
    luckyFido.addTrick("sit")
    let ids = try await app.save(&rex, &luckyFido)
    #expect(ids == [3, 4])
  }

  @Test("Saving an aggregate with no pending events does nothing")
  func emptySave() async throws {
    var dog = EventSourced<Dog>.register(name: "Fido")
    try await app.save(&dog)
    var loaded = try await app.repository.get(dog.id, as: Dog.self)
    #expect(try await app.save(&loaded).isEmpty)
    var none: [EventSourced<Dog>] = []
    #expect(try await app.save(&none).isEmpty)
  }

  @Test("Refuses to load an aggregate's events as another aggregate type")
  func wrongType() async throws {
    var dog = EventSourced<Dog>.register(name: "Fido")
    try await app.save(&dog)
    await #expect(throws: MapperError.self) {
      try await app.repository.get(dog.id, as: Cat.self)
    }
  }
}

private struct Cat: Aggregate {
  enum Event: DomainEvent { case adopted }
  mutating func apply(_ event: Event) {}
}
