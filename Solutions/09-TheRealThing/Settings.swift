/// The school's configurations: environment dictionaries, the way a deployment would set
/// them. Switching between them changes no line of `Dog` or `DogSchool`.
public enum Settings {
  // MARK: - Task 3: SQLite

  // slide: sqlite
  /// Events in a SQLite file: the school survives a restart.
  public static func sqlite(file: String) -> [String: String] {
    ["PERSISTENCE_MODULE": "sqlite", "SQLITE_DBNAME": file]
  }
  // slide end

  // MARK: - Task 4: compressed, encrypted, chained

  // slide: protected
  /// Events in a SQLite file, compressed, encrypted with `key` (base64 AES, as made by
  /// `AESGCMCipher.makeKey()`) and linked in a hash chain per dog.
  public static func protected(
    file: String, key: String
  ) -> [String: String] {
    sqlite(file: file).merging([
      // Compressed before encryption: ciphertext does not compress.
      "COMPRESSOR_TOPIC": "zlib",
      "CIPHER_KEY": key,
      "ENABLE_HASH_CHAIN": "true",
    ]) { $1 }
  }
  // slide end
}
