public import Crypto
public import Foundation

/// Encrypts stored state with AES in Galois/Counter Mode, which also authenticates it.
///
/// Each record is sealed with a fresh random 96-bit nonce and stored as
/// `nonce | ciphertext | tag` (`AES.GCM.SealedBox.combined`). Reading a record made with
/// another key, or one whose bytes were changed, fails instead of returning garbage. As an
/// ``AuthenticatingCipher`` it also authenticates associated data, which the ``Mapper`` uses
/// to bind each record to its aggregate, version and topic.
///
/// ```swift
/// let key = AESGCMCipher.makeKey()            // keep it secret, e.g. in CIPHER_KEY
/// let cipher = try AESGCMCipher(base64Key: key)
/// let app = Application(recorder: InMemoryRecorder(), mapper: Mapper(cipher: cipher))
/// ```
///
/// Applications configured by environment use it when `CIPHER_KEY` is set.
public struct AESGCMCipher: AuthenticatingCipher {
  /// The key's bytes. Kept as `Data` rather than `SymmetricKey` because CryptoKit's
  /// `SymmetricKey` is not `Sendable` on every Apple SDK, and a cipher must be.
  private let keyBytes: Data

  private var key: SymmetricKey { SymmetricKey(data: keyBytes) }

  /// Creates a cipher with a key of 128, 192 or 256 bits.
  ///
  /// - Throws: ``CipherError/invalidKeyLength(bytes:)`` for a key of another size.
  public init(key: SymmetricKey) throws {
    guard [16, 24, 32].contains(key.bitCount / 8), key.bitCount % 8 == 0 else {
      throw CipherError.invalidKeyLength(bytes: key.bitCount / 8)
    }
    keyBytes = key.withUnsafeBytes { Data($0) }
  }

  /// Creates a cipher with a key given as base64 text, as ``makeKey(size:)`` makes it.
  ///
  /// - Throws: ``CipherError/invalidKeyEncoding`` when the text is not base64;
  ///   ``CipherError/invalidKeyLength(bytes:)`` when it does not hold 16, 24 or 32 bytes.
  public init(base64Key: String) throws {
    let text = base64Key.trimmingCharacters(in: .whitespacesAndNewlines)
    guard let bytes = Data(base64Encoded: text) else { throw CipherError.invalidKeyEncoding }
    try self.init(key: SymmetricKey(data: bytes))
  }

  /// Returns a new random key as base64 text, for `CIPHER_KEY` or ``init(base64Key:)``.
  ///
  /// - Parameter size: The key's size; 256 bits unless given.
  public static func makeKey(size: SymmetricKeySize = .bits256) -> String {
    SymmetricKey(size: size).withUnsafeBytes { Data($0) }.base64EncodedString()
  }

  /// Returns `nonce | ciphertext | tag` for `plaintext`, with a fresh random nonce.
  public func encrypt(_ plaintext: Data) throws -> Data {
    try encrypt(plaintext, authenticating: Data())
  }

  /// Returns the plaintext of a record made by ``encrypt(_:)`` with the same key.
  ///
  /// - Throws: ``CipherError/unauthenticated`` when the key is wrong or the bytes were changed.
  public func decrypt(_ ciphertext: Data) throws -> Data {
    try decrypt(ciphertext, authenticating: Data())
  }

  /// Returns `nonce | ciphertext | tag` for `plaintext`, with a fresh random nonce, the tag
  /// covering `associatedData` too. With empty associated data it is what ``encrypt(_:)``
  /// makes: AES-GCM treats no associated data and empty associated data alike.
  public func encrypt(_ plaintext: Data, authenticating associatedData: Data) throws -> Data {
    // `combined` is nil only for nonces of a size other than 12 bytes; `seal` makes 12-byte
    // nonces, so this is a guard against a broken library rather than an expected path.
    guard
      let combined = try AES.GCM.seal(plaintext, using: key, authenticating: associatedData)
        .combined
    else {
      throw CipherError.sealFailed
    }
    return combined
  }

  /// Returns the plaintext of a record made by ``encrypt(_:authenticating:)`` with the same
  /// key and associated data.
  ///
  /// - Throws: ``CipherError/unauthenticated`` when the key or the associated data is not the
  ///   one it was sealed with, or the bytes were changed.
  public func decrypt(_ ciphertext: Data, authenticating associatedData: Data) throws -> Data {
    do {
      return try AES.GCM.open(
        AES.GCM.SealedBox(combined: ciphertext), using: key, authenticating: associatedData)
    } catch {
      throw CipherError.unauthenticated
    }
  }
}
