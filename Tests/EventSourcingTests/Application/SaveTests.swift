import DogSchool
import EventSourcing
import Foundation
import Testing

/// An owner, so that one save can hold aggregates of two types.
private struct Owner: Aggregate {
  enum Event: DomainEvent {
    case registered(name: String)
    case adopted(dogID: UUID)
  }
  var name = ""
  var dogs: [UUID] = []
  mutating func apply(_ event: Event) {
    switch event {
    case .registered(let name): self.name = name
    case .adopted(let dogID): dogs.append(dogID)
    }
  }
}

/// A cat, the third type of a three-aggregate save.
private struct Cat: Aggregate {
  enum Event: DomainEvent { case born(name: String) }
  var name = ""
  mutating func apply(_ event: Event) {
    switch event { case .born(let name): self.name = name }
  }
}

/// `save(&aggregate)` collects what it stores and leaves the aggregate usable; a failed save
/// stores nothing and keeps everything pending. Each test runs in memory and on SQLite, with
/// and without a hash chain.
@Suite("Saving aggregates in place")
struct SaveTests {
  /// The configurations every test runs in.
  static let configurations: [(name: String, chained: Bool, sqlite: Bool)] = [
    ("memory", false, false), ("memory, chained", true, false),
    ("SQLite", false, true), ("SQLite, chained", true, true),
  ]

  private static func makeApp(
    chained: Bool, sqlite: Bool, in folder: URL, snapshotEvery interval: Int? = nil
  ) throws -> Application {
    let recorder: any ApplicationRecorder =
      sqlite
      ? try SQLiteRecorder(path: folder.appendingPathComponent("save.sqlite").path)
      : InMemoryRecorder()
    var snapshots: (any AggregateRecorder)?
    if interval != nil {
      snapshots =
        sqlite
        ? try SQLiteRecorder(
          path: folder.appendingPathComponent("save.sqlite").path, eventsTable: "snapshots")
        : InMemoryRecorder()
    }
    return Application(
      recorder: recorder, mapper: Mapper(hashChain: chained ? HashChain() : nil),
      snapshots: snapshots,
      snapshotIntervals: interval.map { [SnapshotInterval(Dog.self, every: $0)] } ?? [])
  }

  private func inEachConfiguration(
    snapshotEvery interval: Int? = nil,
    _ body: (String, Application) async throws -> Void
  ) async throws {
    for configuration in Self.configurations {
      try await withTemporaryDirectory { folder in
        let app = try Self.makeApp(
          chained: configuration.chained, sqlite: configuration.sqlite, in: folder,
          snapshotEvery: interval)
        try await body(configuration.name, app)
      }
    }
  }

  @Test("The same value takes command after command, saved after each")
  func changeAndSaveAgain() async throws {
    try await inEachConfiguration { name, app in
      var dog = EventSourced<Dog>.register(name: "Fido")
      let first = try await app.save(&dog)
      #expect(first.count == 1 && dog.pendingEvents.isEmpty, "\(name)")
      for trick in ["sit", "stay", "roll over"] {
        dog.addTrick(trick)
        try await app.save(&dog)
        #expect(dog.pendingEvents.isEmpty, "\(name)")
      }
      dog.addTrick("fetch")
      dog.addTrick("play dead")
      let last = try await app.save(&dog)
      #expect(last.count == 2, "\(name)")
      let loaded = try await app.repository.get(dog.id, as: Dog.self)
      #expect(loaded == dog, "\(name)")
      #expect(loaded.tricks == ["sit", "stay", "roll over", "fetch", "play dead"], "\(name)")
      // With a chain, every link of the history written by six saves verifies.
      _ = try await app.repository.headHash(of: dog.id)
    }
  }

