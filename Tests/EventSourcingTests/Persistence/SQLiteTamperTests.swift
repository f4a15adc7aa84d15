import DogSchool
import EventSourcing
import Foundation
import Testing

/// Tampering with a real SQLite file through plain SQL is detected when loading, names the
/// aggregate and the first version that does not verify, and leaves other aggregates loadable.
@Suite("Tampering with an SQLite file")
struct SQLiteTamperTests {
  private static func settings(_ path: String, encrypted: Bool) -> [String: String] {
    var settings = [
      "PERSISTENCE_MODULE": "sqlite", "SQLITE_DBNAME": path, "ENABLE_HASH_CHAIN": "true",
      "SALT_FOR_DATA_INTEGRITY": "kennel secret",
    ]
    if encrypted { settings["CIPHER_KEY"] = Self.key }
    return settings
  }

  private static let key = AESGCMCipher.makeKey()

  /// A school with Fido (5 tricks) and Rex (2 tricks) in a new file.
  private func school(in directory: URL, encrypted: Bool = false) async throws
    -> (school: DogSchool, path: String, fido: UUID, rex: UUID)
  {
    let path = directory.appendingPathComponent("school.sqlite").path
    let school = try DogSchool(environment: Self.settings(path, encrypted: encrypted))
    let fido = try await school.registerDog(name: "Fido")
    for trick in ["sit", "stay", "roll over", "fetch ball", "play dead"] {
      try await school.addTrick(fido, trick: trick)
    }
    let rex = try await school.registerDog(name: "Rex")
    for trick in ["sit", "shake hands"] { try await school.addTrick(rex, trick: trick) }
    return (school, path, fido, rex)
  }

  /// Loads Fido in a new process-like application and expects the violation at `version`.
  private func expectViolation(
    _ path: String, fido: UUID, rex: UUID, atVersion version: Int, encrypted: Bool = false,
    sourceLocation: SourceLocation = #_sourceLocation
  ) async throws {
    let reopened = try DogSchool(environment: Self.settings(path, encrypted: encrypted))
    do {
      _ = try await reopened.getDog(fido)
      Issue.record("the tampered aggregate loaded", sourceLocation: sourceLocation)
    } catch let MapperError.integrityViolation(originatorID, failedVersion, _) {
      #expect(originatorID == fido, sourceLocation: sourceLocation)
      #expect(failedVersion == version, sourceLocation: sourceLocation)
    }
    #expect(
      try await reopened.getDog(rex) == DogDetails(name: "Rex", tricks: ["sit", "shake hands"]),
      "an untouched aggregate in the same file must still load", sourceLocation: sourceLocation)
  }

  private func filter(_ id: UUID) -> String { "originator_id = '\(id.uuidString)'" }

  @Test("A changed byte of a stored state")
  func changedByte() async throws {
    try await withTemporaryDirectory { directory in
      let (_, path, fido, rex) = try await school(in: directory)
      // "roll over" becomes "roll ovxr" in the JSON payload of version 4.
      try RawSQL.execute(
        "UPDATE stored_events SET state = CAST(replace(CAST(state AS TEXT), 'roll over', "
          + "'roll ovxr') AS BLOB) WHERE \(filter(fido)) AND originator_version = 4", on: path)
      try await expectViolation(path, fido: fido, rex: rex, atVersion: 4)
    }
  }

  @Test("A deleted middle event")
  func deletedEvent() async throws {
    try await withTemporaryDirectory { directory in
      let (_, path, fido, rex) = try await school(in: directory)
      try RawSQL.execute(
        "DELETE FROM stored_events WHERE \(filter(fido)) AND originator_version = 3", on: path)
      // With version 3 gone, version 4 does not link to version 2: the gap shows there.
      try await expectViolation(path, fido: fido, rex: rex, atVersion: 4)
    }
  }

  @Test("Two events' states swapped")
  func swappedStates() async throws {
    try await withTemporaryDirectory { directory in
      let (_, path, fido, rex) = try await school(in: directory)
      try RawSQL.execute(
        """
        CREATE TEMP TABLE saved AS SELECT originator_version, state FROM stored_events
          WHERE \(filter(fido)) AND originator_version IN (3, 5);
        UPDATE stored_events SET state = (SELECT state FROM saved WHERE originator_version = 5)
          WHERE \(filter(fido)) AND originator_version = 3;
        UPDATE stored_events SET state = (SELECT state FROM saved WHERE originator_version = 3)
          WHERE \(filter(fido)) AND originator_version = 5;
        """, on: path)
      try await expectViolation(path, fido: fido, rex: rex, atVersion: 3)
    }
  }

  @Test("A forged event inserted with its own hash recomputed but a wrong link")
  func forgedEvent() async throws {
    try await withTemporaryDirectory { directory in
      let (school, path, fido, rex) = try await school(in: directory)
      // The forger has the salt and the format, so the own hash is right; but it cannot know
      // what version 6 links to without the real chain, and guesses.
      let forged = RecordedEvent<Dog.Event>(
        originatorID: fido, originatorVersion: 7, timestamp: Date(), event: .trickAdded(trick: "bite"))
      let stored = try school.application.mapper.storedEvents(
        [forged], after: Data(repeating: 0x11, count: 32))[0]
      let hex = stored.state.map { String(format: "%02x", $0) }.joined()
      try RawSQL.execute(
        "INSERT INTO stored_events (originator_id, originator_version, topic, state) VALUES "
          + "('\(fido.uuidString)', 7, '\(stored.topic)', X'\(hex)')", on: path)
      try await expectViolation(path, fido: fido, rex: rex, atVersion: 7)
    }
  }

  @Test("A byte flipped in an encrypted record names the record, and no plaintext is stored")
  func encryptedFile() async throws {
    try await withTemporaryDirectory { directory in
      let (_, path, fido, rex) = try await school(in: directory, encrypted: true)
      let bytes = try RawSQL.bytes(of: path)
      // Event values must not be readable. Topics stay readable by design: they name the
      // event types, so that followers can skip events without decrypting them.
      for plaintext in ["Fido", "Rex", "roll over", "shake hands", "\"trick\"", "\"name\""] {
        #expect(bytes.range(of: Data(plaintext.utf8)) == nil, "'\(plaintext)' is readable in the file")
      }
      // After a restart with the right key, everything reads back.
      let restarted = try DogSchool(environment: Self.settings(path, encrypted: true))
      #expect(try await restarted.getDog(fido).tricks.count == 5)
      // A wrong key fails on the first record it reads, by name.
      var wrongKey = Self.settings(path, encrypted: true)
      wrongKey["CIPHER_KEY"] = AESGCMCipher.makeKey()
      await #expect(throws: MapperError.unauthenticated(originatorID: rex, version: 1)) {
        try await DogSchool(environment: wrongKey).getDog(rex)
      }
      // One flipped byte in version 2 of Fido.
      try RawSQL.execute(
        "UPDATE stored_events SET state = substr(state, 1, 20) || "
          + "CASE WHEN substr(state, 21, 1) = X'00' THEN X'01' ELSE X'00' END || substr(state, 22) "
          + "WHERE \(filter(fido)) AND originator_version = 2", on: path)
      await #expect(throws: MapperError.unauthenticated(originatorID: fido, version: 2)) {
        try await restarted.getDog(fido)
      }
      #expect(try await restarted.getDog(rex).tricks == ["sit", "shake hands"])
    }
  }
}
