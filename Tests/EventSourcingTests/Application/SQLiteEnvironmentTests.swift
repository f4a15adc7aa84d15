import EventSourcing
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

@Suite("Configuring SQLite persistence by environment")
struct SQLiteEnvironmentTests {
  /// Makes the recorder from the given settings alone, ignoring the process environment.
  private func makeRecorder(_ settings: [String: String]) throws -> any ApplicationRecorder {
    try ApplicationEnvironment(settings, processEnvironment: [:]).makeRecorder()
  }

  /// The message of the error that `body` throws, or nil when it throws none.
  private func message(of body: () throws -> Void) -> String? {
    do {
      try body()
      return nil
    } catch {
      return String(describing: error)
    }
  }

  @Test("Both names of the module choose SQLite", arguments: ["sqlite", "eventsourcing.sqlite"])
  func choosesSQLite(name: String) throws {
    let recorder = try makeRecorder(["PERSISTENCE_MODULE": name, "SQLITE_DBNAME": ":memory:"])
    let sqlite = try #require(recorder as? SQLiteRecorder)
    #expect(sqlite.path == ":memory:")
    #expect(sqlite.synchronous == .full)
    #expect(sqlite.lockTimeout == .seconds(5))
  }

  @Test("The default stays in memory")
  func defaultsToMemory() throws {
    #expect(try makeRecorder([:]) is InMemoryRecorder)
  }

  @Test("Durability and lock timeout are read from the environment")
  func readsSynchronousAndLockTimeout() throws {
    let recorder = try makeRecorder([
      "PERSISTENCE_MODULE": "sqlite", "SQLITE_DBNAME": ":memory:",
      "SQLITE_SYNCHRONOUS": "normal", "SQLITE_LOCK_TIMEOUT": "2.5",
    ])
    let sqlite = try #require(recorder as? SQLiteRecorder)
    #expect(sqlite.synchronous == .normal)
    #expect(sqlite.lockTimeout == .milliseconds(2500))
  }

  @Test("Malformed SQLite settings are refused, naming the setting")
  func refusesMalformedSettings() {
    let base = ["PERSISTENCE_MODULE": "sqlite", "SQLITE_DBNAME": ":memory:"]
    #expect(throws: ConfigurationError.invalidValue(
      key: "SQLITE_SYNCHRONOUS", value: "sometimes", reason: "use FULL or NORMAL.")) {
      _ = try makeRecorder(base.merging(["SQLITE_SYNCHRONOUS": "sometimes"]) { $1 })
    }
    for value in ["soon", "-1", "1e300", "nan"] {
      let timeout = message {
        _ = try makeRecorder(base.merging(["SQLITE_LOCK_TIMEOUT": value]) { $1 })
      }
      #expect(timeout?.contains("SQLITE_LOCK_TIMEOUT") == true, "\(value)")
    }
  }

  @Test("SQLite without a database name is refused, naming SQLITE_DBNAME")
  func requiresDatabaseName() {
    let text = message { _ = try makeRecorder(["PERSISTENCE_MODULE": "sqlite"]) }
    #expect(text?.contains("SQLITE_DBNAME") == true)
  }

  @Test("An unknown persistence module is refused at start-up, naming it")
  func refusesUnknownModule() {
    let text = message { _ = try Application(environment: ["PERSISTENCE_MODULE": "oracle"]) }
    #expect(text?.contains("'oracle'") == true)
    #expect(text?.contains("PERSISTENCE_MODULE") == true)
    #expect(text?.contains("'sqlite'") == true)
  }

  @Test("A database in a missing directory is refused, naming the directory")
  func refusesMissingDirectory() async throws {
    try await withTemporaryDirectory { directory in
      let missing = directory.appendingPathComponent("no-such-folder").path
      let path = missing + "/events.sqlite"
      let text = message {
        _ = try Application(environment: ["PERSISTENCE_MODULE": "sqlite", "SQLITE_DBNAME": path])
      }
      #expect(text?.contains(path) == true)
      #expect(text?.contains("'\(missing)' does not exist") == true)
    }
  }

  @Test("A file that is not an SQLite database is refused, naming the file")
  func refusesForeignFile() async throws {
    try await withTemporaryDirectory { directory in
      let path = directory.appendingPathComponent("notes.txt").path
      try Data(String(repeating: "These are not the events you are looking for.\n", count: 100).utf8)
        .write(to: URL(fileURLWithPath: path))
      let text = message {
        _ = try Application(environment: ["PERSISTENCE_MODULE": "sqlite", "SQLITE_DBNAME": path])
      }
      #expect(text?.contains("'\(path)' is not an SQLite database") == true)
    }
  }

  @Test("A directory given as the database file is refused, naming it")
  func refusesDirectoryAsFile() async throws {
    try await withTemporaryDirectory { directory in
      let text = message {
        _ = try Application(
          environment: ["PERSISTENCE_MODULE": "sqlite", "SQLITE_DBNAME": directory.path])
      }
      #expect(text?.contains("'\(directory.path)'") == true)
    }
  }

  // A file without write permission cannot be tested portably: the superuser, as CI runs,
  // may write any file. Opening the database read-only takes the same path in the recorder.
  @Test("A database opened read-only is refused, naming it")
  func refusesReadOnlyConnection() async throws {
    try await withTemporaryDirectory { directory in
      let path = directory.appendingPathComponent("events.sqlite").path
      _ = try SQLiteRecorder(path: path)
      let uri = "file:\(path)?mode=ro"
      let text = message {
        _ = try Application(environment: ["PERSISTENCE_MODULE": "sqlite", "SQLITE_DBNAME": uri])
      }
      #expect(text?.contains("'\(uri)'") == true)
      #expect(text?.contains("read-only") == true)
    }
  }

  @Test("The table is created on first use of a new file")
  func createsTableOnFirstUse() async throws {
    try await withTemporaryDirectory { directory in
      let path = directory.appendingPathComponent("new.sqlite").path
      let app = try Application(environment: ["PERSISTENCE_MODULE": "sqlite", "SQLITE_DBNAME": path])
      #expect(FileManager.default.fileExists(atPath: path))
      #expect(try await app.notificationLog.maxNotificationID() == 0)
    }
  }
}
