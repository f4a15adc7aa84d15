import Chapter06
import Crypto
import EventSourcing
import Foundation
import GivenBasics
import GivenEvents
import Testing

@Suite("Chapter 6: an encrypted dog school")
struct EncryptedSchoolTests {
  let name = "Bartholomew"
  let trick = "juggle torches"

  func makeCipher() throws -> AESCipher { try AESCipher(key: SymmetricKey(size: .bits256)) }

  /// Registers the dog and teaches it the trick; returns its ID.
  func enrol(at school: DogSchool) async throws -> UUID {
    let id = try await school.registerDog(name: name)
    try await school.addTrick(id, trick: trick)
    return id
  }

  /// Enrols the dog at a school with a cipher; records a Task 4 issue, and returns nil, when
  /// the school cannot read back what it stored.
  func enrolled(at school: DogSchool) async -> UUID? {
    do {
      return try await enrol(at: school)
    } catch {
      Issue.record(
        "Task 4: a school with a cipher should register a dog and teach it a trick (which reads the dog back), but it threw: \(error). Encrypt in storedEvent(_:) and decrypt in recordedEvent(from:), both when the mapper has a cipher."
      )
      return nil
    }
  }

  /// Runs `body` with the path of a new SQLite file, and removes the file and its journals.
  func withDatabaseFile(_ body: (String) async throws -> Void) async throws {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("chapter06-\(UUID().uuidString).sqlite").path
    defer {
      for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
    try await body(path)
  }

  /// The raw bytes of an SQLite file and its write-ahead log, as an attacker would read them.
  func rawBytes(of path: String) -> Data {
    ["", "-wal"].reduce(into: Data()) { bytes, suffix in
      bytes += FileManager.default.contents(atPath: path + suffix) ?? Data()
    }
  }

  func shows(_ text: String, in bytes: Data) -> Bool { bytes.range(of: Data(text.utf8)) != nil }

  // MARK: - Task 4

  @Test("Setup: without a cipher the name and trick are readable in the database file")
  func plainStateIsReadable() async throws {
    try await withDatabaseFile { path in
      _ = try await enrol(at: DogSchool(recorder: SQLiteRecorder(path: path)))
      let bytes = rawBytes(of: path)
      #expect(
        shows(name, in: bytes) && shows(trick, in: bytes),
        "Setup: without a cipher the search should find the name and trick in the file's plain JSON.")
    }
  }

  @Test("Task 4: with a cipher nothing of the dog is readable in the database file")
  func nothingReadableInTheFile() async throws {
    try await withDatabaseFile { path in
      let school = DogSchool(
        recorder: try SQLiteRecorder(path: path), mapper: EventMapper(cipher: try makeCipher()))
      guard let id = await enrolled(at: school) else { return }
      let bytes = rawBytes(of: path)
      #expect(
        !shows(name, in: bytes) && !shows(trick, in: bytes),
        "Task 4: the dog's name or trick is readable in the database: storedEvent(_:) should encrypt the JSON when the mapper has a cipher."
      )
      do {
        let details = try await school.getDog(id)
        #expect(
          details == DogDetails(name: name, tricks: [trick]),
          "Task 4: the school should read back the dog it encrypted, \(name) knowing \(trick), not \(details)."
        )
      } catch {
        Issue.record(
          "Task 4: the school should read back the dogs it encrypted, but reading threw: \(error). recordedEvent(from:) should decrypt the state before decoding it."
        )
      }
    }
  }

  @Test("Task 4: a wrong key gives an error naming the record")
  func wrongKeyNamesTheRecord() async throws {
    let recorder = InMemoryRecorder()
    guard
      let id = await enrolled(
        at: DogSchool(recorder: recorder, mapper: EventMapper(cipher: try makeCipher())))
    else { return }
    let thief = DogSchool(recorder: recorder, mapper: EventMapper(cipher: try makeCipher()))
    await #expect(
      throws: RecordError.unauthenticated(originatorID: id, version: 1),
      "Task 4: reading with another key should throw RecordError.unauthenticated naming the dog and version 1, the first record that fails; catch the cipher's error in recordedEvent(from:)."
    ) { try await thief.getDog(id) }
  }

  @Test("Task 4: a changed byte in a stored record gives an error naming the record")
  func changedByteNamesTheRecord() async throws {
    let mapper = EventMapper(cipher: try makeCipher())
    let original = InMemoryRecorder()
    guard let id = await enrolled(at: DogSchool(recorder: original, mapper: mapper)) else { return }
    // Copy the records to a second recorder, changing one byte in the middle of version 2.
    let tampered = InMemoryRecorder()
    for record in try await original.events(for: id) {
      var state = record.state
      if record.originatorVersion == 2, !state.isEmpty {
        state[state.startIndex + state.count / 2] ^= 0x20
      }
      try await tampered.insert([
        StoredEvent(
          originatorID: id, originatorVersion: record.originatorVersion, topic: record.topic,
          state: state)
      ])
    }
    await #expect(
      throws: RecordError.unauthenticated(originatorID: id, version: 2),
      "Task 4: a changed record should throw RecordError.unauthenticated naming the dog and version 2; catch the cipher's error in recordedEvent(from:)."
    ) { try await DogSchool(recorder: tampered, mapper: mapper).getDog(id) }
  }

  @Test("Task 4: with a cipher, a record in plain JSON is refused with an error naming it")
  func refusesPlainRecords() async throws {
    let recorder = InMemoryRecorder()
    let mapper = EventMapper(cipher: try makeCipher())
    guard let id = await enrolled(at: DogSchool(recorder: recorder, mapper: mapper)) else { return }
    // Someone who can write the file, but has no key, adds an event in plain JSON.
    let forged = try EventMapper().storedEvent(
      RecordedEvent(originatorID: id, originatorVersion: 3, event: .trickAdded(trick: "open the fridge")))
    try await recorder.insert([forged])
    await #expect(
      throws: RecordError.unauthenticated(originatorID: id, version: 3),
      "Task 4: with a cipher set, a record in plain JSON (version 3 here, added without the key) should throw RecordError.unauthenticated naming it: every record must decrypt; never fall back to reading it as plain JSON."
    ) { try await DogSchool(recorder: recorder, mapper: mapper).getDog(id) }

    let plain = InMemoryRecorder()
    let rex = try await DogSchool(recorder: plain).registerDog(name: "Rex")
    await #expect(
      throws: RecordError.unauthenticated(originatorID: rex, version: 1),
      "Task 4: with a cipher set, a history stored in plain JSON should throw RecordError.unauthenticated naming version 1, not be read."
    ) { try await DogSchool(recorder: plain, mapper: mapper).getDog(rex) }
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
