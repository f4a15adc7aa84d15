import Crypto
import DogSchool
import EventSourcing
import Foundation
import Testing

/// The stored formats of protection: records sealed with their place, snapshots framed by the
/// chain, records written before either, and the size limit that keeps every stored record
/// readable.
@Suite("Protection formats and limits")
struct ProtectionFormatTests {
  private static let key = AESGCMCipher.makeKey()

  private func dog(_ tricks: Int = 2) -> EventSourced<Dog> {
    var dog = EventSourced<Dog>.register(name: "Fido")
    for index in 0..<tricks { dog.addTrick("trick \(index)") }
    return dog
  }

  /// Seals without associated data, as the library did before, and as a cipher that is not
  /// an `AuthenticatingCipher` does.
  private struct PlainCipher: Cipher {
    let inner: AESGCMCipher
    func encrypt(_ plaintext: Data) throws -> Data { try inner.encrypt(plaintext) }
    func decrypt(_ ciphertext: Data) throws -> Data { try inner.decrypt(ciphertext) }
  }

  @Test("Records sealed without associated data, as before, still load with the same key")
  func olderRecordsLoad() async throws {
    let cipher = try AESGCMCipher(base64Key: Self.key)
    let recorder = InMemoryRecorder()
    let older = Application(recorder: recorder, mapper: Mapper(cipher: PlainCipher(inner: cipher)))
    var fido = dog()
    try await older.save(&fido)
    let stored = try await recorder.events(for: fido.id)
    #expect(stored.allSatisfy { !$0.state.starts(with: [0x00, 0x53, 0x52]) }, "no sealed-record magic")

    let current = Application(recorder: recorder, mapper: Mapper(cipher: cipher))
    var loaded = try await current.repository.get(fido.id, as: Dog.self)
    #expect(loaded == fido)
    loaded.addTrick("new")
    try await current.save(&loaded)
    let newest = try #require(try await recorder.events(for: fido.id).last)
    #expect(newest.state.starts(with: [0x00, 0x53, 0x52, 0x01]), "new records are sealed with their place")
    #expect(try await current.repository.get(fido.id, as: Dog.self).tricks.count == 3)
  }

