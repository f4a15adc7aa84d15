import Crypto
@testable import EventSourcing
import Foundation
import Testing

/// The hash input is documented so that a store can be verified by other tools: these tests
/// rebuild it by hand.
@Suite("Hash-chain format")
struct HashChainFormatTests {
  let id = UUID(uuidString: "6A6B2E44-2F4B-4F5C-9A59-7D1B3C6E8F10") ?? UUID()
  let payload = Data(#"{"timestamp":0,"event":{"registered":{"name":"Fido"}}}"#.utf8)
  let previous = Data(repeating: 0x11, count: 32)

  /// The documented input: a domain tag, then each field length-prefixed (8 bytes, big
  /// endian) except the 16-byte ID and the 8-byte version.
  var message: Data {
    func prefixed(_ field: Data) -> Data {
      withUnsafeBytes(of: UInt64(field.count).bigEndian) { Data($0) } + field
    }
    let topic = Data("DogSchool.Dog.Event.registered".utf8)
    return Data("eventsourcing.hash-chain.v1".utf8) + prefixed(topic)
      + withUnsafeBytes(of: id.uuid) { Data($0) }
      + withUnsafeBytes(of: UInt64(3).bigEndian) { Data($0) }
      + prefixed(previous) + prefixed(payload)
  }

  func hash(_ chain: HashChain) -> Data {
    chain.hash(
      topic: "DogSchool.Dog.Event.registered", originatorID: id, version: 3, payload: payload,
      previous: previous)
  }

  @Test func unsaltedIsSHA256OfTheFields() {
    #expect(hash(HashChain()) == Data(SHA256.hash(data: message)))
  }

  @Test func saltedIsHMACSHA256KeyedByTheSalt() {
    let salt = Data("kennel secret".utf8)
    let chain = HashChain(salt: salt)
    let expected = Data(
      HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: salt)))
    // Twice: a hash must not depend on the hashes made before it.
    #expect(hash(chain) == expected)
    #expect(hash(chain) == expected)
  }

  @Test func theEnvelopeIsMagicThenHashesThenPayload() throws {
    let own = Data(repeating: 0x22, count: 32)
    let framed = HashChainEnvelope.frame(payload: payload, previousHash: previous, ownHash: own)
    #expect(framed.prefix(4) == Data([0x00, 0x48, 0x43, 0x01]))
    let envelope = try #require(try HashChainEnvelope(parsing: framed.dropFirst(0)))
    #expect(envelope.previousHash == previous && envelope.ownHash == own)
    #expect(envelope.payload == payload)
    #expect(try HashChainEnvelope(parsing: payload) == nil)
    #expect(throws: HashChainEnvelopeError.self) {
      try HashChainEnvelope(parsing: framed.prefix(40))
    }
  }
}
