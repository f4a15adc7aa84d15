import DogSchool
import EventSourcing
import Foundation
import Testing

@Suite("Persistence modules are registered, not enumerated")
struct PersistenceModuleTests {
  @Test("A module another package registers is selected by PERSISTENCE_MODULE")
  func registeredModule() async throws {
    let events = InMemoryRecorder()
    let snapshots = InMemoryRecorder()
    let name = "shared-\(UUID().uuidString)"
    PersistenceModule.register(
      PersistenceModule(
        name: name, aliases: ["example.\(name)"], makeRecorder: { _ in events },
        makeSnapshotRecorder: { _ in snapshots }))
    for selector in [name.uppercased(), "example.\(name)"] {
      let app = try Application(
        environment: ["PERSISTENCE_MODULE": selector, "IS_SNAPSHOTTING_ENABLED": "true"])
      var dog = EventSourced<Dog>.register(name: "Fido")
      try await app.save(&dog)
      try await app.takeSnapshot(of: dog.id, as: Dog.self)
    }
    #expect(try await events.maxNotificationID() == 2)
    #expect(PersistenceModule.registered.contains { $0.name == name })
  }

  @Test("An unknown module is refused with the names that are registered")
  func unknownModule() throws {
    #expect(PersistenceModule.named("eventsourcing.sqlite")?.name == "sqlite")
    #expect(PersistenceModule.named("POPO")?.name == "memory")
    do {
      _ = try Application(environment: ["PERSISTENCE_MODULE": "mongodb"])
      Issue.record("an unknown persistence module was accepted")
    } catch let ConfigurationError.unknownPersistenceModule(name, known) {
      #expect(name == "mongodb")
      #expect(known.starts(with: ["memory", "sqlite"]))
    }
  }
}
