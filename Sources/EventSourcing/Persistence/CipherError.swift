/// An error making a cipher or using it. No case holds a key or any plaintext.
public enum CipherError: Error, Equatable, CustomStringConvertible {
  /// The key text is not base64.
  case invalidKeyEncoding
  /// The key has a size AES does not take: it must be 16, 24 or 32 bytes.
  case invalidKeyLength(bytes: Int)
  /// The data did not authenticate: it was made with another key, or changed since.
  case unauthenticated
  /// Sealing produced no combined nonce, ciphertext and tag.
  case sealFailed

  public var description: String {
    switch self {
    case .invalidKeyEncoding:
      "The cipher key is not base64 text; make one with AESGCMCipher.makeKey()."
    case .invalidKeyLength(let bytes):
      "The cipher key holds \(bytes) bytes; AES needs 16, 24 or 32 (128, 192 or 256 bits)."
    case .unauthenticated:
      "The data did not authenticate: the key is wrong or the data was changed."
    case .sealFailed:
      "Encryption produced no combined nonce, ciphertext and tag."
    }
  }
}
