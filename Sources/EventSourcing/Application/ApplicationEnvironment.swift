public import Foundation

/// The settings an application is configured with: the process environment, overridden by
/// values given in code.
///
/// An application chooses its persistence without code changes, as in the Python
/// `eventsourcing` library:
///
/// | variable | meaning | default |
/// |---|---|---|
/// | `PERSISTENCE_MODULE` | `memory` (also `popo`) or `sqlite` (also `eventsourcing.sqlite`) | `memory` |
/// | `SQLITE_DBNAME` | the database file, or `:memory:`; required for `sqlite` | none |
/// | `SQLITE_LOCK_TIMEOUT` | seconds a write waits for another process's lock | `5` |
/// | `SQLITE_SYNCHRONOUS` | `FULL`: each commit synced; `NORMAL`: faster, see below | `FULL` |
/// | `IS_SNAPSHOTTING_ENABLED` | `true` or `false` (also `y`/`n`, `yes`/`no`, `1`/`0`, `on`/`off`) | `false`, or `true` when snapshot intervals are given in code |
///
/// With `NORMAL` a crash of the process loses nothing, but a power cut may lose the last
/// commits. The SQLite table is created on first use. A missing directory, a file that cannot be
/// written or is not an SQLite database, and an unknown or malformed setting each make the
/// application's initializer throw an error naming the file or the setting. Snapshots are kept
/// in the same database, in a table of their own.
///
/// ```swift
/// let app = try Application(environment: ["PERSISTENCE_MODULE": "memory"])
/// let durable = try Application(environment: [
///   "PERSISTENCE_MODULE": "sqlite", "SQLITE_DBNAME": "dogschool.sqlite",
/// ])
/// ```
public struct ApplicationEnvironment: Sendable {
  /// The names of the settings.
  public enum Key {
    /// Which recorder stores the application's events.
    public static let persistenceModule = "PERSISTENCE_MODULE"
    /// Whether the application keeps snapshots of its aggregates.
    public static let isSnapshottingEnabled = "IS_SNAPSHOTTING_ENABLED"
    /// The SQLite database's path, or `:memory:`.
    public static let sqliteDatabaseName = "SQLITE_DBNAME"
    /// Seconds an SQLite write waits for another connection's lock.
    public static let sqliteLockTimeout = "SQLITE_LOCK_TIMEOUT"
    /// `FULL` or `NORMAL`: the durability of SQLite commits.
    public static let sqliteSynchronous = "SQLITE_SYNCHRONOUS"
  }

  /// All settings: the process environment with the overrides applied.
  public let values: [String: String]

  /// Creates settings from the process environment and overrides; an override wins.
  ///
  /// - Parameters:
  ///   - overrides: Settings given in code.
  ///   - processEnvironment: The environment to start from; the process's own unless given.
  public init(
    _ overrides: [String: String] = [:],
    processEnvironment: [String: String] = ProcessInfo.processInfo.environment
  ) {
    values = processEnvironment.merging(overrides) { _, override in override }
  }

  /// The value of a setting, or `nil` when it is unset or empty.
  public subscript(key: String) -> String? {
    guard let value = values[key], !value.isEmpty else { return nil }
    return value
  }

  /// The persistence named by `PERSISTENCE_MODULE`: one of ``PersistenceModule/registered``,
  /// in memory when unset.
  ///
  /// - Throws: ``ConfigurationError/unknownPersistenceModule(_:known:)`` listing the names
  ///   registered.
  public func persistenceModule() throws -> PersistenceModule {
    guard let name = self[Key.persistenceModule] else { return .memory }
    guard let module = PersistenceModule.named(name) else {
      throw ConfigurationError.unknownPersistenceModule(
        name, known: PersistenceModule.registered.map(\.name))
    }
    return module
  }

  /// Creates the recorder these settings describe.
  public func makeRecorder() throws -> any ApplicationRecorder {
    try persistenceModule().makeRecorder(self)
  }

