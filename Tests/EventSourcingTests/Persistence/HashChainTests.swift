import DogSchool
import EventSourcing
import Foundation
import Testing

/// Tampering with stored events, as someone with write access to the database could, and
/// checking that loading names the aggregate and the first version that fails.
@Suite("Hash-chained events")
struct HashChainTests {
  let recorder = EditableRecorder()

  func makeApp(_ mapper: Mapper = Mapper(hashChain: HashChain())) -> Application {
    Application(recorder: recorder, mapper: mapper)
  }

  /// Saves a dog with five events: registered, then four tricks.
  func saveFido(in app: Application) async throws -> UUID {
    var dog = EventSourced<Dog>.register(name: "Fido")
    for trick in ["sit", "roll over", "play dead", "fetch"] { dog.addTrick(trick) }
    try await app.save(&dog)
    return dog.id
  }

  func expectViolation(
    _ app: Application, _ id: UUID, atVersion version: Int, loadingVersion: Int? = nil,
    sourceLocation: SourceLocation = #_sourceLocation
  ) async {
    do {
      _ = try await app.repository.get(id, as: Dog.self, version: loadingVersion)
      Issue.record("the tampered aggregate loaded", sourceLocation: sourceLocation)
    } catch MapperError.integrityViolation(let originatorID, let failedVersion, _) {
      #expect(originatorID == id, sourceLocation: sourceLocation)
      #expect(failedVersion == version, sourceLocation: sourceLocation)
    } catch {
      Issue.record("unexpected error: \(error)", sourceLocation: sourceLocation)
    }
  }

  @Test func anUntouchedChainLoads() async throws {
    let app = makeApp()
    let id = try await saveFido(in: app)
    let dog = try await app.repository.get(id, as: Dog.self)
    #expect(dog.tricks == ["sit", "roll over", "play dead", "fetch"])
    let head = try #require(try await app.repository.headHash(of: id))
    #expect(head.count == 32)
    let stored = try await recorder.events(for: id)
    #expect(head == (try app.mapper.headHash(of: stored)))
  }

  @Test func aChangedByteIsDetected() async throws {
    let app = makeApp()
    let id = try await saveFido(in: app)
    let other = try await saveFido(in: app)
    recorder.replaceState(of: id, version: 3) { state in
      Data(String(decoding: state, as: UTF8.self).replacing("roll over", with: "roll away").utf8)
    }
    await expectViolation(app, id, atVersion: 3)
    #expect(try await app.repository.get(other, as: Dog.self).version == 5)
    // Versions before the change still load.
    #expect(try await app.repository.get(id, as: Dog.self, version: 2).tricks == ["sit"])
  }

  @Test func aChangedTopicIsDetected() async throws {
    let app = makeApp()
    let id = try await saveFido(in: app)
    recorder.edit { events in
      events = events.map { event in
        guard event.originatorID == id, event.originatorVersion == 2 else { return event }
        return StoredEvent(
          originatorID: id, originatorVersion: 2, topic: "DogSchool.Dog.Event.registered",
          state: event.state)
      }
    }
    await expectViolation(app, id, atVersion: 2)
  }

  @Test func aRemovedEventIsDetected() async throws {
    let app = makeApp()
    let id = try await saveFido(in: app)
    recorder.edit { $0.removeAll { $0.originatorID == id && $0.originatorVersion == 3 } }
    await expectViolation(app, id, atVersion: 4)
    await expectViolation(app, id, atVersion: 4, loadingVersion: 4)
  }

  @Test func aRemovedFirstEventIsDetected() async throws {
    let app = makeApp()
    let id = try await saveFido(in: app)
    recorder.edit { $0.removeAll { $0.originatorID == id && $0.originatorVersion == 1 } }
    await expectViolation(app, id, atVersion: 2)
    await #expect(throws: MapperError.self) { try await app.repository.headHash(of: id) }
  }

  @Test func swappedStatesAreDetected() async throws {
    let app = makeApp()
    let id = try await saveFido(in: app)
    let second = try recorder.event(id, version: 2).state
    let third = try recorder.event(id, version: 3).state
    recorder.replaceState(of: id, version: 2) { _ in third }
    recorder.replaceState(of: id, version: 3) { _ in second }
    await expectViolation(app, id, atVersion: 2)
  }

  @Test func aForgedEventWithItsOwnHashButAWrongLinkIsDetected() async throws {
    let app = makeApp()
    let id = try await saveFido(in: app)
    // The forger knows the format and recomputes the forged event's own hash, but not the
    // hash of the event before it.
    let forged = RecordedEvent<Dog.Event>(
      originatorID: id, originatorVersion: 3, timestamp: Date(), event: .trickAdded(trick: "fly"))
    let replacement = try app.mapper.storedEvents(
      [forged], after: Data(repeating: 0xAB, count: 32))
    let original = try recorder.event(id, version: 3).state
    recorder.replaceState(of: id, version: 3) { _ in replacement[0].state }
    await expectViolation(app, id, atVersion: 3)
    // Appended after the head, with a wrong link, it is caught as well.
    recorder.replaceState(of: id, version: 3) { _ in original }
    let appended = try app.mapper.storedEvents(
      [RecordedEvent(
        originatorID: id, originatorVersion: 6, timestamp: Date(),
        event: Dog.Event.trickAdded(trick: "fly"))],
      after: nil)
    recorder.edit { $0.append(contentsOf: appended) }
    await expectViolation(app, id, atVersion: 6)
  }

