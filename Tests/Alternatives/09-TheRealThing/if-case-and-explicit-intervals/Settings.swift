// Differs from the reference: other accepted spellings (SQLite, ZlibCompressor, 1), no merging.

/// The school's configurations: environment dictionaries, the way a deployment would set
/// them. Switching between them changes no line of `Dog` or `DogSchool`.
public enum Settings {
  /// Events in a SQLite file: the school survives a restart.
  public static func sqlite(file: String) -> [String: String] {
    ["SQLITE_DBNAME": file, "PERSISTENCE_MODULE": "SQLite"]
  }

  /// Events in a SQLite file, compressed, encrypted with `key` (base64 AES, as made by
  /// `AESGCMCipher.makeKey()`) and linked in a hash chain per dog.
  public static func protected(file: String, key: String) -> [String: String] {
    [
      "PERSISTENCE_MODULE": "sqlite",
      "SQLITE_DBNAME": file,
      "COMPRESSOR_TOPIC": "ZlibCompressor",
      "CIPHER_KEY": key,
      "ENABLE_HASH_CHAIN": "1",
    ]
  }
}
