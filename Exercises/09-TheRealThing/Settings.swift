/// The school's configurations: environment dictionaries, the way a deployment would set
/// them. Switching between them changes no line of `Dog` or `DogSchool`.
public enum Settings {
  // MARK: - Task 3: SQLite

  /// Events in a SQLite file: the school survives a restart.
  public static func sqlite(file: String) -> [String: String] {
    // Task 3: choose the sqlite persistence module and name the database file.
    [:]
  }

  // MARK: - Task 4: compressed, encrypted, chained

  /// Events in a SQLite file, compressed, encrypted with `key` (base64 AES, as made by
  /// `AESGCMCipher.makeKey()`) and linked in a hash chain per dog.
  public static func protected(file: String, key: String) -> [String: String] {
    // Task 4: start from sqlite(file:) and add the settings for compression (zlib), the
    // cipher key, and the hash chain.
    [:]
  }
}
