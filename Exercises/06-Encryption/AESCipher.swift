public import Crypto
public import EventSourcing
public import Foundation
import GivenBasics

/// Encrypts stored state with AES-256 in Galois/Counter Mode, which also authenticates it.
///
/// Each record is sealed with a fresh random 96-bit nonce and stored as
/// `nonce | ciphertext | tag`. Reading a record made with another key, or one whose bytes
/// were changed, throws instead of returning garbage.
public struct AESCipher: Cipher {
  /// The key's bytes. Kept as `Data` because `SymmetricKey` is not `Sendable` on every
  /// platform, and a cipher must be.
  private let keyBytes: Data

  /// The key, ready for `AES.GCM.seal(_:using:)` and `AES.GCM.open(_:using:)`.
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
  public func encrypt(_ plaintext: Data) throws -> Data {
    // Task 1: seal the plaintext with AES.GCM.seal(_:using:) and return the sealed box's
    // `combined` bytes. `combined` is optional: throw EncryptionError.sealFailed when it is
    // nil (no force unwrap). Never reuse a nonce.
    throw NotImplemented(task: 1, what: "AESCipher.encrypt(_:)")
  }

  // MARK: - Task 2: decrypt, authenticating

  /// Returns the plaintext of data made by ``encrypt(_:)`` with the same key.
  ///
  /// - Throws: ``EncryptionError/unauthenticated`` when the key is wrong, or the data was
  ///   changed or cut short.
  public func decrypt(_ ciphertext: Data) throws -> Data {
    // Task 2: make an AES.GCM.SealedBox(combined:) and open it with AES.GCM.open(_:using:).
    // Turn any error of either into EncryptionError.unauthenticated.
    throw NotImplemented(task: 2, what: "AESCipher.decrypt(_:)")
  }

  // MARK: - Task 3: keys as base64 text

  /// Creates a cipher with a key given as base64 text, as ``makeKey()`` makes it.
  ///
  /// - Throws: ``EncryptionError/invalidKeyEncoding`` when the text is not base64;
  ///   ``EncryptionError/invalidKeyLength(bytes:)`` when it does not hold 32 bytes.
  public init(base64Key: String) throws {
    // Task 3: decode the text (allow surrounding whitespace and newlines) with
    // Data(base64Encoded:), throw EncryptionError.invalidKeyEncoding when that fails, and
    // call self.init(key: SymmetricKey(data: bytes)), which checks the length.
    throw NotImplemented(task: 3, what: "AESCipher.init(base64Key:)")
  }

  /// Returns a new random 256-bit key as base64 text.
  public static func makeKey() -> String {
    // Task 3: make a SymmetricKey(size: .bits256), take its bytes with withUnsafeBytes, and
    // return them as base64 text.
    ""
  }
}
