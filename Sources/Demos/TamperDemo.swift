import DogSchool
import EventSourcing
import Foundation

/// Events in a real SQLite file attacked with plain SQL three ways: one byte of an event
/// changed, a snapshot replaced by a forged one, two encrypted records swapped. Each time
/// loading refuses and says where.
struct TamperDemo: Demo {
  let name = "tamper"
  let summary = "one byte, a forged snapshot and two swapped ciphertexts, each refused on loading"

  func run(narrator: Narrator) async throws {
    let directory = try makeKeptDemoDirectory(named: name)
    try await changedByte(in: directory, narrator: narrator)
    try await forgedSnapshot(in: directory, narrator: narrator)
    try await swappedCiphertexts(in: directory, narrator: narrator)
    narrator.say("The files stay in \(directory.path) for a second look with sqlite3.")
  }

  private func changedByte(in directory: URL, narrator: Narrator) async throws {
    let path = directory.appendingPathComponent("chained.sqlite").path
    let settings = [
      "PERSISTENCE_MODULE": "sqlite", "SQLITE_DBNAME": path, "ENABLE_HASH_CHAIN": "true",
      "SALT_FOR_DATA_INTEGRITY": "kennel secret",
    ]
    let app = try Application(environment: settings)
    narrator.step("Fido's history goes into \(path), each event hash-chained to the one before")
    var fido = EventSourced<Dog>.register(name: "Fido")
    try await app.save(&fido)
    for trick in ["sit", "roll over", "fetch ball"] {
      fido.addTrick(trick)
      try await app.save(&fido)
    }
    let database = DemoDatabase(path: path)
    for row in try database.rows(of: fido.id) {
      // A chained state is framed as 4 bytes of format tag, the previous event's hash and its
      // own hash (32 bytes each), then the event's JSON.
      let frame = 4 + 32 + 32
      narrator.say(
        "version \(row.version): \(frame) bytes of hashes, then "
          + String(decoding: row.state.dropFirst(frame), as: UTF8.self))
    }

    narrator.step("Someone with access to the file changes one byte: 'roll over' becomes 'roll ovar'")
    let sql =
      "UPDATE stored_events SET state = CAST(replace(CAST(state AS TEXT), 'roll over', "
      + "'roll ovar') AS BLOB) WHERE originator_version = 3"
    try database.execute(sql)
    narrator.say(sql)
    try await load(fido.id, settings: settings, narrator: narrator)
  }

  private func forgedSnapshot(in directory: URL, narrator: Narrator) async throws {
    let path = directory.appendingPathComponent("snapshots.sqlite").path
    let settings = [
      "PERSISTENCE_MODULE": "sqlite", "SQLITE_DBNAME": path, "ENABLE_HASH_CHAIN": "true",
      "SALT_FOR_DATA_INTEGRITY": "kennel secret",
    ]
    let intervals = [SnapshotInterval(Dog.self, every: 2)]
    let app = try Application(environment: settings, snapshotIntervals: intervals)
    narrator.step("In \(path), Fido learns three tricks; a snapshot every 2 events")
    var fido = EventSourced<Dog>.register(name: "Fido")
    for trick in ["sit", "stay", "roll over"] { fido.addTrick(trick) }
    try await app.save(&fido)
    narrator.say("snapshot at version 4, framed like an event: its hash covers Fido's ID, the version,")
    narrator.say("the state and the hash of event 4, keyed by the salt")

    narrator.step("Someone replaces the snapshot with one that says Fido bites, made with a guessed salt")
    var biting = EventSourced<Dog>.register(name: "Fido")
    biting.addTrick("bite")
    let forger = Mapper(hashChain: HashChain(salt: Data("a guess".utf8)))
    let forged = try forger.storedSnapshot(
      Snapshot(
        originatorID: fido.id, originatorVersion: 4, createdOn: fido.createdOn,
        modifiedOn: fido.modifiedOn, state: biting.state),
      headHash: try await app.repository.headHash(of: fido.id, version: 4))
    let sql = "UPDATE snapshots SET state = X'\(forged.state.hex)' WHERE originator_version = 4"
    try DemoDatabase(path: path).execute(sql)
    narrator.say("UPDATE snapshots SET state = X'\(forged.state.hex.prefix(24))' (\(forged.state.count) bytes in all) WHERE originator_version = 4")
    try await load(fido.id, settings: settings, intervals: intervals, narrator: narrator)
  }

  private func swappedCiphertexts(in directory: URL, narrator: Narrator) async throws {
    let path = directory.appendingPathComponent("encrypted.sqlite").path
    let settings = [
      "PERSISTENCE_MODULE": "sqlite", "SQLITE_DBNAME": path, "CIPHER_KEY": AESGCMCipher.makeKey(),
    ]
    let app = try Application(environment: settings)
    narrator.step("In \(path), Fido's events are encrypted with AES-GCM, and no hash chain")
    var fido = EventSourced<Dog>.register(name: "Fido")
    for trick in ["sit", "bite"] { fido.addTrick(trick) }
    try await app.save(&fido)
    let database = DemoDatabase(path: path)
    for row in try database.rows(of: fido.id) {
      narrator.say("version \(row.version): \(row.state.count) bytes, \(row.state.prefix(12).hex)…")
    }

    narrator.step("Someone swaps versions 2 and 3, so that Fido would bite before he sits")
    let second = try database.state(in: "stored_events", of: fido.id, version: 2)
    let third = try database.state(in: "stored_events", of: fido.id, version: 3)
    try database.execute(
      "UPDATE stored_events SET state = X'\(third.hex)' WHERE originator_version = 2;"
        + "UPDATE stored_events SET state = X'\(second.hex)' WHERE originator_version = 3")
    narrator.say("UPDATE stored_events SET state = (version 3's bytes) WHERE originator_version = 2")
    narrator.say("UPDATE stored_events SET state = (version 2's bytes) WHERE originator_version = 3")
    narrator.say("each record was sealed with its aggregate ID, version and topic as associated data")
    try await load(fido.id, settings: settings, narrator: narrator)
  }

  /// Loads Fido in a new application, as a restarted process would.
  private func load(
    _ id: UUID, settings: [String: String], intervals: [SnapshotInterval] = [],
    narrator: Narrator
  ) async throws {
    narrator.step("The application loads Fido again")
    let app = try Application(environment: settings, snapshotIntervals: intervals)
    do {
      let fido = try await app.repository.get(id, as: Dog.self)
      narrator.say("loaded?! \(fido.tricks) (this must not happen)")
    } catch let error as MapperError {
      narrator.say("refused: \(error)")
    }
  }
}

extension Data {
  /// The bytes in hexadecimal.
  var hex: String { map { String(format: "%02x", $0) }.joined() }
}
