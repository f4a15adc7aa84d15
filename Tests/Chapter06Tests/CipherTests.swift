import Chapter06
import Crypto
import EventSourcingTesting
import Foundation
import Testing

@Suite("Chapter 6: the cipher")
struct CipherTests {
  let key = SymmetricKey(size: .bits256)
  let plaintext = Data(#"{"registered":{"name":"Fido"}}"#.utf8)

  /// Opens `nonce | ciphertext | tag` with AES-GCM itself, independently of the chapter's code.
  func open(_ combined: Data, with key: SymmetricKey) throws -> Data {
    try AES.GCM.open(AES.GCM.SealedBox(combined: combined), using: key)
  }

  // MARK: - Task 1

  @Test("Task 1: encrypt returns nonce, ciphertext and tag, which AES-GCM opens")
  func encryptsAsAESGCM() throws {
    let sealed = try AESCipher(key: key).encrypt(plaintext)
    #expect(
      sealed.count == 12 + plaintext.count + 16,
      "Task 1: encrypt should return the sealed box's `combined` bytes: a 12-byte nonce, the ciphertext, a 16-byte tag."
    )
    #expect(
      (try? open(sealed, with: key)) == plaintext,
      "Task 1: AES.GCM.open should give back the plaintext: seal it with AES.GCM.seal(_:using:) and the cipher's key."
    )
  }

  @Test("Task 1: the same plaintext encrypted twice gives different bytes (a fresh nonce each time)")
  func freshNonces() throws {
    let cipher = try AESCipher(key: key)
    let sealed = try (0..<10).map { _ in try cipher.encrypt(plaintext) }
    #expect(
      Set(sealed).count == sealed.count,
      "Task 1: every call of encrypt needs a new random nonce: let AES.GCM.seal make one, never keep one in a property."
    )
    #expect(
      Set(sealed.map { $0.prefix(12) }).count == sealed.count,
      "Task 1: the first 12 bytes (the nonce) should differ on every call.")
  }

  @Test("Task 1: the ciphertext does not show the plaintext")
  func hidesThePlaintext() throws {
    let sealed = try AESCipher(key: key).encrypt(plaintext)
    #expect(
      sealed.range(of: Data("Fido".utf8)) == nil,
      "Task 1: encrypt should return ciphertext, not the plaintext.")
  }

  // MARK: - Task 2

  @Test("Task 2: decrypt gives back what encrypt was given, empty and large included")
  func roundTrips() throws {
    let cipher = try AESCipher(key: key)
    for sample in [Data(), plaintext, Data(repeating: 7, count: 100_000)] {
      // Compared outside #expect, which would work out the difference of two large byte
      // collections on a failure (minutes for 100,000 bytes).
      let isSame = try cipher.decrypt(cipher.encrypt(sample)) == sample
      #expect(isSame, "Task 2: decrypt should return the plaintext of a \(sample.count)-byte record.")
    }
  }

  @Test("Task 2: a changed byte anywhere, a wrong key or cut-off data is refused")
  func refusesWhatDoesNotAuthenticate() throws {
    let cipher = try AESCipher(key: key)
    let sealed = try cipher.encrypt(plaintext)
    for index in sealed.indices {
      var changed = sealed
      changed[index] ^= 0x01
      #expect(
        throws: EncryptionError.unauthenticated,
        "Task 2: decrypt should throw EncryptionError.unauthenticated for a changed byte at offset \(index): open the box with AES.GCM.open, which checks the tag."
      ) { try cipher.decrypt(changed) }
    }
    #expect(
      throws: EncryptionError.unauthenticated,
      "Task 2: decrypt with another key should throw EncryptionError.unauthenticated."
    ) { try AESCipher(key: SymmetricKey(size: .bits256)).decrypt(sealed) }
    for length in [0, 5, sealed.count - 1] {
      #expect(
        throws: EncryptionError.unauthenticated,
        "Task 2: decrypt of \(length) of \(sealed.count) bytes should throw EncryptionError.unauthenticated, not crash."
      ) { try cipher.decrypt(sealed.prefix(length)) }
    }
  }

  @Test("Task 2: the cipher passes the library's CipherConformance suite")
  func conformsToTheLibrarysContract() throws {
    do {
      try CipherConformance { try AESCipher(key: SymmetricKey(size: .bits256)) }.run()
    } catch {
      Issue.record("Task 2: the library's CipherConformance suite stopped at an error: \(error)")
    }
  }

  // MARK: - Task 3

  @Test("Task 3: makeKey gives a new random 256-bit key as base64 text")
  func makesKeys() {
    let keys = (0..<5).map { _ in AESCipher.makeKey() }
    let sizes = keys.map { Data(base64Encoded: $0)?.count }
    #expect(
      sizes.allSatisfy { $0 == 32 },
      "Task 3: makeKey should return 32 random bytes as base64 text (SymmetricKey(size: .bits256)), not \(sizes)."
    )
    #expect(Set(keys).count == keys.count, "Task 3: makeKey should return a new random key every time.")
  }

  @Test("Task 3: a cipher made from base64 text uses exactly that key")
  func usesTheGivenKey() throws {
    let bytes = key.withUnsafeBytes { Data($0) }
    for text in [bytes.base64EncodedString(), bytes.base64EncodedString() + "\n"] {
      let sealed = try AESCipher(base64Key: text).encrypt(plaintext)
      #expect(
        (try? open(sealed, with: key)) == plaintext,
        "Task 3: init(base64Key:) should decode the text and use its bytes as the key (a trailing newline, as in a key file, is allowed)."
      )
    }
  }

  @Test("Task 3: bad base64 and a key of the wrong length are refused clearly")
  func refusesBadKeys() {
    #expect(
      throws: EncryptionError.invalidKeyEncoding,
      "Task 3: init(base64Key:) should throw EncryptionError.invalidKeyEncoding for text that is not base64."
    ) { try AESCipher(base64Key: "not a key!") }
    let short = Data(repeating: 1, count: 16).base64EncodedString()
    #expect(
      throws: EncryptionError.invalidKeyLength(bytes: 16),
      "Task 3: init(base64Key:) should throw EncryptionError.invalidKeyLength(bytes: 16) for a 128-bit key."
    ) { try AESCipher(base64Key: short) }
  }
}
