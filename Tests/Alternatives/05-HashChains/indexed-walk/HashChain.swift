// Differs: fields hashed in a loop, chain by reduce(into:), verify walks by index, head by guard.
import Crypto
public import EventSourcing
public import Foundation

/// Links each event of a dog to the one before it with SHA-256 hashes.
public enum HashChain {
  /// The previous hash of a dog's first event: 32 zero bytes.
  public static let genesis = Data(count: 32)

  /// Returns the SHA-256 hash of an event's fields and of the hash of the event before it.
  public static func hash(of event: StoredEvent, previous: Data) -> Data {
    var input = Data()
    for field in [
      Data(event.topic.utf8), Data(event.originatorID.uuidString.utf8),
      Data(event.originatorVersion.description.utf8), event.state, previous,
    ] {
      input.appendField(field)
    }
    return Data(SHA256.hash(data: input))
  }

  /// Links events, oldest first.
  public static func chain(_ events: [StoredEvent]) -> [ChainedEvent] {
    events.reduce(into: [ChainedEvent]()) { links, event in
      let previous = links.last?.hash ?? genesis
      let linked = hash(of: event, previous: previous)
      links.append(ChainedEvent(event: event, previousHash: previous, hash: linked))
    }
  }

  /// The hash of the newest event; ``genesis`` when there are no events.
  public static func headHash(of events: [StoredEvent]) -> Data {
    var head = genesis
    for event in events {
      head = hash(of: event, previous: head)
    }
    return head
  }

  /// Checks every link and every hash of a chain, then the head hash when given.
  public static func verify(_ chain: [ChainedEvent], head: Data? = nil) throws {
    for index in chain.indices {
      let linked = chain[index]
      let previous = index == chain.startIndex ? genesis : chain[index - 1].hash
      let recomputed = hash(of: linked.event, previous: previous)
      if linked.previousHash != previous || recomputed != linked.hash {
        throw HashChainError.doesNotVerify(
          originatorID: linked.event.originatorID, version: linked.event.originatorVersion)
      }
    }
    guard let head else { return }
    let found = chain.last?.hash ?? genesis
    guard found == head else { throw HashChainError.headMismatch(expected: head, found: found) }
  }
}

extension Data {
  /// Appends a field as its length (8 bytes, big-endian) followed by its bytes.
  mutating func appendField(_ field: Data) {
    var length = UInt64(field.count).bigEndian
    append(Data(bytes: &length, count: MemoryLayout<UInt64>.size))
    append(field)
  }
}
