import Chapter09
import EventSourcing
import Foundation
import struct GivenBasics.DogDetails
import Testing

// These tests check what the settings do, not how they are spelt: the library accepts
// several names for the same choice (`sqlite` or `eventsourcing.sqlite`, `zlib` or
// `eventsourcing.compressor:ZlibCompressor`, `true` or `yes`), and any of them is right.
@Suite("Chapter 9: persistence chosen by configuration")
struct ConfigurationTests {
  // MARK: - Task 3

  @Test("Task 3: the tutorial's test on SQLite puts the school's events in that file")
  func sqliteStoresInTheFile() async throws {
    let database = TemporaryDatabase()
    let school = try await makeSchool(Settings.sqlite(file: database.path), task: 3)
    let fido = try await runTheTutorial(on: school, task: 3)
    try #require(
      database.exists,
      "Task 3: the school should have written its events to the SQLite file it was given.")
    let stored = try await attempt(task: 3, "reading the SQLite file") {
      try await database.storedEvents(of: fido)
    }
    let events = try await attempt(task: 3, "decoding the events in the file") {
      try Mapper().recordedEvents(Dog.Event.self, from: stored).map(\.event)
    }
    #expect(
      events == [.registered(name: "Fido"), .trickAdded(trick: "roll over"),
        .trickAdded(trick: "fetch ball")],
      "Task 3: the SQLite file should hold Fido's three events, as the school saved them.")
  }

  @Test("Task 3: a school on the same SQLite file survives a restart")
  func sqliteSurvivesARestart() async throws {
    let database = TemporaryDatabase()
    let settings = Settings.sqlite(file: database.path)
    try await runTheTutorial(on: makeSchool(settings, task: 3), task: 3)
    // A restart: a new school on the same file.
    let restarted = try await makeSchool(settings, task: 3)
    let log = try await attempt(task: 3, "notificationLog.select(start:limit:)") {
      try await restarted.notificationLog.select(start: 1, limit: 10)
    }
    let fido = try #require(
      log.first?.originatorID, "Task 3: after a restart the events should still be in the file.")
    let details = try await attempt(task: 3, "getDog(_:) after a restart") {
      try await restarted.getDog(fido)
    }
    #expect(
      details == DogDetails(name: "Fido", tricks: ["roll over", "fetch ball"]),
      "Task 3: after a restart the school should still know Fido and his tricks.")
    _ = try await attempt(task: 3, "registerDog(name:) after a restart") {
      try await restarted.registerDog(name: "Rex")
    }
    let newest = try await attempt(task: 3, "maxNotificationID()") {
      try await restarted.notificationLog.maxNotificationID()
    }
    #expect(
      newest == 4, "Task 3: the log continues after a restart: Rex's registration is notification 4.")
  }

  // MARK: - Task 4

  @Test("Task 4: the tutorial's test, protected, with nothing readable in the file")
  func protectedLeavesNoPlaintext() async throws {
    let database = TemporaryDatabase()
    let settings = Settings.protected(file: database.path, key: AESGCMCipher.makeKey())
    let fido = try await runTheTutorial(on: makeSchool(settings, task: 4), task: 4)
    try #require(
      database.exists, "Task 4: the protected settings should still put the events in the SQLite file.")
    let stored = try await attempt(task: 4, "reading the SQLite file") {
      try await database.storedEvents(of: fido)
    }
    #expect(
      stored.map(\.originatorVersion) == [1, 2, 3],
      "Task 4: the SQLite file should hold Fido's three events.")
    let bytes = database.bytes()
    for secret in ["Fido", "roll over", "fetch ball"] {
      #expect(
        bytes.range(of: Data(secret.utf8)) == nil,
        "Task 4: \"\(secret)\" is readable in the database file: encrypt with the key (CIPHER_KEY)."
      )
    }
  }

  @Test("Task 4: the key opens the school again, and another key does not")
  func keyMatters() async throws {
    let database = TemporaryDatabase()
    let key = AESGCMCipher.makeKey()
    let school = try await makeSchool(Settings.protected(file: database.path, key: key), task: 4)
    let id = try await attempt(task: 4, "registerDog(name:)") {
      try await school.registerDog(name: "Fido")
    }
    let stored = try await attempt(task: 4, "reading the SQLite file") {
      try await database.storedEvents(of: id)
    }
    let first = try #require(stored.first, "Task 4: Fido's registration should be in the file.")
    let withKey = Mapper(
      compressor: ZlibCompressor(), cipher: try AESGCMCipher(base64Key: key))
    #expect(
      (try? withKey.recordedEvent(Dog.Event.self, from: first)) != nil,
      "Task 4: stored state should be encrypted with the key given to Settings.protected.")
    let reopened = try await makeSchool(
      Settings.protected(file: database.path, key: key), task: 4)
    let name = try await attempt(task: 4, "getDog(_:) with the same key") {
      try await reopened.getDog(id).name
    }
    #expect(name == "Fido", "Task 4: a school opened with the same key should read Fido back.")
    let stranger = try await makeSchool(
      Settings.protected(file: database.path, key: AESGCMCipher.makeKey()), task: 4)
    await #expect(
      throws: (any Error).self, "Task 4: a school with another key must not read Fido.")
    {
      _ = try await stranger.getDog(id)
    }
  }

  @Test("Task 4: stored state is compressed before it is encrypted")
  func protectedCompresses() async throws {
    let database = TemporaryDatabase()
    let key = AESGCMCipher.makeKey()
    let school = try await makeSchool(Settings.protected(file: database.path, key: key), task: 4)
    let trick = String(repeating: "sit and stay, ", count: 200)
    let id = try await attempt(task: 4, "registerDog(name:) and addTrick(_:trick:)") {
      let id = try await school.registerDog(name: "Fido")
      try await school.addTrick(id, trick: trick)
      return id
    }
    let stored = try await attempt(task: 4, "reading the SQLite file") {
      try await database.storedEvents(of: id)
    }
    let lesson = try #require(
      stored.last(where: { $0.originatorVersion == 2 }),
      "Task 4: the trick's event should be in the SQLite file.")
    #expect(
      lesson.state.count < 1_000,
      "Task 4: a 2,800-character trick should be stored compressed, in far fewer bytes (COMPRESSOR_TOPIC)."
    )
    let cipher = try AESGCMCipher(base64Key: key)
    let compressed = Mapper(compressor: ZlibCompressor(), cipher: cipher)
    let uncompressed = Mapper(cipher: cipher)
    #expect(
      (try? compressed.recordedEvent(Dog.Event.self, from: lesson)) != nil
        && (try? uncompressed.recordedEvent(Dog.Event.self, from: lesson)) == nil,
      "Task 4: once decrypted, stored state should be zlib-compressed: compress, then encrypt.")
  }

  @Test("Task 4: each dog's events are linked in a hash chain")
  func protectedChains() async throws {
    let database = TemporaryDatabase()
    let settings = Settings.protected(file: database.path, key: AESGCMCipher.makeKey())
    let school = try await makeSchool(settings, task: 4)
    let id = try await runTheTutorial(on: school, task: 4)
    let head = try await attempt(task: 4, "repository.headHash(of:)") {
      try await school.repository.headHash(of: id)
    }
    #expect(
      head != nil,
      "Task 4: the dog's history should end in a head hash: turn the hash chain on (ENABLE_HASH_CHAIN)."
    )
  }

  // MARK: - Task 5

  @Test("Task 5: snapshots every 2 events are taken, and give the same dogs")
  func snapshotsAreEquivalent() async throws {
    let database = TemporaryDatabase()
    let settings = Settings.sqlite(file: database.path)
    let school = try await makeSchool(settings, snapshotEvery: 2, task: 5)
    try await runTheTutorial(on: school, task: 5)
    let id = try await attempt(task: 5, "registerDog(name:) and addTrick(_:trick:)") {
      let id = try await school.registerDog(name: "Rex")
      for trick in ["sit", "stay", "beg", "roll over"] {
        try await school.addTrick(id, trick: trick)
      }
      return id
    }
    let snapshots = try #require(
      school.application.snapshots,
      "Task 5: DogSchool(environment:snapshotEvery:) should give the application a SnapshotInterval for Dog."
    )
    let taken = try await attempt(task: 5, "reading the snapshots") {
      try await snapshots.events(for: id)
    }
    #expect(
      taken.map(\.originatorVersion) == [2, 4],
      "Task 5: with snapshotEvery: 2 Rex (version 5) should have snapshots at versions 2 and 4.")
    // The same questions, answered without snapshots, from the same file.
    let plain = try await makeSchool(settings, task: 5)
    for version in [nil, 1, 2, 3, 4, 5] {
      let (withSnapshots, replayed) = try await attempt(task: 5, "getDog(_:version:)") {
        (
          try await school.getDog(id, version: version),
          try await plain.getDog(id, version: version)
        )
      }
      #expect(
        withSnapshots == replayed,
        "Task 5: at version \(version.map(String.init) ?? "latest") the snapshot and the full replay should agree."
      )
    }
  }

  @Test("Task 5: the interval given is the interval used")
  func intervalIsTheOneGiven() async throws {
    let school = try await makeSchool(["PERSISTENCE_MODULE": "memory"], snapshotEvery: 3, task: 5)
    let id = try await attempt(task: 5, "registerDog(name:) and addTrick(_:trick:)") {
      let id = try await school.registerDog(name: "Rex")
      for trick in ["sit", "stay", "beg", "roll over", "fetch", "heel"] {
        try await school.addTrick(id, trick: trick)
      }
      return id
    }
    let snapshots = try #require(
      school.application.snapshots,
      "Task 5: DogSchool(environment:snapshotEvery:) should give the application a SnapshotInterval for Dog."
    )
    let taken = try await attempt(task: 5, "reading the snapshots") {
      try await snapshots.events(for: id)
    }
    #expect(
      taken.map(\.originatorVersion) == [3, 6],
      "Task 5: with snapshotEvery: 3 Rex (version 7) should have snapshots at versions 3 and 6.")
  }
}