  @Test func anInsertedEventIsDetected() async throws {
    let app = makeApp()
    let id = try await saveFido(in: app)
    // The forger links the new event correctly and moves the later ones up by one version.
    let link = try await app.repository.headHash(of: id, version: 2)
    let forged = try app.mapper.storedEvents(
      [RecordedEvent<Dog.Event>(
        originatorID: id, originatorVersion: 3, timestamp: Date(),
        event: .trickAdded(trick: "fly"))],
      after: link)
    recorder.edit { events in
      events = events.map { event in
        guard event.originatorID == id, event.originatorVersion >= 3 else { return event }
        return StoredEvent(
          originatorID: id, originatorVersion: event.originatorVersion + 1, topic: event.topic,
          state: event.state)
      } + forged
    }
    await expectViolation(app, id, atVersion: 4)
  }

  @Test func aSaltedChainCannotBeForgedWithoutTheSalt() async throws {
    let app = makeApp(Mapper(hashChain: HashChain(salt: Data("kennel secret".utf8))))
    let id = try await saveFido(in: app)
    // The forger links correctly but can only compute unsalted hashes.
    let forger = Mapper(hashChain: HashChain())
    let link = try #require(try await app.repository.headHash(of: id, version: 2))
    let forged = try forger.storedEvents(
      [RecordedEvent<Dog.Event>(
        originatorID: id, originatorVersion: 3, timestamp: Date(),
        event: .trickAdded(trick: "fly"))],
      after: link)
    recorder.replaceState(of: id, version: 3) { _ in forged[0].state }
    await expectViolation(app, id, atVersion: 3)
  }

  @Test func saltedAndUnsaltedHashesDiffer() throws {
    let event = RecordedEvent<Dog.Event>(
      originatorID: UUID(), originatorVersion: 1, timestamp: Date(timeIntervalSince1970: 0),
      event: .registered(name: "Fido"))
    let states = try [nil, "one salt", "another salt"].map { salt in
      try Mapper(hashChain: HashChain(salt: salt.map { Data($0.utf8) }))
        .storedEvents([event], after: nil)[0].state
    }
    #expect(Set(states).count == 3)
  }

  @Test func theHeadHashChangesWithEachEvent() async throws {
    let app = makeApp()
    let school = DogSchool(application: app)
    let id = try await school.registerDog(name: "Fido")
    var seen = [try #require(try await app.repository.headHash(of: id))]
    for trick in ["sit", "roll over"] {
      try await school.addTrick(id, trick: trick)
      let head = try #require(try await app.repository.headHash(of: id))
      #expect(!seen.contains(head))
      seen.append(head)
    }
    #expect(try await app.repository.headHash(of: id, version: 2) == seen[1])
  }

  @Test func eventsStoredBeforeChainingStillLoad() async throws {
    let id = try await saveFido(in: makeApp(Mapper()))
    let app = makeApp()
    var dog = try await app.repository.get(id, as: Dog.self)
    #expect(try await app.repository.headHash(of: id) == nil)
    dog.addTrick("fly")
    try await app.save(&dog)
    let reloaded = try await app.repository.get(id, as: Dog.self)
    #expect(reloaded.tricks.last == "fly")
    #expect(try await app.repository.headHash(of: id) != nil)
    // A mapper without chaining reads chained events too.
    #expect(try await makeApp(Mapper()).repository.get(id, as: Dog.self).version == 6)
  }

  @Test func anUnchainedEventAfterChainedOnesIsDetected() async throws {
    let app = makeApp()
    let id = try await saveFido(in: app)
    var dog = try await makeApp(Mapper()).repository.get(id, as: Dog.self)
    dog.addTrick("fly")
    try await makeApp(Mapper()).save(&dog)
    await expectViolation(app, id, atVersion: 6)
  }

  @Test func savingAfterCollectingSavedEventsLinksToWhatIsStored() async throws {
    let app = makeApp()
    var dog = EventSourced<Dog>.register(name: "Fido")
    try await app.save(&dog)
    _ = dog.collectEvents()
    dog.addTrick("sit")
    try await app.save(&dog)
    #expect(try await app.repository.get(dog.id, as: Dog.self).tricks == ["sit"])
    #expect(try await app.repository.headHash(of: dog.id) != nil)
  }

  @Test func eventsAfterOnesNeverStoredAreRefusedByName() async throws {
    let app = makeApp()
    var dog = EventSourced<Dog>.register(name: "Fido")
    dog.addTrick("sit")
    _ = dog.collectEvents()  // versions 1 and 2 taken away, never stored
    dog.addTrick("stay")
    await #expect(throws: RepositoryError.historyNotStored(id: dog.id, version: 2)) {
      try await app.save(&dog)
    }
    #expect(dog.pendingEvents.count == 1, "a failed save keeps the pending events")
    #expect(try await app.repository.contains(dog.id) == false)
  }

  @Test func withoutAChainCollectingAndSavingAgainStillWorks() async throws {
    let app = makeApp(Mapper())
    var dog = EventSourced<Dog>.register(name: "Fido")
    try await app.save(&dog)
    _ = dog.collectEvents()
    dog.addTrick("sit")
    try await app.save(&dog)
    #expect(try await app.repository.get(dog.id, as: Dog.self).tricks == ["sit"])
  }
}
