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

  /// Seals with AES-GCM itself, so that the tests of decrypt do not depend on encrypt.
  func seal(_ plaintext: Data, with key: SymmetricKey) throws -> Data {
    try #require(
      try AES.GCM.seal(plaintext, using: key).combined,
      "Setup: AES.GCM.seal should give combined bytes for its own random nonce.")
  }

  // MARK: - Task 1

  @Test("Task 1: encrypt returns nonce, ciphertext and tag, which AES-GCM opens")
  func encryptsAsAESGCM() throws {
    let sealed = try AESCipher(key: key).encrypt(plaintext)
    #expect(
      sealed.count == 12 + plaintext.count + 16,
      "Task 1: encrypt should return the sealed box's `combined` bytes: a 12-byte nonce, the ciphertext, a 16-byte tag (\(12 + plaintext.count + 16) bytes here), not \(sealed.count) bytes."
    )
    #expect(
      (try? open(sealed, with: key)) == plaintext,
      "Task 1: AES.GCM.open should give back the plaintext of the bytes encrypt returns: seal with AES.GCM.seal(_:using:) and the cipher's key, and return the box's `combined` bytes (nonce, ciphertext, tag, in that order)."
    )
  }

  @Test("Task 1: the same plaintext encrypted twice gives different bytes (a fresh nonce each time)")
  func freshNonces() throws {
    let cipher = try AESCipher(key: key)
    let sealed = try (0..<10).map { _ in try cipher.encrypt(plaintext) }
    #expect(
      Set(sealed).count == sealed.count,
      "Task 1: ten encryptions of the same plaintext should give ten different records; \(Set(sealed).count) differ. Let AES.GCM.seal make a new random nonce on every call: never keep one in a property, or make it from fixed bytes, the key or the plaintext."
    )
    #expect(
      Set(sealed.map { $0.prefix(12) }).count == sealed.count,
      "Task 1: the first 12 bytes of every record (its nonce) should differ from call to call; \(Set(sealed.map { $0.prefix(12) }).count) of 10 differ."
    )
  }

  @Test("Task 1: records of different plaintexts never share a nonce")
  func noSharedNonces() throws {
    let cipher = try AESCipher(key: key)
    let samples = (0..<10).map { Data("trick \($0)".utf8) } + [plaintext, plaintext]
    let nonces = try samples.map { try cipher.encrypt($0).prefix(12) }
    #expect(
      Set(nonces).count == nonces.count,
      "Task 1: every record should start with its own 12-byte nonce; \(nonces.count - Set(nonces).count) of \(nonces.count) records reuse one. A nonce used twice with one key leaks the XOR of two plaintexts."
    )
  }

  @Test("Task 1: the ciphertext does not show the plaintext")
  func hidesThePlaintext() throws {
    let sealed = try AESCipher(key: key).encrypt(plaintext)
    #expect(
      sealed.range(of: Data("Fido".utf8)) == nil,
      "Task 1: encrypt should return ciphertext, but the plaintext shows in its bytes.")
  }

  // MARK: - Task 2

  @Test("Task 2: decrypt gives back what AES-GCM sealed, empty and large included")
  func roundTrips() throws {
    let cipher = try AESCipher(key: key)
    for sample in [Data(), plaintext, Data(repeating: 7, count: 100_000)] {
      let sealed = try seal(sample, with: key)
      // Compared outside #expect, which would work out the difference of two large byte
      // collections on a failure (minutes for 100,000 bytes).
      let opened: Data
      do { opened = try cipher.decrypt(sealed) } catch {
        Issue.record(
          "Task 2: decrypt should open a \(sample.count)-byte record sealed with its key, but threw: \(error)"
        )
        continue
      }
      let isSame = opened == sample
      #expect(
        isSame,
        "Task 2: decrypt should return the plaintext of a \(sample.count)-byte record: open the box with AES.GCM.open(_:using:), do not return its ciphertext."
      )
    }
  }

  @Test("Task 2: a changed byte anywhere, a wrong key or cut-off data is refused")
  func refusesWhatDoesNotAuthenticate() throws {
    let cipher = try AESCipher(key: key)
    let sealed = try seal(plaintext, with: key)
    var accepted: [Int] = []
    for index in sealed.indices {
      var changed = sealed
      changed[index] ^= 0x01
      do {
        _ = try cipher.decrypt(changed)
        accepted.append(index)
      } catch {
        #expect(
          error as? EncryptionError == .unauthenticated,
          "Task 2: decrypt should throw EncryptionError.unauthenticated for a changed byte at offset \(index), not \(error): turn any error of AES.GCM.open into .unauthenticated."
        )
      }
    }
    #expect(
      accepted.isEmpty,
      "Task 2: decrypt accepted records changed at offsets \(accepted): open the box with AES.GCM.open, which checks the tag, and throw EncryptionError.unauthenticated when it fails."
    )
    #expect(
      throws: EncryptionError.unauthenticated,
      "Task 2: decrypt of a record sealed with another key should throw EncryptionError.unauthenticated."
    ) { try AESCipher(key: SymmetricKey(size: .bits256)).decrypt(sealed) }
    for length in [0, 5, 27, sealed.count - 1] {
      #expect(
        throws: EncryptionError.unauthenticated,
        "Task 2: decrypt of \(length) of \(sealed.count) bytes should throw EncryptionError.unauthenticated, not crash or throw another error: catch the error of AES.GCM.SealedBox(combined:) too."
      ) { try cipher.decrypt(sealed.prefix(length)) }
    }
  }

  @Test("Task 2: the cipher passes the library's CipherConformance suite")
  func conformsToTheLibrarysContract() throws {
    do {
      try CipherConformance { try AESCipher(key: SymmetricKey(size: .bits256)) }.run()
    } catch {
      Issue.record("Task 2: the library's CipherConformance suite should run to the end, but it stopped at an error: \(error)")
    }
  }

  // MARK: - Task 3

  @Test("Task 3: makeKey gives a new random 256-bit key as base64 text")
  func makesKeys() {
    let keys = (0..<5).map { _ in AESCipher.makeKey() }
    let sizes = keys.map { Data(base64Encoded: $0)?.count }
    #expect(
      sizes.allSatisfy { $0 == 32 },
      "Task 3: makeKey should return 32 random bytes as base64 text (SymmetricKey(size: .bits256)), but the texts decode to \(sizes.map { $0.map(String.init) ?? "no base64" }) bytes."
    )
    #expect(Set(keys).count == keys.count, "Task 3: makeKey should return a new random key every time.")
  }

  @Test("Task 3: a cipher made from base64 text uses exactly that key")
  func usesTheGivenKey() throws {
    let bytes = key.withUnsafeBytes { Data($0) }
    for (text, shown) in [
      (bytes.base64EncodedString(), "the base64 text of a 32-byte key"),
      (bytes.base64EncodedString() + "\n", "the base64 text of a 32-byte key with a trailing newline, as in a key file"),
    ] {
      let cipher: AESCipher
      do { cipher = try AESCipher(base64Key: text) } catch {
        Issue.record(
          "Task 3: init(base64Key:) should accept \(shown), but threw: \(error). Trim whitespace and newlines, then decode with Data(base64Encoded:)."
        )
        continue
      }
      let sealed = try? cipher.encrypt(plaintext)
      #expect(
        sealed.flatMap { try? open($0, with: key) } == plaintext,
        "Task 3: init(base64Key:) given \(shown) should use the decoded bytes as the key, so that AES-GCM with that key opens what the cipher encrypts."
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
