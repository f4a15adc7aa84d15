import DogSchool
import EventSourcing
import Foundation
import Testing

@Suite("Snapshots with encryption, compression and hash chains")
struct ProtectedSnapshotTests {
  let events = EditableRecorder()
  let snapshots = InMemoryRecorder()
  let mapper: Mapper

  init() throws {
    mapper = Mapper(
      compressor: ZlibCompressor(), cipher: try AESGCMCipher(base64Key: AESGCMCipher.makeKey()),
      hashChain: HashChain(salt: Data("kennel".utf8)))
  }

  private func application(every interval: Int) -> Application {
    Application(
      recorder: events, mapper: mapper, snapshots: snapshots,
      snapshotIntervals: [SnapshotInterval(Dog.self, every: interval)])
  }


  @Test("Loading from protected snapshots equals replaying, at every version")
  func equivalence() async throws {
    let app = application(every: 5)
    let dogID = try await trainDog(tricks: 23, in: app)
    let replaying = Application(recorder: events, mapper: mapper)
    for version in 1...24 {
      let expected = try await replaying.repository.get(dogID, as: Dog.self, version: version)
      let actual = try await app.repository.get(dogID, as: Dog.self, version: version)
      #expect(actual == expected, "version \(version)")
    }
    #expect(try await snapshots.events(for: dogID).map(\.originatorVersion) == [5, 10, 15, 20])
  }

  @Test("Snapshot state is encrypted like the events")
  func snapshotsAreEncrypted() async throws {
    let dogID = try await trainDog(tricks: 4, in: application(every: 5))
    let stored = try #require(try await snapshots.events(for: dogID).first)
    #expect(stored.state.range(of: Data("Fido".utf8)) == nil)
    #expect(stored.state.range(of: Data("trick".utf8)) == nil)
  }

  @Test("A forged event right after a snapshot is caught by its link to the snapshot's hash")
  func forgedEventAfterSnapshot() async throws {
    let app = application(every: 5)
    let dogID = try await trainDog(tricks: 7, in: app)
    // The forger knows the mapper, salt and key, and recomputes version 6's own hash, but
    // links it to a made-up previous hash.
    let forged = RecordedEvent<Dog.Event>(
      originatorID: dogID, originatorVersion: 6, timestamp: Date(), event: .trickAdded(trick: "bite"))
    let forgedState = try mapper.storedEvents([forged], after: Data(repeating: 0x42, count: 32))[0].state
    events.replaceState(of: dogID, version: 6) { _ in forgedState }
    do {
      _ = try await app.repository.get(dogID, as: Dog.self)
      Issue.record("a forged event after the snapshot loaded")
    } catch let MapperError.integrityViolation(originatorID, version, _) {
      #expect(originatorID == dogID)
      #expect(version == 6)
    }
  }

  @Test("Saving after loading from a snapshot continues the chain")
  func savingContinuesTheChain() async throws {
    let app = application(every: 3)
    let dogID = try await trainDog(tricks: 10, in: app)
    var dog = try await app.repository.get(dogID, as: Dog.self)  // from the snapshot at 9
    dog.addTrick("one more")
    try await app.save(&dog)
    dog.addTrick("and another")
    try await app.save(&dog)
    // Replaying every event checks every link, the new ones included.
    let replaying = Application(recorder: events, mapper: mapper)
    let replayed = try await replaying.repository.get(dogID, as: Dog.self)
    #expect(replayed == dog)
    #expect(replayed.tricks.count == 12)
    #expect(try await replaying.repository.headHash(of: dogID) != nil)
  }
}
