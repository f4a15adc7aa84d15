import DogSchool
import EventSourcing
import Foundation
import Testing

@Suite("Snapshots")
struct SnapshotTests {
  let events = InMemoryRecorder()
  let snapshots = InMemoryRecorder()

  private func application(every interval: Int) -> Application {
    Application(
      recorder: events, snapshots: snapshots,
      snapshotIntervals: [SnapshotInterval(Dog.self, every: interval)])
  }


  @Test("Loading with snapshots gives the same aggregate as replaying, at every version")
  func equivalence() async throws {
    let app = application(every: 7)
    let dogID = try await trainDog(tricks: 60, in: app)
    let withoutSnapshots = Application(recorder: events)
    for version in 1...61 {
      let expected = try await withoutSnapshots.repository.get(dogID, as: Dog.self, version: version)
      let actual = try await app.repository.get(dogID, as: Dog.self, version: version)
      #expect(actual == expected, "version \(version)")
    }
    #expect(try await app.repository.get(dogID, as: Dog.self).tricks.count == 60)
  }

  @Test("A snapshot is taken whenever a save reaches a multiple of the interval")
  func automaticInterval() async throws {
    let app = application(every: 10)
    let dogID = try await trainDog(tricks: 34, in: app)
    let versions = try await snapshots.events(for: dogID).map(\.originatorVersion)
    #expect(versions == [10, 20, 30])
  }

  @Test("A save of several events that passes a multiple takes one snapshot at the new version")
  func intervalPassedInOneSave() async throws {
    let app = application(every: 5)
    var dog = EventSourced<Dog>.register(name: "Fido")
    for index in 1...6 { dog.addTrick("trick \(index)") }
    try await app.save(&dog)
    #expect(try await snapshots.events(for: dog.id).map(\.originatorVersion) == [7])
    #expect(try await app.repository.get(dog.id, as: Dog.self) == dog)
  }

  @Test("Loading starts at the newest snapshot and still applies the events after it")
  func laterEvents() async throws {
    let app = application(every: 1_000)
    let dogID = try await trainDog(tricks: 3, in: app)
    try await app.takeSnapshot(of: dogID, as: Dog.self)
    var dog = try await app.repository.get(dogID, as: Dog.self)
    dog.addTrick("after the snapshot")
    try await app.save(&dog)
    let loaded = try await app.repository.get(dogID, as: Dog.self)
    #expect(loaded.tricks.last == "after the snapshot")
    #expect(loaded.version == 5)
    #expect(try await snapshots.events(for: dogID).map(\.originatorVersion) == [4])
  }

  @Test("Snapshots are taken on demand at the current or an earlier version")
  func onDemand() async throws {
    let app = application(every: 1_000)
    let dogID = try await trainDog(tricks: 5, in: app)
    try await app.takeSnapshot(of: dogID, as: Dog.self, version: 3)
    try await app.takeSnapshot(of: dogID, as: Dog.self)
    try await app.takeSnapshot(of: dogID, as: Dog.self)  // again: nothing changes
    #expect(try await snapshots.events(for: dogID).map(\.originatorVersion) == [3, 6])
    #expect(try await app.repository.get(dogID, as: Dog.self, version: 4).tricks.count == 3)
    await #expect(throws: RepositoryError.aggregateNotFound(id: dogID)) {
      try await app.takeSnapshot(of: dogID, as: Dog.self, version: 0)
    }
  }

  @Test("An application without a snapshot store refuses to take snapshots")
  func disabled() async throws {
    let app = Application(recorder: events)
    let dogID = try await trainDog(tricks: 1, in: app)
    await #expect(throws: ConfigurationError.snapshottingDisabled) {
      try await app.takeSnapshot(of: dogID, as: Dog.self)
    }
  }

  @Test("IS_SNAPSHOTTING_ENABLED turns the snapshot store on and off")
  func environment() throws {
    let interval = SnapshotInterval(Dog.self, every: 10)
    #expect(try Application(environment: ["PERSISTENCE_MODULE": "memory"]).snapshots == nil)
    #expect(try Application(environment: ["IS_SNAPSHOTTING_ENABLED": "yes"]).snapshots != nil)
    #expect(try Application(environment: [:], snapshotIntervals: [interval]).snapshots != nil)
    let off = try Application(environment: ["IS_SNAPSHOTTING_ENABLED": "false"], snapshotIntervals: [interval])
    #expect(off.snapshots == nil)
    #expect(off.snapshotIntervals.isEmpty)
    #expect(throws: ConfigurationError.self) {
      try Application(environment: ["IS_SNAPSHOTTING_ENABLED": "perhaps"])
    }
  }

  @Test("Snapshots go through the mapper's cipher like events")
  func snapshotsAreProtected() async throws {
    let app = Application(
      recorder: events, mapper: Mapper(cipher: ReversingCipher()), snapshots: snapshots,
      snapshotIntervals: [SnapshotInterval(Dog.self, every: 2)])
    let dogID = try await trainDog(tricks: 1, in: app)
    let stored = try #require(try await snapshots.events(for: dogID).first)
    #expect(!String(decoding: stored.state, as: UTF8.self).contains("Fido"))
    #expect(try await app.repository.get(dogID, as: Dog.self).name == "Fido")
  }
}

/// A stand-in cipher that reverses the bytes: enough to show the state is transformed.
private struct ReversingCipher: Cipher {
  func encrypt(_ plaintext: Data) throws -> Data { Data(plaintext.reversed()) }
  func decrypt(_ ciphertext: Data) throws -> Data { Data(ciphertext.reversed()) }
}
