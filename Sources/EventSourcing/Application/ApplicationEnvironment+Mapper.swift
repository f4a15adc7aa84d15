import Foundation

// The settings that protect stored state; the table is in the documentation of
// `ApplicationEnvironment.makeMapper()`.
extension ApplicationEnvironment.Key {
  /// The base64 AES key that turns encryption on.
  public static let cipherKey = "CIPHER_KEY"
  /// Which cipher encrypts stored state.
  public static let cipherTopic = "CIPHER_TOPIC"
  /// Which compressor compresses stored state.
  public static let compressorTopic = "COMPRESSOR_TOPIC"
  /// Whether each aggregate's events are chained by hashes.
  public static let enableHashChain = "ENABLE_HASH_CHAIN"
  /// The secret that keys the hash chain.
  public static let hashChainSalt = "SALT_FOR_DATA_INTEGRITY"
  /// The largest event or snapshot state, in bytes, that is stored and read back.
  public static let maximumStateSize = "MAX_STATE_SIZE"
}

extension ApplicationEnvironment {
  /// The cipher that `CIPHER_KEY` and `CIPHER_TOPIC` describe, or `nil` when no key is set.
  ///
  /// - Throws: ``ConfigurationError`` naming the setting when the key is not base64 or has
  ///   the wrong length (without showing it), the topic is unknown, or a topic has no key.
  public func makeCipher() throws -> (any Cipher)? {
    let key = self[Key.cipherKey]
    if let topic = self[Key.cipherTopic] {
      let known = ["AESGCMCipher", "eventsourcing.cipher:AESCipher", "aes-gcm", "aes"]
      guard known.contains(where: { $0.caseInsensitiveCompare(topic) == .orderedSame }) else {
        throw ConfigurationError.invalidValue(
          key: Key.cipherTopic, value: topic, reason: "use 'AESGCMCipher'.")
      }
      guard key != nil else {
        throw ConfigurationError.missingValue(
          key: Key.cipherKey,
          reason: "\(Key.cipherTopic) turns encryption on, which needs a key; make one with "
            + "AESGCMCipher.makeKey().")
      }
    }
    guard let key else { return nil }
    do {
      return try AESGCMCipher(base64Key: key)
    } catch let error as CipherError {
      throw ConfigurationError.invalidSecret(key: Key.cipherKey, reason: error.description)
    }
  }

  /// The compressor that `COMPRESSOR_TOPIC` names, or `nil` when it is unset.
  ///
  /// - Throws: ``ConfigurationError`` when the name is unknown.
  public func makeCompressor() throws -> (any Compressor)? {
    guard let topic = self[Key.compressorTopic] else { return nil }
    switch topic.lowercased() {
    case "zlib", "zlibcompressor", "eventsourcing.compressor:zlibcompressor":
      return ZlibCompressor(maximumDecompressedSize: try maximumStateSize())
    default:
      throw ConfigurationError.invalidValue(
        key: Key.compressorTopic, value: topic, reason: "use 'zlib'.")
    }
  }

  /// The largest state the mapper stores and the compressor inflates: `MAX_STATE_SIZE`
  /// bytes, 64 MiB unless set. A save of a larger event or snapshot fails before anything is
  /// stored, so that nothing is stored that these settings cannot read back.
  ///
  /// - Throws: ``ConfigurationError`` when the value is not a whole number of bytes from 1.
  public func maximumStateSize() throws -> Int {
    guard let text = self[Key.maximumStateSize] else { return Mapper.defaultMaximumStateSize }
    guard let bytes = Int(text), bytes >= 1 else {
      throw ConfigurationError.invalidValue(
        key: Key.maximumStateSize, value: text,
        reason: "use a whole number of bytes, such as 67108864 for 64 MiB.")
    }
    return bytes
  }

  /// The hash chain that `ENABLE_HASH_CHAIN` and `SALT_FOR_DATA_INTEGRITY` describe, or
  /// `nil` when chaining is off.
  ///
  /// - Throws: ``ConfigurationError`` when `ENABLE_HASH_CHAIN` is not a boolean, or a salt
  ///   is set while chaining is off (it would protect nothing).
  public func makeHashChain() throws -> HashChain? {
    let salt = self[Key.hashChainSalt]
    guard try flag(Key.enableHashChain) ?? false else {
      if salt != nil {
        throw ConfigurationError.missingValue(
          key: Key.enableHashChain,
          reason: "\(Key.hashChainSalt) is set but events are not hash-chained; set "
            + "\(Key.enableHashChain)=true, or unset the salt.")
      }
      return nil
    }
    return HashChain(salt: salt.map { Data($0.utf8) })
  }
}