  /// Whether snapshotting is on: `IS_SNAPSHOTTING_ENABLED` when it is set, else `defaultValue`.
  public func isSnapshottingEnabled(default defaultValue: Bool) throws -> Bool {
    try flag(Key.isSnapshottingEnabled) ?? defaultValue
  }

  /// The value of a yes-or-no setting, read as the Python library's `strtobool` does;
  /// `nil` when it is unset.
  public func flag(_ key: String) throws -> Bool? {
    guard let value = self[key] else { return nil }
    switch value.lowercased() {
    case "y", "yes", "t", "true", "on", "1": return true
    case "n", "no", "f", "false", "off", "0": return false
    default:
      throw ConfigurationError.invalidValue(
        key: key, value: value, reason: "use true or false (or yes/no, on/off, 1/0).")
    }
  }

  /// Creates the store for snapshots these settings describe: apart from the events, in the
  /// same persistence.
  public func makeSnapshotRecorder() throws -> any AggregateRecorder {
    try persistenceModule().makeSnapshotRecorder(self)
  }

  /// Creates an SQLite recorder on the table given, as the `SQLITE_*` settings describe.
  func makeSQLiteRecorder(table: String) throws -> SQLiteRecorder {
    guard let path = self[Key.sqliteDatabaseName] else {
      throw ConfigurationError.missingValue(
        key: Key.sqliteDatabaseName,
        reason: "the sqlite persistence module needs a database file path or ':memory:'.")
    }
    var lockTimeout = Duration.seconds(5)
    if let text = self[Key.sqliteLockTimeout] {
      // An upper bound keeps the conversion to milliseconds from overflowing.
      guard let seconds = Double(text), seconds >= 0, seconds <= 1_000_000 else {
        throw ConfigurationError.invalidValue(
          key: Key.sqliteLockTimeout, value: text,
          reason: "use a number of seconds from 0 to 1000000, such as 5.")
      }
      lockTimeout = .milliseconds(Int(seconds * 1000))
    }
    var synchronous = SQLiteRecorder.Synchronous.full
    if let text = self[Key.sqliteSynchronous] {
      guard let value = SQLiteRecorder.Synchronous(rawValue: text.uppercased()) else {
        throw ConfigurationError.invalidValue(
          key: Key.sqliteSynchronous, value: text, reason: "use FULL or NORMAL.")
      }
      synchronous = value
    }
    return try SQLiteRecorder(
      path: path, eventsTable: table, synchronous: synchronous, lockTimeout: lockTimeout)
  }

  /// Creates the mapper these settings describe, which protects stored state:
  ///
  /// | variable | meaning | default |
  /// |---|---|---|
  /// | `CIPHER_KEY` | base64 AES key of 16, 24 or 32 bytes, for ``AESGCMCipher`` | off |
  /// | `CIPHER_TOPIC` | `AESGCMCipher` (or `eventsourcing.cipher:AESCipher`) | `AESGCMCipher` |
  /// | `COMPRESSOR_TOPIC` | `zlib` (or `eventsourcing.compressor:ZlibCompressor`) | off |
  /// | `ENABLE_HASH_CHAIN` | `true` chains each aggregate's events by hashes | `false` |
  /// | `SALT_FOR_DATA_INTEGRITY` | secret text that keys the hash chain (HMAC-SHA256) | unsalted |
  /// | `MAX_STATE_SIZE` | largest event or snapshot state stored and read back, in bytes | 64 MiB |
  ///
  /// See ``makeCipher()``, ``makeCompressor()``, ``makeHashChain()`` and
  /// ``maximumStateSize()``.
  public func makeMapper() throws -> Mapper {
    try Mapper(
      compressor: makeCompressor(), cipher: makeCipher(), hashChain: makeHashChain(),
      maximumStateSize: maximumStateSize())
  }
}
