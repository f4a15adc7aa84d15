// Differs: a streaming SHA256 hasher, lengths written by shifting, verify zips with the links.
import Crypto
public import EventSourcing
public import Foundation

/// Links each event of a dog to the one before it with SHA-256 hashes.
public enum HashChain {
  /// The previous hash of a dog's first event: 32 zero bytes.
  public static let genesis = Data(repeating: 0, count: 32)

  /// Returns the SHA-256 hash of an event's fields and of the hash of the event before it.
  public static func hash(of event: StoredEvent, previous: Data) -> Data {
    var hasher = SHA256()
    let fields = [
      Data(event.topic.utf8), Data(event.originatorID.uuidString.utf8),
      Data("\(event.originatorVersion)".utf8), event.state, previous,
    ]
    for field in fields {
      hasher.update(data: Data.lengthPrefix(of: field))
      hasher.update(data: field)
    }
    return Data(hasher.finalize())
  }

  /// Links events, oldest first.
  public static func chain(_ events: [StoredEvent]) -> [ChainedEvent] {
    var links: [ChainedEvent] = []
    for event in events {
      let previous = links.last?.hash ?? genesis
      let linked = hash(of: event, previous: previous)
      links.append(ChainedEvent(event: event, previousHash: previous, hash: linked))
    }
    return links
  }

  /// The hash of the newest event; ``genesis`` when there are no events.
  public static func headHash(of events: [StoredEvent]) -> Data {
    chain(events).last?.hash ?? genesis
  }

  /// Checks every link and every hash of a chain, then the head hash when given.
  public static func verify(_ chain: [ChainedEvent], head: Data? = nil) throws {
    let expectedLinks = [genesis] + chain.map(\.hash)
    for (linked, expectedLink) in zip(chain, expectedLinks) {
      let linkHolds = linked.previousHash == expectedLink
      guard linkHolds && hash(of: linked.event, previous: expectedLink) == linked.hash else {
        throw HashChainError.doesNotVerify(
          originatorID: linked.event.originatorID, version: linked.event.originatorVersion)
      }
    }
    let end = chain.last?.hash ?? genesis
    if let head, head != end {
      throw HashChainError.headMismatch(expected: head, found: end)
    }
  }
}

extension Data {
  /// The 8 bytes of a field's length, most significant first.
  static func lengthPrefix(of field: Data) -> Data {
    let count = UInt64(field.count)
    return Data((0..<8).reversed().map { UInt8(truncatingIfNeeded: count >> ($0 * 8)) })
  }

  /// Appends a field as its length (8 bytes, big-endian) followed by its bytes.
  mutating func appendField(_ field: Data) {
    append(Data.lengthPrefix(of: field))
    append(field)
  }
}
