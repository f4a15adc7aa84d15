import Crypto
import DogSchool
import EventSourcing
import Foundation
import Testing

@Suite("AES-GCM cipher")
struct AESGCMCipherTests {
  let plaintext = Data(#"{"name":"Fido"}"#.utf8)

  @Test func roundTrips() throws {
    let cipher = try AESGCMCipher(base64Key: AESGCMCipher.makeKey())
    let sealed = try cipher.encrypt(plaintext)
    #expect(sealed != plaintext)
    #expect(sealed.count == 12 + plaintext.count + 16)
    #expect(try cipher.decrypt(sealed) == plaintext)
  }

  @Test func usesAFreshNonceForEachRecord() throws {
    let cipher = try AESGCMCipher(base64Key: AESGCMCipher.makeKey())
    let first = try cipher.encrypt(plaintext)
    let second = try cipher.encrypt(plaintext)
    #expect(first.prefix(12) != second.prefix(12))
    #expect(first != second)
  }

  // Bit counts rather than `SymmetricKeySize`s: test arguments must be `Sendable`, which
  // CryptoKit's types are not on every Apple SDK.
  @Test(arguments: [128, 192, 256])
  func makesUsableKeysOfEachSize(bits: Int) throws {
    let size = SymmetricKeySize(bitCount: bits)
    let key = AESGCMCipher.makeKey(size: size)
    #expect(Data(base64Encoded: key)?.count == size.bitCount / 8)
    #expect(key != AESGCMCipher.makeKey(size: size))
    let cipher = try AESGCMCipher(base64Key: key)
    #expect(try cipher.decrypt(cipher.encrypt(plaintext)) == plaintext)
  }

  @Test func refusesKeyTextThatIsNotBase64() {
    #expect(throws: CipherError.invalidKeyEncoding) {
      try AESGCMCipher(base64Key: "not base64 at all!")
    }
  }

  @Test func refusesKeysOfTheWrongLength() {
    let tenBytes = Data(repeating: 7, count: 10).base64EncodedString()
    #expect(throws: CipherError.invalidKeyLength(bytes: 10)) {
      try AESGCMCipher(base64Key: tenBytes)
    }
    #expect(throws: CipherError.invalidKeyLength(bytes: 8)) {
      try AESGCMCipher(key: SymmetricKey(size: SymmetricKeySize(bitCount: 64)))
    }
  }

  @Test func refusesAnotherKeysRecords() throws {
    let sealed = try AESGCMCipher(base64Key: AESGCMCipher.makeKey()).encrypt(plaintext)
    let other = try AESGCMCipher(base64Key: AESGCMCipher.makeKey())
    #expect(throws: CipherError.unauthenticated) { try other.decrypt(sealed) }
    #expect(throws: CipherError.unauthenticated) { try other.decrypt(Data([1, 2, 3])) }
  }
}

@Suite("Encrypted stored events")
struct EncryptedMapperTests {
  let id = UUID()

  func fido(version: Int = 1) -> RecordedEvent<Dog.Event> {
    RecordedEvent(
      originatorID: id, originatorVersion: version, timestamp: Date(),
      event: .registered(name: "Fido"))
  }

  @Test func storesNoPlaintext() throws {
    let mapper = Mapper(cipher: try AESGCMCipher(base64Key: AESGCMCipher.makeKey()))
    let stored = try mapper.storedEvent(fido())
    #expect(stored.state.firstRange(of: Data("Fido".utf8)) == nil)
    #expect(try mapper.recordedEvent(Dog.Event.self, from: stored).event == fido().event)
  }

  @Test func aWrongKeyNamesTheRecord() throws {
    let stored = try Mapper(cipher: AESGCMCipher(base64Key: AESGCMCipher.makeKey()))
      .storedEvent(fido(version: 4))
    let reader = Mapper(cipher: try AESGCMCipher(base64Key: AESGCMCipher.makeKey()))
    #expect(throws: MapperError.unauthenticated(originatorID: id, version: 4)) {
      try reader.recordedEvent(Dog.Event.self, from: stored)
    }
  }

  @Test func aFlippedByteNamesTheRecord() throws {
    let mapper = Mapper(cipher: try AESGCMCipher(base64Key: AESGCMCipher.makeKey()))
    let stored = try mapper.storedEvent(fido(version: 2))
    for index in [0, 12, stored.state.count - 1] {
      var state = stored.state
      state[state.startIndex + index] ^= 0x01
      let changed = StoredEvent(
        originatorID: id, originatorVersion: 2, topic: stored.topic, state: state)
      #expect(throws: MapperError.unauthenticated(originatorID: id, version: 2)) {
        try mapper.recordedEvent(Dog.Event.self, from: changed)
      }
    }
  }
}
