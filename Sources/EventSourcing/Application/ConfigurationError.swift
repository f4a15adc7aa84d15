/// An error in an application's configuration, found when the application starts.
public enum ConfigurationError: Error, Equatable, CustomStringConvertible {
  /// `PERSISTENCE_MODULE` names no persistence this library has.
  case unknownPersistenceModule(String, known: [String])
  /// A setting has a value that cannot be used.
  case invalidValue(key: String, value: String, reason: String)
  /// A secret setting, such as a key, cannot be used; its value is never shown.
  case invalidSecret(key: String, reason: String)
  /// A setting that the chosen configuration needs is missing.
  case missingValue(key: String, reason: String)
  /// A snapshot was asked for, but the application keeps no snapshots.
  case snapshottingDisabled
  /// The application follows another one, but its recorder keeps no tracking positions.
  case trackingUnsupported

  public var description: String {
    switch self {
    case .unknownPersistenceModule(let name, let known):
      "Unknown persistence module '\(name)' in \(ApplicationEnvironment.Key.persistenceModule): "
        + "use one of \(known.map { "'\($0)'" }.joined(separator: ", "))."
    case .invalidValue(let key, let value, let reason):
      "Invalid value '\(value)' for \(key): \(reason)"
    case .invalidSecret(let key, let reason):
      "Invalid value for \(key) (not shown): \(reason)"
    case .missingValue(let key, let reason):
      "\(key) is not set: \(reason)"
    case .snapshottingDisabled:
      "Snapshotting is not enabled: set \(ApplicationEnvironment.Key.isSnapshottingEnabled)=true "
        + "or give the application snapshot intervals."
    case .trackingUnsupported:
      "The application's recorder keeps no tracking positions: use a recorder that conforms "
        + "to ProcessRecorder, such as InMemoryRecorder."
    }
  }
}
