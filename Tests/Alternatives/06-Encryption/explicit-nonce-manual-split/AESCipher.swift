// Differs from the reference: makes each nonce itself, lays out and splits nonce | ciphertext | tag by hand, and makes keys from random bytes.
public import Crypto
public import EventSourcing
public import Foundation

/// Encrypts stored state with AES-256-GCM; each record is `nonce | ciphertext | tag`.
public struct AESCipher: Cipher {
  private static let nonceSize = 12
  private static let tagSize = 16

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

  /// Returns `nonce | ciphertext | tag` for `plaintext`, with a new random nonce.
  public func encrypt(_ plaintext: Data) throws -> Data {
    let nonce = AES.GCM.Nonce()
    let box = try AES.GCM.seal(plaintext, using: SymmetricKey(data: keyBytes), nonce: nonce)
    var record = Data(nonce)
    record.append(box.ciphertext)
    record.append(box.tag)
    return record
  }

  /// Returns the plaintext of a record made by ``encrypt(_:)`` with the same key.
  ///
  /// - Throws: ``EncryptionError/unauthenticated`` for a wrong key, changed or cut-off data.
  public func decrypt(_ ciphertext: Data) throws -> Data {
    let bytes = Data(ciphertext)  // indices from 0, whatever slice we were given
    guard bytes.count >= Self.nonceSize + Self.tagSize else {
      throw EncryptionError.unauthenticated
    }
    let nonceEnd = Self.nonceSize
    let tagStart = bytes.count - Self.tagSize
    do {
      let box = try AES.GCM.SealedBox(
        nonce: AES.GCM.Nonce(data: bytes[..<nonceEnd]),
        ciphertext: bytes[nonceEnd..<tagStart],
        tag: bytes[tagStart...])
      return try AES.GCM.open(box, using: SymmetricKey(data: keyBytes))
    } catch {
      throw EncryptionError.unauthenticated
    }
  }

  /// Creates a cipher with a key given as base64 text.
  ///
  /// - Throws: ``EncryptionError/invalidKeyEncoding`` or ``EncryptionError/invalidKeyLength(bytes:)``.
  public init(base64Key: String) throws {
    var text = Substring(base64Key)
    while let last = text.last, last.isWhitespace { text.removeLast() }
    while let first = text.first, first.isWhitespace { text.removeFirst() }
    guard let bytes = Data(base64Encoded: String(text)) else {
      throw EncryptionError.invalidKeyEncoding
    }
    try self.init(key: SymmetricKey(data: bytes))
  }

  /// Returns a new random 256-bit key as base64 text.
  public static func makeKey() -> String {
    var generator = SystemRandomNumberGenerator()
    let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    return Data(bytes).base64EncodedString()
  }
}
