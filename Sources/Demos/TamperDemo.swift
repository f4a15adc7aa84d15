import DogSchool
import EventSourcing
import Foundation

/// Events in a real SQLite file attacked with plain SQL three ways: one byte of an event
/// changed, a snapshot replaced by a forged one, two encrypted records swapped. Each time the
/// SQL shown is the SQL run, the rows are shown as stored before and after, and loading
/// refuses and says where.
struct TamperDemo: Demo {
  let name = "tamper"
  let summary = "one byte, a snapshot, two ciphertexts changed; each refused"

  /// The salt of the hash chains: a secret of the application.
  private static let salt = "kennel secret"

  func run(narrator: Narrator, files: DemoFiles) async throws {
    let directory = try files.makeFolder(for: name)
    let databases = [
      try await changedByte(in: directory, files: files, narrator: narrator),
      try await forgedSnapshot(in: directory, files: files, narrator: narrator),
      try await swappedCiphertexts(in: directory, files: files, narrator: narrator),
    ]
    files.finish(directory, databases: databases, narrator: narrator)
  }

  private func chainedSettings(_ path: String) -> [String: String] {
    [
      "PERSISTENCE_MODULE": "sqlite", "SQLITE_DBNAME": path, "ENABLE_HASH_CHAIN": "true",
      "SALT_FOR_DATA_INTEGRITY": Self.salt,
    ]
  }

  private func changedByte(in directory: URL, files: DemoFiles, narrator: Narrator) async throws -> String {
    let path = directory.appendingPathComponent("chained.sqlite").path
    let settings = chainedSettings(path)
    let app = try Application(environment: settings)
    narrator.step("Fido's history goes into a file, each event hash-chained to the one before")
    files.announce(path, narrator: narrator)
    var fido = EventSourced<Dog>.register(name: "Fido")
    try await app.save(&fido)
    for trick in ["sit", "roll over", "fetch ball"] {
      fido.addTrick(trick)
      try await app.save(&fido)
    }
    let database = DemoDatabase(path: path)
    for row in try database.rows(of: fido.id) {
      narrator.say("version \(row.version): \(ChainedState(row.state))")
    }

    narrator.step("Someone with access to the file turns 'roll over' into 'roll ovar'")
    let before = try database.state(in: "stored_events", of: fido.id, version: 3)
    let sql = """
      UPDATE stored_events
      SET state = CAST(replace(CAST(state AS TEXT), 'roll over', 'roll ovar')
                       AS BLOB)
      WHERE originator_version = 3
      """
    narrator.show(sql)
    try database.execute(sql)
    let after = try database.state(in: "stored_events", of: fido.id, version: 3)
    narrator.say("version 3 before: \(ChainedState(before))")
    narrator.say("version 3 after:  \(ChainedState(after))")
    narrator.say(ByteDifference(before, after).description)
    try await load(fido.id, settings: settings, narrator: narrator)
    return path
  }

  private func forgedSnapshot(in directory: URL, files: DemoFiles, narrator: Narrator) async throws -> String {
    let path = directory.appendingPathComponent("snapshots.sqlite").path
    let settings = chainedSettings(path)
    let intervals = [SnapshotInterval(Dog.self, every: 2)]
    let app = try Application(environment: settings, snapshotIntervals: intervals)
    narrator.step("In a second file, Fido learns three tricks; a snapshot every 2 events")
    files.announce(path, narrator: narrator)
    var fido = EventSourced<Dog>.register(name: "Fido")
    for trick in ["sit", "stay", "roll over"] { fido.addTrick(trick) }
    try await app.save(&fido)
    let database = DemoDatabase(path: path)
    let stored = try database.state(in: "snapshots", of: fido.id, version: fido.version)
    narrator.say("snapshot at version \(fido.version): \(ChainedState(stored))")
    narrator.say("framed like an event: its hash covers Fido's ID, the version, the state and")
    narrator.say("the hash of event \(fido.version), keyed by the salt")

    narrator.step("Someone replaces the snapshot with one that says Fido bites, made with a guessed salt")
    var biting = EventSourced<Dog>.register(name: "Fido")
    biting.addTrick("bite")
    let forger = Mapper(hashChain: HashChain(salt: Data("a guess".utf8)))
    let forged = try forger.storedSnapshot(
      Snapshot(
        originatorID: fido.id, originatorVersion: fido.version, createdOn: fido.createdOn,
        modifiedOn: fido.modifiedOn, state: biting.state),
      headHash: try await app.repository.headHash(of: fido.id, version: fido.version))
    let sql = "UPDATE snapshots SET state = ? WHERE originator_version = \(fido.version)"
    narrator.show(sql)
    narrator.say("with ? bound to the forged snapshot's \(forged.state.count) bytes:")
    narrator.show(forged.state.hexLines(width: 64))
    try database.execute(sql, binding: forged.state)
    let after = try database.state(in: "snapshots", of: fido.id, version: fido.version)
    narrator.say("snapshot after: \(ChainedState(after))")
    try await load(fido.id, settings: settings, intervals: intervals, narrator: narrator)
    return path
  }

