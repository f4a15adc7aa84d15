import CSQLite
import DogSchool
import EventSourcing
import Foundation

/// A configuration of the README's tamper table.
struct TamperConfiguration: Sendable {
  let name: String
  let chained: Bool
  let salted: Bool
  let encrypted: Bool

  /// The table's columns, in order.
  static let all = [
    TamperConfiguration(name: "chain", chained: true, salted: false, encrypted: false),
    TamperConfiguration(name: "chain with salt", chained: true, salted: true, encrypted: false),
    TamperConfiguration(name: "cipher", chained: false, salted: false, encrypted: true),
    TamperConfiguration(name: "cipher with chain", chained: true, salted: false, encrypted: true),
  ]

  private static let key = AESGCMCipher.makeKey()

  func settings(path: String) -> [String: String] {
    var settings = [
      "PERSISTENCE_MODULE": "sqlite", "SQLITE_DBNAME": path, "SQLITE_SYNCHRONOUS": "NORMAL",
    ]
    if chained { settings["ENABLE_HASH_CHAIN"] = "true" }
    if salted { settings["SALT_FOR_DATA_INTEGRITY"] = "kennel secret" }
    if encrypted { settings["CIPHER_KEY"] = Self.key }
    return settings
  }

  /// The mapper of someone who can write the database and has the library, but not the
  /// secrets: the same formats, a salt of their own, a key of their own.
  func attackerMapper() throws -> Mapper {
    Mapper(
      cipher: encrypted ? try AESGCMCipher(base64Key: AESGCMCipher.makeKey()) : nil,
      hashChain: chained ? HashChain(salt: salted ? Data("a guess".utf8) : nil) : nil)
  }
}

/// Two dogs of eight events each in a new SQLite file, saved one event at a time, with
/// snapshots at versions 3 and 6 when snapshots are on.
struct TamperScene {
  let path: String
  let settings: [String: String]
  let withSnapshots: Bool
  let fido: UUID
  let rex: UUID

  static let events = "stored_events"
  static let snapshots = "snapshots"

  static func make(
    in folder: URL, configuration: TamperConfiguration, withSnapshots: Bool
  ) async throws -> Self {
    let path = folder.appendingPathComponent("school.sqlite").path
    let settings = configuration.settings(path: path)
    let app = try Self.open(settings, withSnapshots: withSnapshots)
    var ids: [UUID] = []
    for name in ["Fido", "Rex"] {
      var dog = EventSourced<Dog>.register(name: name)
      try await app.save(&dog)
      for index in 2...8 {
        dog.addTrick("\(name)'s trick \(index)")
        try await app.save(&dog)
      }
      ids.append(dog.id)
    }
    return Self(path: path, settings: settings, withSnapshots: withSnapshots, fido: ids[0], rex: ids[1])
  }

  static func open(_ settings: [String: String], withSnapshots: Bool) throws -> Application {
    try Application(
      environment: settings,
      snapshotIntervals: withSnapshots ? [SnapshotInterval(Dog.self, every: 3)] : [])
  }

  func reopen() throws -> Application { try Self.open(settings, withSnapshots: withSnapshots) }

  func filter(_ id: UUID, _ version: Int) -> String {
    "originator_id = '\(id.uuidString)' AND originator_version = \(version)"
  }

  /// The stored state of a row.
  func state(in table: String, _ id: UUID, _ version: Int) throws -> Data {
    guard let state = try RawSQL.blob(
      "SELECT state FROM \(table) WHERE \(filter(id, version))", on: path)
    else { throw TamperTableError("no row \(id) \(version) in \(table)") }
    return state
  }

  /// Writes a row's state with a plain UPDATE.
  func setState(in table: String, _ id: UUID, _ version: Int, to state: Data) throws {
    try RawSQL.execute(
      "UPDATE \(table) SET state = \(RawSQL.literal(state)) WHERE \(filter(id, version))", on: path)
  }

  func delete(in table: String, _ id: UUID, _ version: Int? = nil) throws {
    let condition = version.map { filter(id, $0) } ?? "originator_id = '\(id.uuidString)'"
    try RawSQL.execute("DELETE FROM \(table) WHERE \(condition)", on: path)
  }

