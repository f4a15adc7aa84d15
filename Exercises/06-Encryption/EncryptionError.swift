/// An error making or using the cipher. No case holds a key or any plaintext.
public enum EncryptionError: Error, Equatable, CustomStringConvertible {
  /// The key text is not base64.
  case invalidKeyEncoding
  /// The key does not hold 32 bytes (256 bits).
  case invalidKeyLength(bytes: Int)
  /// The data did not authenticate: it was made with another key, or changed since.
  case unauthenticated
  /// Sealing gave no combined nonce, ciphertext and tag.
  case sealFailed

  /// A sentence naming what was wrong.
  public var description: String {
    switch self {
    case .invalidKeyEncoding:
      "The cipher key is not base64 text; make one with AESCipher.makeKey()."
    case .invalidKeyLength(let bytes):
      "The cipher key holds \(bytes) bytes; AES-256 needs 32."
    case .unauthenticated:
      "The data did not authenticate: the key is wrong or the data was changed."
    case .sealFailed:
      "Encryption gave no combined nonce, ciphertext and tag."
    }
  }
}
