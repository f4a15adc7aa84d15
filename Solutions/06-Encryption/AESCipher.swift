public import Crypto
public import EventSourcing
public import Foundation

/// Encrypts stored state with AES-256 in Galois/Counter Mode, which also authenticates it.
///
/// Each record is sealed with a fresh random 96-bit nonce and stored as
/// `nonce | ciphertext | tag`. Reading a record made with another key, or one whose bytes
/// were changed, throws instead of returning garbage.
///
/// ```swift
/// let cipher = try AESCipher(base64Key: AESCipher.makeKey())
/// let encrypted = try cipher.encrypt(Data("Fido".utf8))
/// ```
public struct AESCipher: Cipher {
  /// The key's bytes. Kept as `Data` because `SymmetricKey` is not `Sendable` on every
  /// platform, and a cipher must be.
  private let keyBytes: Data

  private var key: SymmetricKey { SymmetricKey(data: keyBytes) }

  /// Creates a cipher with a 256-bit key.
  ///
  /// - Throws: ``EncryptionError/invalidKeyLength(bytes:)`` for a key of another size.
  public init(key: SymmetricKey) throws {
    guard key.bitCount == 256 else {
      throw EncryptionError.invalidKeyLength(bytes: key.bitCount / 8)
    }
    keyBytes = key.withUnsafeBytes { Data($0) }
  }

  // MARK: - Task 1: encrypt with a fresh nonce

  /// Returns `nonce | ciphertext | tag` for `plaintext`, with a fresh random nonce.
  // slide: encrypt
  public func encrypt(_ plaintext: Data) throws -> Data {
    // seal(_:using:) makes a new random nonce on every call. A nonce
    // used twice with one key gives away the XOR of two plaintexts
    // and lets an attacker forge tags.
    let box = try AES.GCM.seal(plaintext, using: key)
    // `combined` is nil only for nonces that are not 12 bytes long.
    guard let combined = box.combined else {
      throw EncryptionError.sealFailed
    }
    return combined
  }
  // slide end

  // MARK: - Task 2: decrypt, authenticating

  /// Returns the plaintext of data made by ``encrypt(_:)`` with the same key.
  ///
  /// - Throws: ``EncryptionError/unauthenticated`` when the key is wrong, or the data was
  ///   changed or cut short.
  // slide: decrypt
  public func decrypt(_ ciphertext: Data) throws -> Data {
    do {
      // SealedBox(combined:) splits nonce, ciphertext and tag;
      // open(_:using:) checks the tag before it returns anything.
      let box = try AES.GCM.SealedBox(combined: ciphertext)
      return try AES.GCM.open(box, using: key)
    } catch {
      throw EncryptionError.unauthenticated
    }
  }
  // slide end

  // MARK: - Task 3: keys as base64 text

  /// Creates a cipher with a key given as base64 text, as ``makeKey()`` makes it.
  ///
  /// - Throws: ``EncryptionError/invalidKeyEncoding`` when the text is not base64;
  ///   ``EncryptionError/invalidKeyLength(bytes:)`` when it does not hold 32 bytes.
  // slide: keys
  public init(base64Key: String) throws {
    let text = base64Key.trimmingCharacters(in: .whitespacesAndNewlines)
    guard let bytes = Data(base64Encoded: text) else {
      throw EncryptionError.invalidKeyEncoding
    }
    try self.init(key: SymmetricKey(data: bytes))
  }

  /// Returns a new random 256-bit key as base64 text.
  public static func makeKey() -> String {
    SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
      .base64EncodedString()
  }
  // slide end
}