  private func swappedCiphertexts(in directory: URL, files: DemoFiles, narrator: Narrator) async throws -> String {
    let path = directory.appendingPathComponent("encrypted.sqlite").path
    let settings = [
      "PERSISTENCE_MODULE": "sqlite", "SQLITE_DBNAME": path, "CIPHER_KEY": AESGCMCipher.makeKey(),
    ]
    let app = try Application(environment: settings)
    narrator.step("In a third file, Fido's events are encrypted with AES-GCM, and no hash chain")
    files.announce(path, narrator: narrator)
    var fido = EventSourced<Dog>.register(name: "Fido")
    for trick in ["sit", "bite"] { fido.addTrick(trick) }
    try await app.save(&fido)
    let database = DemoDatabase(path: path)
    func showRows(_ moment: String) throws {
      narrator.say(moment)
      for row in try database.rows(of: fido.id) {
        narrator.say("version \(row.version): \(SealedRecord(row.state))")
      }
    }
    try showRows("as stored: format mark (4 bytes), nonce (12), ciphertext, tag (16):")

    narrator.step("Someone swaps versions 2 and 3, so that Fido would bite before he sits")
    let sql = """
      CREATE TEMP TABLE swap AS
        SELECT originator_version AS version, state FROM stored_events
        WHERE originator_version IN (2, 3);
      UPDATE stored_events
      SET state = (SELECT state FROM swap
                   WHERE swap.version = 5 - stored_events.originator_version)
      WHERE originator_version IN (2, 3);
      """
    narrator.show(sql)
    try database.execute(sql)
    try showRows("after the swap:")
    narrator.say("each record was sealed with its aggregate ID, version and topic as associated data")
    try await load(fido.id, settings: settings, narrator: narrator)
    return path
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

/// A hash-chained state as stored: 4 bytes of format tag, the previous hash and the record's
/// own hash (32 bytes each), then the JSON; shown with the hashes cut to their first bytes.
struct ChainedState: CustomStringConvertible {
  static let frame = 4 + 32 + 32
  let bytes: Data

  init(_ bytes: Data) { self.bytes = bytes }

  var description: String {
    guard bytes.count >= Self.frame else { return bytes.printable() }
    let previous = bytes.dropFirst(4).prefix(4).hex
    let own = bytes.dropFirst(36).prefix(4).hex
    return "prev \(previous)…, hash \(own)…, "
      + String(decoding: bytes.dropFirst(Self.frame), as: UTF8.self)
  }
}

/// How two versions of a stored state differ, counted byte by byte.
struct ByteDifference: CustomStringConvertible {
  let changed: [Int]
  let lengths: (before: Int, after: Int)

  init(_ before: Data, _ after: Data) {
    let pairs = zip(before, after).enumerated()
    changed = pairs.filter { $0.element.0 != $0.element.1 }.map(\.offset)
    lengths = (before.count, after.count)
  }

  var description: String {
    let bytes = changed.count == 1 ? "1 byte" : "\(changed.count) bytes"
    let place = changed.count == 1 ? " (byte \(changed[0]) of \(lengths.after))" : ""
    let length = lengths.before == lengths.after ? "" : ", and the length went from \(lengths.before) to \(lengths.after)"
    return "\(bytes) changed\(place)\(length)"
  }
}

extension Data {
  /// The bytes in hexadecimal.
  var hex: String { map { String(format: "%02x", $0) }.joined() }

  /// The bytes in hexadecimal, in lines of `width` characters.
  func hexLines(width: Int) -> String {
    var text = Substring(hex)
    var lines: [Substring] = []
    while !text.isEmpty {
      lines.append(text.prefix(width))
      text = text.dropFirst(width)
    }
    return lines.joined(separator: "\n")
  }
}
