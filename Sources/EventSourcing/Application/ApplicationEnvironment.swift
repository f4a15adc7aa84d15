public import Foundation

/// The settings an application is configured with: the process environment, overridden by
/// values given in code.
///
/// An application chooses its persistence without code changes, as in the Python
/// `eventsourcing` library:
///
/// | variable | meaning | default |
/// |---|---|---|
/// | `PERSISTENCE_MODULE` | `memory` (also `popo`) | `memory` |
///
/// ```swift
/// let app = try Application(environment: ["PERSISTENCE_MODULE": "memory"])
/// ```
public struct ApplicationEnvironment: Sendable {
  /// The names of the settings.
  public enum Key {
    /// Which recorder stores the application's events.
    public static let persistenceModule = "PERSISTENCE_MODULE"
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

  /// The persistence named by `PERSISTENCE_MODULE`.
  public func persistenceModule() throws -> PersistenceModule {
    guard let name = self[Key.persistenceModule] else { return .memory }
    guard let module = PersistenceModule(name: name) else {
      throw ConfigurationError.unknownPersistenceModule(
        name, known: PersistenceModule.allCases.map(\.rawValue))
    }
    return module
  }

  /// Creates the recorder these settings describe.
  public func makeRecorder() throws -> any ApplicationRecorder {
    switch try persistenceModule() {
    case .memory:
      InMemoryRecorder()
    }
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
  ///
  /// See ``makeCipher()``, ``makeCompressor()`` and ``makeHashChain()``.
  public func makeMapper() throws -> Mapper {
    try Mapper(compressor: makeCompressor(), cipher: makeCipher(), hashChain: makeHashChain())
  }
}

/// Where an application's events are stored.
public enum PersistenceModule: String, CaseIterable, Sendable {
  /// In memory, for tests and demonstrations: ``InMemoryRecorder``.
  case memory

  /// Finds a module by its name or by the name the Python library uses for it.
  init?(name: String) {
    switch name.lowercased() {
    case "memory", "popo", "eventsourcing.popo": self = .memory
    default: return nil
    }
  }
}
