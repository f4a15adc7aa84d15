// Differs from the reference: decrypts with a chain of try? in one guard, trims the key text with a character set of its own, and makes the key text inside withUnsafeBytes.
public import Crypto
public import EventSourcing
public import Foundation

/// Encrypts stored state with AES-256-GCM, authenticating it.
public struct AESCipher: Cipher {
  private let keyBytes: Data

  /// Creates a cipher with a 256-bit key.
  ///
  /// - Throws: ``EncryptionError/invalidKeyLength(bytes:)`` for a key of another size.
  public init(key: SymmetricKey) throws {
    guard key.bitCount == 256 else {
      throw EncryptionError.invalidKeyLength(bytes: key.bitCount / 8)
    }
    keyBytes = key.withUnsafeBytes { Data($0) }
  }

  /// Returns the sealed box's combined bytes, with a fresh nonce from `seal`.
  public func encrypt(_ plaintext: Data) throws -> Data {
    guard let combined = try AES.GCM.seal(plaintext, using: SymmetricKey(data: keyBytes)).combined
    else { throw EncryptionError.sealFailed }
    return combined
  }

  /// Returns the plaintext, or throws ``EncryptionError/unauthenticated``.
  public func decrypt(_ ciphertext: Data) throws -> Data {
    guard let box = try? AES.GCM.SealedBox(combined: ciphertext),
      let plaintext = try? AES.GCM.open(box, using: SymmetricKey(data: keyBytes))
    else { throw EncryptionError.unauthenticated }
    return plaintext
  }

  /// Creates a cipher from base64 text, such as the contents of a key file.
  ///
  /// - Throws: ``EncryptionError/invalidKeyEncoding`` or ``EncryptionError/invalidKeyLength(bytes:)``.
  public init(base64Key: String) throws {
    let text = base64Key.trimmingCharacters(in: CharacterSet(charactersIn: " \t\r\n"))
    guard let bytes = Data(base64Encoded: text) else { throw EncryptionError.invalidKeyEncoding }
    try self.init(key: SymmetricKey(data: bytes))
  }

  /// Returns a new random 256-bit key as base64 text.
  public static func makeKey() -> String {
    let key = SymmetricKey(size: .bits256)
    return key.withUnsafeBytes { Data($0).base64EncodedString() }
  }
}
