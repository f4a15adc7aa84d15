import Crypto
public import Foundation

/// Links each stored event of an aggregate to the one before it with SHA-256 hashes, so that
/// the hash of the latest event stands for the aggregate's whole history.
///
/// An event's hash covers its topic, aggregate ID, version, payload (the JSON of its
/// timestamp and domain event, byte for byte as stored) and the previous event's hash; each
/// field is length-prefixed so that no two different events give the same input. With a
/// salt the hash is an HMAC-SHA256 keyed by the salt: then nobody without the salt can forge
/// a chain that verifies, even with write access to the store.
///
/// The ``Mapper`` puts the two hashes in a small envelope in front of the payload, before
/// compression and encryption, and checks every link when it replays an aggregate. A changed,
/// removed, reordered or inserted event fails with
/// ``MapperError/integrityViolation(originatorID:version:reason:)``. Removing the newest
/// events leaves a chain that verifies: compare ``Repository/headHash(of:version:)`` with a
/// copy kept elsewhere to catch that.
///
/// ```swift
/// let mapper = Mapper(hashChain: HashChain(salt: Data("a secret".utf8)))
/// ```
public struct HashChain: Sendable {
  /// The key of the HMAC when salted.
  private let key: SymmetricKey?

  /// Creates a hash chain, keyed by `salt` when given.
  public init(salt: Data? = nil) {
    key = salt.map { SymmetricKey(data: $0) }
  }

  /// Whether hashes are keyed by a salt.
  public var isSalted: Bool { key != nil }

  /// The size of each hash in bytes.
  static let hashSize = 32
  /// The previous hash of an aggregate's first chained event.
  static let genesis = Data(repeating: 0, count: hashSize)
  /// Separates these hashes from any other use of the same salt.
  private static let domainTag = Data("eventsourcing.hash-chain.v1".utf8)

  /// Returns the hash of an event's content linked to the previous event's hash.
  func hash(
    topic: String, originatorID: UUID, version: Int, payload: Data, previous: Data
  ) -> Data {
    let topicBytes = Data(topic.utf8)
    var message = Data()
    message.reserveCapacity(Self.domainTag.count + topicBytes.count + payload.count + 96)
    message.append(Self.domainTag)
    message.appendLengthPrefixed(topicBytes)
    withUnsafeBytes(of: originatorID.uuid) { message.append(contentsOf: $0) }
    message.appendBigEndian(UInt64(bitPattern: Int64(version)))
    message.appendLengthPrefixed(previous)
    message.appendLengthPrefixed(payload)
    if let key {
      return Data(HMAC<SHA256>.authenticationCode(for: message, using: key))
    }
    return Data(SHA256.hash(data: message))
  }
}

extension Data {
  fileprivate mutating func appendBigEndian(_ value: UInt64) {
    Swift.withUnsafeBytes(of: value.bigEndian) { append(contentsOf: $0) }
  }

  fileprivate mutating func appendLengthPrefixed(_ field: Data) {
    appendBigEndian(UInt64(field.count))
    append(field)
  }
}
