// Differs from the reference: the Python library's spellings, with the keys named by constant.
import EventSourcing

/// The school's configurations: environment dictionaries, the way a deployment would set
/// them. Switching between them changes no line of `Dog` or `DogSchool`.
public enum Settings {
  private typealias Key = ApplicationEnvironment.Key

  /// Events in a SQLite file: the school survives a restart.
  public static func sqlite(file: String) -> [String: String] {
    [Key.persistenceModule: "eventsourcing.sqlite", Key.sqliteDatabaseName: file]
  }

  /// Events in a SQLite file, compressed, encrypted with `key` (base64 AES, as made by
  /// `AESGCMCipher.makeKey()`) and linked in a hash chain per dog.
  public static func protected(file: String, key: String) -> [String: String] {
    var settings = sqlite(file: file)
    settings[Key.compressorTopic] = "eventsourcing.compressor:ZlibCompressor"
    settings[Key.cipherTopic] = "eventsourcing.cipher:AESCipher"
    settings[Key.cipherKey] = key
    settings[Key.enableHashChain] = "yes"
    return settings
  }
}
