import Chapter03
import Foundation
import Testing

@Suite("Chapter 3: an in-memory event store and an application")
struct Chapter03Tests {
  let store = InMemoryEventStore()

  /// The events of a dog registered as "Fido" that learnt the given tricks.
  func history(of id: UUID = UUID(), tricks: [String] = []) -> [RecordedEvent] {
    var dog = Dog.register(id: id, name: "Fido")
    for trick in tricks { dog.addTrick(trick) }
    return dog.pendingEvents
  }

  // MARK: - Task 1

  @Test("Task 1: appending a version that is already recorded throws a conflict")
  func duplicateVersionConflicts() async throws {
    let id = UUID()
    try await store.append(history(of: id))
    await #expect(
      throws: EventStoreError.versionConflict(originatorID: id, version: 1),
      "Task 1: append should throw versionConflict when a dog's version is already recorded."
    ) {
      try await store.append(history(of: id))
    }
  }

  @Test("Task 1: a stale copy of a dog cannot overwrite a newer one")
  func staleCopyConflicts() async throws {
    let id = UUID()
    let registered = history(of: id)
    try await store.append(registered)
    var first = try Dog(replaying: registered)
    var second = try Dog(replaying: registered)
    first.addTrick("roll over")
    second.addTrick("fetch ball")
    try await store.append(first.collectEvents())
    await #expect(
      throws: EventStoreError.versionConflict(originatorID: id, version: 2),
      "Task 1: the second writer of version 2 should get a versionConflict."
    ) {
      try await store.append(second.collectEvents())
    }
  }

  @Test("Task 1: different dogs never conflict")
  func differentDogsDoNotConflict() async throws {
    try await store.append(history(tricks: ["sit"]))
    try await store.append(history(tricks: ["sit"]))
    try await store.append(history())
  }

  // MARK: - Task 2

  @Test("Task 2: a refused append stores none of its events")
  func refusedAppendStoresNothing() async throws {
    let fido = UUID()
    let rex = UUID()
    try await store.append(history(of: fido))
    await #expect(
      throws: EventStoreError.versionConflict(originatorID: fido, version: 1),
      "Task 1: an append with a recorded version should throw versionConflict."
    ) {
      try await store.append(history(of: rex) + history(of: fido))
    }
    // If Rex's event had been kept, appending it now would conflict.
    await #expect(
      throws: Never.self,
      "Task 2: a refused append should store none of its events, not even those before the conflict."
    ) {
      try await store.append(history(of: rex))
    }
  }

  @Test("Task 2: one call may append several events, and repeating a version in it is refused")
  func severalEventsInOneCall() async throws {
    let id = UUID()
    let events = history(of: id, tricks: ["roll over", "fetch ball"])
    await #expect(
      throws: EventStoreError.self,
      "Task 2: a call that holds version 2 twice should be refused as a whole."
    ) {
      try await store.append([events[0], events[1], events[1]])
    }
    await #expect(
      throws: Never.self,
      "Task 2: several events of one dog should append in one call (and a refused call leaves none)."
    ) {
      try await store.append(events)
    }
  }

  // MARK: - Task 3

  @Test("Task 3: a dog's events come back in version order, and only that dog's")
  func readsOneDogsEventsInOrder() async throws {
    let fido = history(tricks: (1...14).map { "trick \($0)" })
    let rex = history(tricks: ["sit", "stay"])
    for (index, event) in fido.enumerated() {
      try await store.append([event])
      if index < rex.count { try await store.append([rex[index]]) }
    }
    let events = try await store.events(for: fido[0].originatorID)
    #expect(
      events == fido,
      "Task 3: events(for:) should return all of the dog's events, oldest first, and no others."
    )
  }

  @Test("Task 3: reading through a version stops there")
  func readsThroughAVersion() async throws {
    let fido = history(tricks: ["roll over", "fetch ball", "play dead"])
    try await store.append(fido)
    let id = fido[0].originatorID
    let firstTwo = try await store.events(for: id, through: 2)
    #expect(
      firstTwo == Array(fido.prefix(2)),
      "Task 3: events(for:through: 2) should return versions 1 and 2 only.")
    let all = try await store.events(for: id, through: nil)
    #expect(all == fido, "Task 3: events(for:through: nil) should return every event.")
    let unknown = try await store.events(for: UUID())
    #expect(unknown.isEmpty, "Task 3: an unknown dog has no events: return an empty array.")
  }

  // MARK: - Task 4

  @Test("Task 4: the repository rebuilds the latest dog")
  func repositoryGetsTheLatestDog() async throws {
    var dog = Dog.register(name: "Fido")
    dog.addTrick("roll over")
    try await store.append(dog.collectEvents())
    let found = try await Repository(store: store).get(dog.id)
    #expect(found == dog, "Task 4: get(_:) should replay the dog's events into an equal dog.")
  }

  @Test("Task 4: time travel gives the dog as it was at a version")
  func repositoryTravelsInTime() async throws {
    var dog = Dog.register(name: "Fido")
    dog.addTrick("roll over")
    dog.addTrick("fetch ball")
    try await store.append(dog.collectEvents())
    let repository = Repository(store: store)
    let atVersion1 = try await repository.get(dog.id, version: 1)
    let atVersion2 = try await repository.get(dog.id, version: 2)
    #expect(
      atVersion1.version == 1 && atVersion1.tricks.isEmpty,
      "Task 4: get(_:version: 1) should give the dog before it learnt any trick.")
    #expect(
      atVersion2.version == 2 && atVersion2.tricks == ["roll over"],
      "Task 4: get(_:version: 2) should give the dog with its first trick only.")
  }

  @Test("Task 4: getting an unknown dog throws aggregateNotFound")
  func repositoryThrowsForAnUnknownDog() async throws {
    let id = UUID()
    await #expect(
      throws: RepositoryError.aggregateNotFound(id: id),
      "Task 4: get(_:) should throw RepositoryError.aggregateNotFound(id:) when there are no events."
    ) {
      try await Repository(store: store).get(id)
    }
  }

  // MARK: - Task 5

  @Test("Task 5: the school registers dogs, teaches tricks and tells about them")
  func dogSchool() async throws {
    let school = DogSchool(store: store)
    let fido = try await school.registerDog(name: "Fido")
    let rex = try await school.registerDog(name: "Rex")
    try await school.addTrick(fido, trick: "roll over")
    try await school.addTrick(fido, trick: "fetch ball")
    try await school.addTrick(rex, trick: "sit")
    let fidoDetails = try await school.getDog(fido)
    let rexDetails = try await school.getDog(rex)
    #expect(
      fidoDetails == DogDetails(name: "Fido", tricks: ["roll over", "fetch ball"]),
      "Task 5: getDog should tell the name and tricks the commands recorded.")
    #expect(rexDetails == DogDetails(name: "Rex", tricks: ["sit"]), "Task 5: dogs stay apart.")
    let stored = try await store.events(for: fido)
    #expect(
      stored.map(\.originatorVersion) == [1, 2, 3],
      "Task 5: each command should append only its new events to the dog's history.")
  }

  @Test("Task 5: saving a stale dog is refused and the first save stays")
  func staleSaveIsRefused() async throws {
    let school = DogSchool(store: store)
    let id = try await school.registerDog(name: "Fido")
    var first = try await school.repository.get(id)
    var second = try await school.repository.get(id)
    first.addTrick("roll over")
    second.addTrick("fetch ball")
    try await school.save(first)
    await #expect(
      throws: EventStoreError.versionConflict(originatorID: id, version: 2),
      "Task 5: save should append through the store, so a stale dog gets a versionConflict."
    ) {
      try await school.save(second)
    }
    let details = try await school.getDog(id)
    #expect(details.tricks == ["roll over"], "Task 5: the refused save should change nothing.")
  }

  @Test("Task 5: concurrent commands lose no trick silently")
  func concurrentCommands() async throws {
    let school = DogSchool(store: store)
    let id = try await school.registerDog(name: "Fido")
    let saved = await withTaskGroup(of: Bool.self) { group in
      for number in 1...20 {
        group.addTask {
          do {
            try await school.addTrick(id, trick: "trick \(number)")
            return true
          } catch {
            return false
          }
        }
      }
      return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
    }
    let dog = try await school.repository.get(id)
    #expect(
      dog.tricks.count == saved && dog.version == saved + 1,
      "Task 2: every command that did not throw should be stored, and no other (check and append in one withLock)."
    )
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