  func insert(into table: String, _ stored: StoredEvent) throws {
    try RawSQL.execute(
      "INSERT INTO \(table) (originator_id, originator_version, topic, state) VALUES "
        + "('\(stored.originatorID.uuidString)', \(stored.originatorVersion), "
        + "'\(stored.topic)', \(RawSQL.literal(stored.state)))", on: path)
  }
}

/// One attack of the README's tamper table: plain SQL on the file, by someone who knows the
/// library and the formats but not the salt or the key.
struct TamperAttack: Sendable {
  let name: String
  /// Whether the attack is on snapshots, and so runs with snapshots on only.
  let needsSnapshots: Bool
  let act: @Sendable (TamperScene, TamperConfiguration) async throws -> Void

  /// Sets up a new file, keeps Fido's head hash as a copy elsewhere would, attacks Fido, and
  /// says what loading Fido in a new application gives.
  func run(in configuration: TamperConfiguration, withSnapshots: Bool) async throws -> TamperOutcome {
    try await withTemporaryDirectory { folder in
      let scene = try await TamperScene.make(
        in: folder, configuration: configuration, withSnapshots: withSnapshots)
      let before = try scene.reopen()
      let truth = try await before.repository.get(scene.fido, as: Dog.self)
      let keptHeadHash = try await before.repository.headHash(of: scene.fido)
      let rex = try await before.repository.get(scene.rex, as: Dog.self)
      try await act(scene, configuration)

      let after = try scene.reopen()
      // Rex is never attacked: he loads as he was, whatever happened to Fido.
      guard try await after.repository.get(scene.rex, as: Dog.self) == rex else {
        throw TamperTableError("\(name): the untouched dog changed")
      }
      let loaded: EventSourced<Dog>
      do {
        loaded = try await after.repository.get(scene.fido, as: Dog.self)
      } catch {
        guard "\(error)".contains(scene.fido.uuidString) else {
          throw TamperTableError("\(name): the error does not name the aggregate: \(error)")
        }
        return .detected
      }
      if configuration.chained {
        let headHash = try? await after.repository.headHash(of: scene.fido)
        if headHash != keptHeadHash { return .headHash }
      }
      return loaded == truth && loaded.tricks == truth.tricks ? .noEffect : .undetected
    }
  }

  /// The table's rows, in order.
  static let all: [TamperAttack] = eventAttacks + snapshotAttacks

  private static let events = TamperScene.events
  private static let snapshots = TamperScene.snapshots

  private static let eventAttacks: [TamperAttack] = [
    TamperAttack(name: "changes one byte of an event", needsSnapshots: false) { scene, _ in
      try scene.setState(in: events, scene.fido, 7, to: flipped(try scene.state(in: events, scene.fido, 7)))
    },
    TamperAttack(name: "deletes an event", needsSnapshots: false) { scene, _ in
      try scene.delete(in: events, scene.fido, 7)
    },
    TamperAttack(name: "deletes an event before the newest snapshot", needsSnapshots: false) { scene, _ in
      try scene.delete(in: events, scene.fido, 4)
    },
    TamperAttack(name: "deletes the newest event", needsSnapshots: false) { scene, _ in
      try scene.delete(in: events, scene.fido, 8)
    },
    TamperAttack(name: "swaps two events", needsSnapshots: false) { scene, _ in
      let seventh = try scene.state(in: events, scene.fido, 7)
      let eighth = try scene.state(in: events, scene.fido, 8)
      try scene.setState(in: events, scene.fido, 7, to: eighth)
      try scene.setState(in: events, scene.fido, 8, to: seventh)
    },
    TamperAttack(name: "copies an event from another aggregate", needsSnapshots: false) { scene, _ in
      try scene.setState(in: events, scene.fido, 7, to: try scene.state(in: events, scene.rex, 7))
    },
    TamperAttack(name: "repeats an event as a new version", needsSnapshots: false) { scene, _ in
      try RawSQL.execute(
        "INSERT INTO \(events) (originator_id, originator_version, topic, state) "
          + "SELECT originator_id, 9, topic, state FROM \(events) WHERE \(scene.filter(scene.fido, 2))",
        on: scene.path)
    },
    TamperAttack(name: "appends a forged event", needsSnapshots: false) { scene, configuration in
      let head = try await headHash(of: scene, at: 8)
      let forged = RecordedEvent<Dog.Event>(
        originatorID: scene.fido, originatorVersion: 9, timestamp: Date(),
        event: .trickAdded(trick: "bite"))
      try scene.insert(into: events, try configuration.attackerMapper().storedEvents([forged], after: head)[0])
    },
    TamperAttack(name: "changes an event and recomputes the hashes after it", needsSnapshots: false) {
      scene, configuration in
      let head = try await headHash(of: scene, at: 6)
      let rewritten = [7, 8].map {
        RecordedEvent<Dog.Event>(
          originatorID: scene.fido, originatorVersion: $0, timestamp: Date(),
          event: .trickAdded(trick: "bite \($0)"))
      }
      let stored = try configuration.attackerMapper().storedEvents(rewritten, after: head)
      for event in stored {
        try scene.setState(in: events, scene.fido, event.originatorVersion, to: event.state)
      }
    },
  ]

