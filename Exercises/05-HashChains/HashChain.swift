import Crypto
public import EventSourcing
public import Foundation
import GivenBasics

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
  public static func hash(of event: StoredEvent, previous: Data) -> Data {
    // Task 1: build the input with `var input = Data()` and `input.appendField(...)` for
    // each field (topic, originator ID, version, state, previous), then return
    // `Data(SHA256.hash(data: input))`. Then finish appendField (below).
    Data()
  }

  // MARK: - Task 2: a chain over one dog's events

  /// Links events, oldest first: the first to ``genesis``, each later one to the hash of the
  /// event before it.
  public static func chain(_ events: [StoredEvent]) -> [ChainedEvent] {
    // Task 2: start with `var previous = genesis`; for each event compute its hash over
    // `previous`, make a ChainedEvent, and let its hash be the next event's previous.
    []
  }

  // MARK: - Task 3: the head hash

  /// The hash of the newest event, which covers every event before it; ``genesis`` when there
  /// are no events.
  public static func headHash(of events: [StoredEvent]) -> Data {
    // Task 3: fold the events into one hash, starting from the genesis.
    Data()
  }

  // MARK: - Task 4: verification

  /// Checks every link and every hash of a chain, oldest first, and the head hash when given.
  ///
  /// - Throws: ``HashChainError/doesNotVerify(originatorID:version:)`` naming the first event
  ///   that does not verify, or ``HashChainError/headMismatch(expected:found:)`` when every
  ///   event verifies but the chain does not end in `head`.
  public static func verify(_ chain: [ChainedEvent], head: Data? = nil) throws {
    // Task 4: walk the chain from the genesis. Each event must link to the hash before it
    // AND have the hash you recompute; throw doesNotVerify for the first that fails. At the
    // end, compare the last hash with `head` when it is given.
    throw NotImplemented(task: 4, what: "HashChain.verify(_:head:)")
  }
}

extension Data {
  /// Appends a field as its length (8 bytes, big-endian) followed by its bytes.
  mutating func appendField(_ field: Data) {
    // Task 1: write the field's length before it, as 8 bytes: `UInt64(field.count).bigEndian`
    // (`Swift.withUnsafeBytes(of:)` gives its bytes). Without it, topic "ab" with state "c"
    // reads like topic "a" with state "bc".
    append(field)
  }
}