  @Test("A refused save stores nothing and keeps the pending events for a retry")
  func refusedSaveKeepsPendingEvents() async throws {
    try await inEachConfiguration { name, app in
      var dog = EventSourced<Dog>.register(name: "Fido")
      try await app.save(&dog)
      var rival = try await app.repository.get(dog.id, as: Dog.self)
      rival.addTrick("stay")
      try await app.save(&rival)

      dog.addTrick("sit")
      await #expect(throws: RecorderError.versionConflict(originatorID: dog.id, version: 2)) {
        try await app.save(&dog)
      }
      #expect(dog.pendingEvents.map(\.originatorVersion) == [2], "\(name)")
      #expect(try await app.repository.get(dog.id, as: Dog.self).tricks == ["stay"], "\(name)")

      // The way on: load again, decide again, save.
      var fresh = try await app.repository.get(dog.id, as: Dog.self)
      fresh.addTrick("sit")
      try await app.save(&fresh)
      #expect(try await app.repository.get(dog.id, as: Dog.self).tricks == ["stay", "sit"])
    }
  }

  @Test("Two aggregates of different types are saved together, or neither is")
  func twoTypesAtomically() async throws {
    try await inEachConfiguration { name, app in
      var dog = EventSourced<Dog>.register(name: "Fido")
      var owner = EventSourced<Owner>(creating: .registered(name: "Ann"))
      owner.record(.adopted(dogID: dog.id))
      let ids = try await app.save(&dog, &owner)
      #expect(ids == [1, 2, 3], "\(name): the first aggregate's events first")
      #expect(dog.pendingEvents.isEmpty && owner.pendingEvents.isEmpty, "\(name)")

      // Both change again; the owner's new version is taken meanwhile: neither is stored.
      dog.addTrick("sit")
      owner.record(.adopted(dogID: UUID()))
      var rival = try await app.repository.get(owner.id, as: Owner.self)
      rival.record(.adopted(dogID: UUID()))
      try await app.save(&rival)
      await #expect(throws: RecorderError.versionConflict(originatorID: owner.id, version: 3)) {
        try await app.save(&dog, &owner)
      }
      #expect(dog.pendingEvents.count == 1 && owner.pendingEvents.count == 1, "\(name)")
      #expect(try await app.repository.get(dog.id, as: Dog.self).version == 1, "\(name)")
      #expect(try await app.notificationLog.maxNotificationID() == 4, "\(name)")
    }
  }

  @Test("Three aggregates, and an array of one type, are saved all or none")
  func threeAndMany() async throws {
    try await inEachConfiguration { name, app in
      var dog = EventSourced<Dog>.register(name: "Fido")
      var owner = EventSourced<Owner>(creating: .registered(name: "Ann"))
      var cat = EventSourced<Cat>(creating: .born(name: "Tom"))
      let three = try await app.save(&dog, &owner, &cat)
      #expect(three.count == 3, "\(name)")
      let stillPending = dog.pendingEvents.count + owner.pendingEvents.count + cat.pendingEvents.count
      #expect(stillPending == 0, "\(name)")

      var pack = (1...5).map { EventSourced<Dog>.register(name: "Dog \($0)") }
      pack[2].addTrick("sit")
      let six = try await app.save(&pack)
      #expect(six.count == 6, "\(name)")
      let allSaved = pack.allSatisfy(\.pendingEvents.isEmpty)
      #expect(allSaved, "\(name)")
      for index in pack.indices { pack[index].addTrick("stay") }
      var clash = EventSourced<Dog>(id: pack[4].id, creating: .registered(name: "Impostor"))
      pack.append(clash)
      await #expect(throws: RecorderError.versionConflict(originatorID: clash.id, version: 1)) {
        try await app.save(&pack)
      }
      let allKept = pack.allSatisfy { $0.pendingEvents.count == 1 }
      #expect(allKept, "\(name)")
      #expect(try await app.notificationLog.maxNotificationID() == 9, "\(name)")
      _ = clash.collectEvents()
    }
  }

  @Test("Snapshots taken by a save match the history, however often the value is saved")
  func snapshotsAlongRepeatedSaves() async throws {
    try await inEachConfiguration(snapshotEvery: 3) { name, app in
      var dog = EventSourced<Dog>.register(name: "Fido")
      try await app.save(&dog)
      for index in 1...10 {
        dog.addTrick("trick \(index)")
        try await app.save(&dog)
      }
      let fromSnapshot = try await app.repository.get(dog.id, as: Dog.self)
      let replayed = try await Application(recorder: app.recorder, mapper: app.mapper)
        .repository.get(dog.id, as: Dog.self)
      #expect(fromSnapshot == dog && replayed == dog, "\(name)")
      let versions = try await app.snapshots?.events(for: dog.id).map(\.originatorVersion)
      #expect(versions == [3, 6, 9], "\(name)")
    }
  }

  @Test("A process application saves in place with its tracking position")
  func savingWithTracking() async throws {
    let app = Application(recorder: InMemoryRecorder(), mapper: Mapper(hashChain: HashChain()))
    var dog = EventSourced<Dog>.register(name: "Fido")
    try await app.save(&dog, tracking: Tracking(applicationName: "Upstream", notificationID: 1))
    #expect(dog.pendingEvents.isEmpty)
    dog.addTrick("sit")
    var owner = EventSourced<Owner>(creating: .registered(name: "Ann"))
    let again = Tracking(applicationName: "Upstream", notificationID: 1)
    await #expect(throws: TrackingError.alreadyProcessed(again)) {
      try await app.save(&dog, &owner, tracking: again)
    }
    #expect(dog.pendingEvents.count == 1 && owner.pendingEvents.count == 1)
    try await app.save(&dog, &owner, tracking: Tracking(applicationName: "Upstream", notificationID: 2))
    #expect(dog.pendingEvents.isEmpty && owner.pendingEvents.isEmpty)
    #expect(try await app.maxTrackingID(for: "Upstream") == 2)
    #expect(try await app.repository.get(dog.id, as: Dog.self).tricks == ["sit"])
  }
}