  private static let snapshotAttacks: [TamperAttack] = [
    TamperAttack(name: "changes one byte of a snapshot", needsSnapshots: true) { scene, _ in
      try scene.setState(
        in: snapshots, scene.fido, 6, to: flipped(try scene.state(in: snapshots, scene.fido, 6)))
    },
    TamperAttack(name: "moves another aggregate's snapshot onto this one", needsSnapshots: true) {
      scene, _ in
      try scene.setState(in: snapshots, scene.fido, 6, to: try scene.state(in: snapshots, scene.rex, 6))
    },
    TamperAttack(name: "copies an older snapshot over the newest", needsSnapshots: true) { scene, _ in
      try scene.setState(in: snapshots, scene.fido, 6, to: try scene.state(in: snapshots, scene.fido, 3))
    },
    TamperAttack(name: "copies an event into the snapshots", needsSnapshots: true) { scene, _ in
      try scene.setState(in: snapshots, scene.fido, 6, to: try scene.state(in: events, scene.fido, 6))
    },
    TamperAttack(name: "adds a forged snapshot beyond the newest event", needsSnapshots: true) {
      scene, configuration in
      let head = try await headHash(of: scene, at: 8)
      try scene.insert(
        into: snapshots, try forgedSnapshot(of: scene, at: 20, headHash: head, by: configuration))
    },
    TamperAttack(name: "replaces a snapshot with a forged one", needsSnapshots: true) {
      scene, configuration in
      let head = try await headHash(of: scene, at: 6)
      let forged = try forgedSnapshot(of: scene, at: 6, headHash: head, by: configuration)
      try scene.setState(in: snapshots, scene.fido, 6, to: forged.state)
    },
    TamperAttack(name: "deletes the snapshots", needsSnapshots: true) { scene, _ in
      try scene.delete(in: snapshots, scene.fido)
    },
  ]

  /// The state with one byte changed, near its end: inside the JSON, or the cipher's tag.
  private static func flipped(_ state: Data) -> Data {
    var changed = state
    changed[changed.index(changed.endIndex, offsetBy: -5)] ^= 0x01
    return changed
  }

  /// The hash of Fido's event at `version`, as someone reading the file finds it: the
  /// attacker is given it even when the records are encrypted, which only makes them
  /// stronger.
  private static func headHash(of scene: TamperScene, at version: Int) async throws -> Data? {
    try await scene.reopen().repository.headHash(of: scene.fido, version: version)
  }

  private static func forgedSnapshot(
    of scene: TamperScene, at version: Int, headHash: Data?, by configuration: TamperConfiguration
  ) throws -> StoredEvent {
    var dog = EventSourced<Dog>.register(name: "Fido")
    dog.addTrick("bite")
    let snapshot = Snapshot(
      originatorID: scene.fido, originatorVersion: version, createdOn: Date(), modifiedOn: Date(),
      state: dog.state)
    return try configuration.attackerMapper().storedSnapshot(snapshot, headHash: headHash)
  }
}
