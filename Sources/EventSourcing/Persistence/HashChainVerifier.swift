import Foundation

/// Follows one aggregate's hash chain through its stored events, oldest first, and unwraps
/// each event's payload.
///
/// The rules, for a mapper with a ``HashChain``:
/// - a chained event's own hash must match its content, and its previous hash must be the
///   hash of the chained event before it;
/// - the first chained event of an aggregate links to zeros; it may follow events stored
///   before chaining was turned on, which load unverified;
/// - an event without chain data after a chained one fails;
/// - when the first event given is not version 1, its link cannot be checked and is taken
///   as it is, unless the events are known to start at version 1 (as the repository's are):
///   then the events before it are missing.
///
/// Without a ``HashChain`` envelopes are unwrapped and nothing is verified.
struct HashChainVerifier {
  /// The chain to verify against, or `nil` to unwrap without verifying.
  let chain: HashChain?
  /// The hash of the latest verified event.
  private(set) var headHash: Data?
  /// Whether an event has been seen, chained or not.
  private var hasPredecessor = false

  /// Whether the events given are an aggregate's whole history up to some version.
  let startsAtFirstVersion: Bool

  init(chain: HashChain?, startsAtFirstVersion: Bool = false) {
    self.chain = chain
    self.startsAtFirstVersion = startsAtFirstVersion
  }

  /// A verifier for events that follow an event whose hash is known, such as the head hash
  /// kept in a snapshot: the first event given must link to it.
  init(chain: HashChain?, after previousHash: Data) {
    self.chain = chain
    startsAtFirstVersion = false
    headHash = previousHash
    hasPredecessor = true
  }

  /// Verifies the next event and returns its payload.
  mutating func payload(of plaintext: Data, in stored: StoredEvent) throws -> Data {
    defer { hasPredecessor = true }
    let envelope: HashChainEnvelope?
    do {
      envelope = try HashChainEnvelope(parsing: plaintext)
    } catch {
      throw violation(stored, "its hash-chain frame is truncated")
    }
    guard let envelope else {
      if chain != nil, headHash != nil {
        throw violation(stored, "it carries no hash but follows hash-chained events")
      }
      return plaintext
    }
    guard let chain else { return envelope.payload }
    let ownHash = chain.hash(
      topic: stored.topic, originatorID: stored.originatorID, version: stored.originatorVersion,
      payload: envelope.payload, previous: envelope.previousHash)
    guard ownHash == envelope.ownHash else {
      throw violation(stored, "its content does not match its hash (changed, moved or forged)")
    }
    let isFirstGiven = !hasPredecessor && stored.originatorVersion > 1
    if !isFirstGiven || startsAtFirstVersion {
      let expected = headHash ?? HashChain.genesis
      guard envelope.previousHash == expected else {
        throw violation(stored, linkFailure(isFirstGiven: isFirstGiven))
      }
    }
    headHash = ownHash
    return envelope.payload
  }

  private func linkFailure(isFirstGiven: Bool) -> String {
    if isFirstGiven { return "the events before it are missing" }
    if headHash == nil { return "it should start the hash chain but links to another event" }
    return "it does not link to the event before it (an event was removed, inserted or "
      + "reordered)"
  }

  private func violation(_ stored: StoredEvent, _ reason: String) -> MapperError {
    .integrityViolation(
      originatorID: stored.originatorID, version: stored.originatorVersion, reason: reason)
  }
}
