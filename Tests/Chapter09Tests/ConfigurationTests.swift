import Chapter09
import EventSourcing
import Foundation
import Testing

@Suite("Chapter 9: persistence chosen by configuration")
struct ConfigurationTests {
  // MARK: - Task 3

  @Test("Task 3: the tutorial's test on SQLite, and the school survives a restart")
  func sqliteSurvivesARestart() async throws {
    let database = TemporaryDatabase()
    let settings = Settings.sqlite(file: database.path)
    #expect(
      settings["PERSISTENCE_MODULE"] == "sqlite" && settings["SQLITE_DBNAME"] == database.path,
      "Task 3: Settings.sqlite(file:) should set PERSISTENCE_MODULE to sqlite and SQLITE_DBNAME to the file."
    )
    try await runTheTutorial(on: DogSchool(environment: settings), task: 3)
    try #require(
      FileManager.default.fileExists(atPath: database.path),
      "Task 3: the school should have written its events to the SQLite file.")
    // A restart: a new school on the same file.
    let restarted = try DogSchool(environment: settings)
    let log = try await restarted.notificationLog.select(start: 1, limit: 10)
    let fido = try #require(log.first?.originatorID, "Task 3: the events should be in the file.")
    #expect(
      try await restarted.getDog(fido) == DogDetails(name: "Fido", tricks: ["roll over", "fetch ball"]),
      "Task 3: after a restart the school should still know Fido and his tricks.")
    _ = try await restarted.registerDog(name: "Rex")
    #expect(
      try await restarted.notificationLog.maxNotificationID() == 4,
      "Task 3: the log continues after a restart: Rex's registration is notification 4.")
  }

  // MARK: - Task 4

  @Test("Task 4: the tutorial's test, protected, with nothing readable in the file")
  func protectedLeavesNoPlaintext() async throws {
    let database = TemporaryDatabase()
    let key = AESGCMCipher.makeKey()
    let settings = Settings.protected(file: database.path, key: key)
    #expect(settings["CIPHER_KEY"] == key, "Task 4: set CIPHER_KEY to the key in Settings.protected.")
    try await runTheTutorial(on: DogSchool(environment: settings), task: 4)
    let bytes = database.bytes()
    try #require(!bytes.isEmpty, "Task 4: the protected settings should still use SQLite.")
    for secret in ["Fido", "roll over", "fetch ball"] {
      #expect(
        bytes.range(of: Data(secret.utf8)) == nil,
        "Task 4: \"\(secret)\" is readable in the database file: set CIPHER_KEY to the key.")
    }
  }

  @Test("Task 4: the key opens the school again, and another key does not")
  func keyMatters() async throws {
    let database = TemporaryDatabase()
    let key = AESGCMCipher.makeKey()
    let school = try DogSchool(environment: Settings.protected(file: database.path, key: key))
    let id = try await school.registerDog(name: "Fido")
    let reopened = try DogSchool(environment: Settings.protected(file: database.path, key: key))
    #expect(
      try await reopened.getDog(id).name == "Fido",
      "Task 4: a school opened with the same key should read Fido back.")
    let stranger = try DogSchool(
      environment: Settings.protected(file: database.path, key: AESGCMCipher.makeKey()))
    await #expect(
      throws: (any Error).self, "Task 4: a school with another key must not read Fido.")
    {
      _ = try await stranger.getDog(id)
    }
  }

  @Test("Task 4: stored state is compressed before it is encrypted")
  func protectedCompresses() async throws {
    let database = TemporaryDatabase()
    let settings = Settings.protected(file: database.path, key: AESGCMCipher.makeKey())
    #expect(
      settings["COMPRESSOR_TOPIC"] == "zlib",
      "Task 4: set COMPRESSOR_TOPIC to zlib in Settings.protected.")
    let school = try DogSchool(environment: settings)
    let id = try await school.registerDog(name: "Fido")
    try await school.addTrick(id, trick: String(repeating: "sit and stay, ", count: 200))
    let stored = try await school.notificationLog.select(start: 2, limit: 1)
    #expect(
      (stored.first?.state.count ?? .max) < 1_000,
      "Task 4: a 2,800-character trick should be stored compressed, in far fewer bytes.")
  }

  @Test("Task 4: each dog's events are linked in a hash chain")
  func protectedChains() async throws {
    let database = TemporaryDatabase()
    let settings = Settings.protected(file: database.path, key: AESGCMCipher.makeKey())
    let school = try DogSchool(environment: settings)
    let id = try await school.registerDog(name: "Fido")
    try await school.addTrick(id, trick: "sit")
    #expect(
      try await school.repository.headHash(of: id) != nil,
      "Task 4: with ENABLE_HASH_CHAIN set, the dog's history should end in a head hash.")
  }

  // MARK: - Task 5

  @Test("Task 5: snapshots every 2 events are taken, and give the same dogs")
  func snapshotsAreEquivalent() async throws {
    let database = TemporaryDatabase()
    let settings = Settings.sqlite(file: database.path)
    let school = try DogSchool(environment: settings, snapshotEvery: 2)
    try await runTheTutorial(on: school, task: 5)
    let id = try await school.registerDog(name: "Rex")
    for trick in ["sit", "stay", "beg", "roll over"] { try await school.addTrick(id, trick: trick) }
    let snapshots = try #require(
      school.application.snapshots,
      "Task 5: DogSchool(environment:snapshotEvery:) should give the application a SnapshotInterval for Dog."
    )
    let taken = try await snapshots.events(for: id)
    #expect(
      taken.map(\.originatorVersion) == [2, 4],
      "Task 5: with snapshotEvery: 2 Rex (version 5) should have snapshots at versions 2 and 4.")
    // The same questions, answered without snapshots, from the same file.
    let plain = try DogSchool(environment: settings)
    for version in [nil, 1, 2, 3, 4, 5] {
      let withSnapshots = try await school.getDog(id, version: version)
      let replayed = try await plain.getDog(id, version: version)
      #expect(
        withSnapshots == replayed,
        "Task 5: at version \(version.map(String.init) ?? "latest") the snapshot and the full replay should agree."
      )
    }
  }
}
