import Crypto
public import Foundation

/// Links each stored event of an aggregate to the one before it with SHA-256 hashes, so that
/// the hash of the latest event stands for the aggregate's whole history.
///
/// An event's hash covers its topic, aggregate ID, version, payload (the JSON of its
/// timestamp and domain event, byte for byte as stored) and the previous event's hash; each
/// field is length-prefixed so that no two different events give the same input. With a
/// salt the hash is an HMAC-SHA256 keyed by the salt: then nobody without the salt can forge
/// a chained event that verifies, even with write access to the store.
///
/// The ``Mapper`` puts the two hashes in a small envelope in front of the payload, before
/// compression and encryption, and checks every link when it replays an aggregate. A changed,
/// removed, reordered or inserted event fails with
/// ``MapperError/integrityViolation(originatorID:version:reason:)``. Removing the newest
/// events leaves a chain that verifies: compare ``Repository/headHash(of:version:)`` with a
/// copy kept elsewhere to catch that.
///
/// Stores written before chaining was turned on still load: an aggregate's chain starts at
/// its first chained event (linked to zeros), and the unchained events before it load
/// unverified. An unchained event after a chained one fails; but an aggregate whose chained
/// events were all replaced by unchained ones is caught only by comparing head hashes (its
/// head hash is then `nil`). A mapper without a chain reads chained events without
/// verifying them, and saves new events unchained, so do not turn chaining off once it is on.
///
/// Without a salt anyone who can write to the store can recompute a whole chain; with a
/// salt, and with a head hash kept elsewhere, they cannot.
///
/// ```swift
/// let mapper = Mapper(hashChain: HashChain(salt: Data("a secret".utf8)))
/// ```
public struct HashChain: Sendable {
  /// The HMAC keyed by the salt, when salted.
  private let keyedHMAC: KeyedHMAC?

  /// Creates a hash chain, keyed by `salt` when given.
  public init(salt: Data? = nil) {
    keyedHMAC = salt.map(KeyedHMAC.init)
  }

  /// Whether hashes are keyed by a salt.
  public var isSalted: Bool { keyedHMAC != nil }

  /// The size of each hash in bytes.
  static let hashSize = 32
  /// The previous hash of an aggregate's first chained event.
  static let genesis = Data(repeating: 0, count: hashSize)
  /// Separates these hashes from any other use of the same salt.
  private static let domainTag = Array("eventsourcing.hash-chain.v1".utf8)
  /// Separates the hashes of snapshots from those of events, so that neither passes for the
  /// other.
  private static let snapshotDomainTag = Array("eventsourcing.hash-chain.snapshot.v1".utf8)

  /// Returns the hash of an event's content linked to the previous event's hash.
  func hash(
    topic: String, originatorID: UUID, version: Int, payload: Data, previous: Data
  ) -> Data {
    hash(
      domainTag: Self.domainTag, topic: topic, originatorID: originatorID, version: version,
      payload: payload, previous: previous)
  }

  /// Returns the hash of a snapshot's content bound to the head hash of the events it
  /// stands for: the hash of the aggregate's event at the snapshot's version.
  func snapshotHash(
    topic: String, originatorID: UUID, version: Int, payload: Data, headHash: Data
  ) -> Data {
    hash(
      domainTag: Self.snapshotDomainTag, topic: topic, originatorID: originatorID,
      version: version, payload: payload, previous: headHash)
  }

  private func hash(
    domainTag: [UInt8], topic: String, originatorID: UUID, version: Int, payload: Data,
    previous: Data
  ) -> Data {
    var message: [UInt8] = []
    message.reserveCapacity(domainTag.count + topic.utf8.count + payload.count + 96)
    message.append(contentsOf: domainTag)
    message.appendBigEndian(UInt64(topic.utf8.count))
    message.append(contentsOf: topic.utf8)
    Swift.withUnsafeBytes(of: originatorID.uuid) { message.append(contentsOf: $0) }
    message.appendBigEndian(UInt64(bitPattern: Int64(version)))
    message.appendBigEndian(UInt64(previous.count))
    message.append(contentsOf: previous)
    message.appendBigEndian(UInt64(payload.count))
    message.append(contentsOf: payload)
    if let keyedHMAC {
      var hmac = keyedHMAC.prototype
      hmac.update(data: message)
      return Data(hmac.finalize())
    }
    return Data(SHA256.hash(data: message))
  }
}

/// An HMAC keyed once and copied for each hash: keying it costs as much as hashing a short
/// event, so doing it once halves the cost of a salted hash.
// `@unchecked` because CryptoKit does not mark `HMAC` `Sendable` on every Apple SDK; the
// prototype is immutable and only ever copied, so sharing it between threads is safe.
private final class KeyedHMAC: @unchecked Sendable {
  let prototype: HMAC<SHA256>

  init(salt: Data) {
    prototype = HMAC<SHA256>(key: SymmetricKey(data: salt))
  }
}

extension [UInt8] {
  fileprivate mutating func appendBigEndian(_ value: UInt64) {
    Swift.withUnsafeBytes(of: value.bigEndian) { append(contentsOf: $0) }
  }
}