  @Test("A sealed record without its format bytes does not open as an older record")
  func strippedMagicFails() throws {
    let mapper = Mapper(cipher: try AESGCMCipher(base64Key: Self.key))
    var fido = dog(0)
    let stored = try mapper.storedEvents(fido.collectEvents(), after: nil)[0]
    let stripped = StoredEvent(
      originatorID: stored.originatorID, originatorVersion: 1, topic: stored.topic,
      state: stored.state.dropFirst(4))
    #expect(throws: MapperError.unauthenticated(originatorID: fido.id, version: 1)) {
      try mapper.recordedEvent(Dog.Event.self, from: stripped)
    }
  }

  @Test("A record moved to another version, aggregate or topic does not open")
  func movedRecordsFail() throws {
    let mapper = Mapper(cipher: try AESGCMCipher(base64Key: Self.key))
    var fido = dog(1)
    let stored = try mapper.storedEvents(fido.collectEvents(), after: nil)[1]
    let other = UUID()
    let moves = [
      StoredEvent(originatorID: stored.originatorID, originatorVersion: 3, topic: stored.topic, state: stored.state),
      StoredEvent(originatorID: other, originatorVersion: 2, topic: stored.topic, state: stored.state),
      StoredEvent(
        originatorID: stored.originatorID, originatorVersion: 2,
        topic: Dog.Event.registered(name: "").topic, state: stored.state),
    ]
    for moved in moves {
      #expect(throws: MapperError.unauthenticated(originatorID: moved.originatorID, version: moved.originatorVersion)) {
        try mapper.recordedEvent(Dog.Event.self, from: moved)
      }
    }
    #expect(try mapper.recordedEvent(Dog.Event.self, from: stored).originatorVersion == 2)
  }

  @Test("A snapshot stored before snapshots were chained is ignored, and the events replayed")
  func unframedSnapshotIsIgnored() async throws {
    let events = InMemoryRecorder()
    let snapshots = InMemoryRecorder()
    let app = Application(
      recorder: events, mapper: Mapper(hashChain: HashChain()), snapshots: snapshots)
    var fido = dog(3)
    try await app.save(&fido)
    // An unframed snapshot with a made-up state, as an older library or a forger writes it.
    var forged = EventSourced<Dog>.register(name: "Fido")
    forged.addTrick("bite")
    let unframed = try Mapper().storedSnapshot(Snapshot(
      originatorID: fido.id, originatorVersion: 4, createdOn: fido.createdOn,
      modifiedOn: fido.modifiedOn, state: forged.state))
    try await snapshots.insert([unframed])
    let loaded = try await app.repository.get(fido.id, as: Dog.self)
    #expect(loaded == fido, "the events are replayed, not the unframed snapshot")
    #expect(loaded.tricks == fido.tricks)
  }

  @Test("A save of a state larger than can be read back stores nothing, named")
  func tooLargeToReadBack() async throws {
    let recorder = InMemoryRecorder()
    let settings = ["COMPRESSOR_TOPIC": "zlib", "MAX_STATE_SIZE": "4096"]
    let mapper = try ApplicationEnvironment(settings, processEnvironment: [:]).makeMapper()
    #expect(mapper.maximumStateSize == 4096)
    #expect((mapper.compressor as? ZlibCompressor)?.maximumDecompressedSize == 4096)
    let app = Application(
      recorder: recorder, mapper: mapper, snapshots: InMemoryRecorder(),
      snapshotIntervals: [SnapshotInterval(Dog.self, every: 2)])
    var fido = dog(0)
    try await app.save(&fido)
    fido.addTrick(String(repeating: "a", count: 5_000))
    do {
      try await app.save(&fido)
      Issue.record("a state larger than MAX_STATE_SIZE was stored")
    } catch let MapperError.stateTooLarge(originatorID, version, size, limit) {
      #expect(originatorID == fido.id && version == 2 && size > 5_000 && limit == 4096)
    }
    #expect(try await recorder.events(for: fido.id).count == 1, "nothing of the save is stored")
    #expect(fido.pendingEvents.count == 1, "the refused event stays pending")
    #expect("\(MapperError.stateTooLarge(originatorID: fido.id, version: 2, size: 5_100, limit: 4096))"
      .contains("MAX_STATE_SIZE"))

    // A compressor's own limit lowers the mapper's.
    let strict = Mapper(compressor: ZlibCompressor(maximumDecompressedSize: 100))
    var rex = dog(0)
    rex.addTrick(String(repeating: "b", count: 200))
    #expect(throws: MapperError.self) { try strict.storedEvents(rex.collectEvents(), after: nil) }
  }

  @Test("MAX_STATE_SIZE must be a whole number of bytes", arguments: ["0", "-1", "64MiB", "1e6", "99999999999999999999"])
  func invalidLimit(_ text: String) throws {
    #expect(throws: ConfigurationError.self) {
      try ApplicationEnvironment(["MAX_STATE_SIZE": text], processEnvironment: [:]).makeMapper()
    }
  }

  @Test("AES-GCM with associated data opens only with the same associated data")
  func associatedData() throws {
    let cipher = try AESGCMCipher(base64Key: Self.key)
    let sealed = try cipher.encrypt(Data("Fido".utf8), authenticating: Data("here".utf8))
    #expect(try cipher.decrypt(sealed, authenticating: Data("here".utf8)) == Data("Fido".utf8))
    #expect(throws: CipherError.unauthenticated) {
      try cipher.decrypt(sealed, authenticating: Data("there".utf8))
    }
    #expect(throws: CipherError.unauthenticated) { try cipher.decrypt(sealed) }
    // Empty associated data is no associated data: older records open either way.
    let older = try cipher.encrypt(Data("Rex".utf8))
    #expect(try cipher.decrypt(older, authenticating: Data()) == Data("Rex".utf8))
  }
}
