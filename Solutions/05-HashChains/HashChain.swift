import Crypto
public import EventSourcing
public import Foundation

/// Links each event of a dog to the one before it with SHA-256 hashes, so that the hash of
/// the newest event (the head hash) stands for the dog's whole history.
///
/// Change one byte of an old event and its hash changes; then the next event's link to it no
/// longer matches, and so on to the head. Keep the head hash somewhere else (another system,
/// a signed receipt) and nobody can rewrite the history unnoticed.
public enum HashChain {
  /// The previous hash of a dog's first event: 32 zero bytes.
  public static let genesis = Data(repeating: 0, count: 32)

  // MARK: - Task 1: the hash of one event

  /// Returns the SHA-256 hash of an event's topic, originator ID, version and state, and of
  /// the hash of the event before it.
  ///
  /// Every field is written with its length in front, so that no two different events give
  /// the same input: without lengths, topic "ab" with state "c" reads like topic "a" with
  /// state "bc".
  public static func hash(of event: StoredEvent, previous: Data) -> Data {
    // slide: hash
    var input = Data()
    input.appendField(Data(event.topic.utf8))
    input.appendField(Data(event.originatorID.uuidString.utf8))
    let version = String(event.originatorVersion)
    input.appendField(Data(version.utf8))
    input.appendField(event.state)
    // The previous hash is what makes it a chain.
    input.appendField(previous)
    return Data(SHA256.hash(data: input))
    // slide end
  }

  // MARK: - Task 2: a chain over one dog's events

  /// Links events, oldest first: the first to ``genesis``, each later one to the hash of the
  /// event before it.
  // slide: chain
  public static func chain(_ events: [StoredEvent]) -> [ChainedEvent] {
    var previous = genesis
    return events.map { event in
      let linked = ChainedEvent(
        event: event, previousHash: previous,
        hash: hash(of: event, previous: previous))
      previous = linked.hash
      return linked
    }
  }
  // slide end

  // MARK: - Task 3: the head hash

  /// The hash of the newest event, which covers every event before it; ``genesis`` when there
  /// are no events.
  // slide: head
  public static func headHash(of events: [StoredEvent]) -> Data {
    events.reduce(genesis) { previous, event in
      hash(of: event, previous: previous)
    }
  }
  // slide end

  // MARK: - Task 4: verification

  /// Checks every link and every hash of a chain, oldest first, and the head hash when given.
  ///
  /// - Throws: ``HashChainError/doesNotVerify(originatorID:version:)`` naming the first event
  ///   that does not verify, or ``HashChainError/headMismatch(expected:found:)`` when every
  ///   event verifies but the chain does not end in `head`.
  public static func verify(_ chain: [ChainedEvent], head: Data? = nil) throws {
    var previous = genesis
    // slide: verify-loop
    for linked in chain {
      // The link catches a removed, moved or inserted event; the
      // recomputed hash catches a changed one.
      let event = linked.event
      let recomputed = hash(of: event, previous: previous)
      guard linked.previousHash == previous, recomputed == linked.hash
      else {
        throw HashChainError.doesNotVerify(
          originatorID: event.originatorID,
          version: event.originatorVersion)
      }
      previous = linked.hash
    }
    // slide end
    if let head, head != previous {
      throw HashChainError.headMismatch(expected: head, found: previous)
    }
  }
}

extension Data {
  /// Appends a field as its length (8 bytes, big-endian) followed by its bytes.
  // slide: field
  mutating func appendField(_ field: Data) {
    let length = UInt64(field.count).bigEndian
    Swift.withUnsafeBytes(of: length) { append(contentsOf: $0) }
    append(field)
  }
  // slide end
}
