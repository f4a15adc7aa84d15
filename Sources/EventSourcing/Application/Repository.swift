public import Foundation

/// Gets aggregates by replaying their stored events.
///
/// ```swift
/// let dog = try await app.repository.get(dogID, as: Dog.self)
/// let puppy = try await app.repository.get(dogID, as: Dog.self, version: 1)
/// ```
///
/// With a snapshot store, loading starts from the newest snapshot at or below the version asked
/// for and replays only the events after it; the result is the same as replaying every event.
public struct Repository: Sendable {
  /// Where the events are read from.
  public let recorder: any AggregateRecorder
  /// How stored events become domain events.
  public let mapper: Mapper
  /// Where snapshots are read from, when snapshotting is enabled.
  public let snapshots: (any AggregateRecorder)?

  /// Creates a repository reading from a recorder through a mapper.
  ///
  /// - Parameters:
  ///   - recorder: Where the events are read from.
  ///   - mapper: How stored events become domain events.
  ///   - snapshots: Where snapshots are read from; `nil` to always replay every event.
  public init(
    recorder: any AggregateRecorder, mapper: Mapper, snapshots: (any AggregateRecorder)? = nil
  ) {
    self.recorder = recorder
    self.mapper = mapper
    self.snapshots = snapshots
  }

  /// Returns the aggregate with the given ID, as it is now or as it was at an earlier version.
  ///
  /// A history longer than 1,024 events is read in pages, decoded in parallel, one task per
  /// page, and folded page by page as the pages are decoded; the result is the same as
  /// decoding and applying the events one after another.
  ///
  /// - Parameters:
  ///   - id: The aggregate's identity.
  ///   - type: The aggregate type whose events are stored under `id`.
  ///   - version: The version to rebuild, for looking back in time; the latest when `nil`.
  /// - Throws: ``RepositoryError/aggregateNotFound(id:)`` when no event of the aggregate is
  ///   recorded (at or below `version`); ``MapperError`` or ``AggregateError`` when its
  ///   stored events are not of this type or do not form one history, or (with a
  ///   ``HashChain``) a link up to `version` does not verify.
  public func get<State: Aggregate>(
    _ id: UUID, as type: State.Type = State.self, version: Int? = nil
  ) async throws -> EventSourced<State> {
    if let snapshots,
      let newest = try await snapshots.events(
        for: id, after: nil, through: version, descending: true, limit: 1
      ).first
    {
      let (snapshot, binding) = try mapper.chainedSnapshot(State.self, from: newest)
      let verifier: HashChainVerifier?
      switch binding {
      case .unverified:
        verifier = HashChainVerifier(chain: mapper.hashChain)
      case .unchained:
        // Stored before snapshots were chained: nothing shows that it stands for these
        // events, so they are replayed instead, and the next snapshot taken is chained.
        verifier = nil
      case .chained(let headHash):
        verifier = try await chainVerifier(after: snapshot, headHash: headHash)
      }
      if let verifier {
        let snapshotVersion = snapshot.originatorVersion
        // Consumed, so that the aggregate holds the only reference to the snapshot's state,
        // and the events after it change the state in place instead of copying it first.
        var aggregate = try EventSourced(snapshot: consume snapshot)
        try await replay(
          State.Event.self, of: id, after: snapshotVersion, through: version,
          verifier: verifier
        ) { events in
          try aggregate.apply(contentsOf: events)
        }
        return aggregate
      }
    }
    var aggregate: EventSourced<State>?
    try await replay(
      State.Event.self, of: id, after: nil, through: version,
      verifier: HashChainVerifier(chain: mapper.hashChain, startsAtFirstVersion: true)
    ) { events in
      if aggregate == nil {
        aggregate = try EventSourced(replaying: events)
      } else {
        try aggregate?.apply(contentsOf: events)
      }
    }
    guard let aggregate else { throw RepositoryError.aggregateNotFound(id: id) }
    return aggregate
  }

  /// Returns the hash that an aggregate's stored history ends with, after checking every
  /// link of its hash chain, to compare with a copy kept elsewhere.
  ///
  /// - Parameters:
  ///   - id: The aggregate's identity.
  ///   - version: The version whose hash to return; the latest when `nil`.
  /// - Returns: The hash, or `nil` when the mapper has no ``HashChain`` or the events are
  ///   not chained.
  /// - Throws: ``RepositoryError/aggregateNotFound(id:)`` when no event is recorded;
  ///   ``MapperError`` naming the first event that does not verify.
  public func headHash(of id: UUID, version: Int? = nil) async throws -> Data? {
    let stored = try await recorder.events(for: id, after: nil, through: version, limit: nil)
    guard !stored.isEmpty else { throw RepositoryError.aggregateNotFound(id: id) }
    return try mapper.headHash(of: stored)
  }

  /// Whether an aggregate with the given ID is recorded.
  public func contains(_ id: UUID) async throws -> Bool {
    try await !recorder.events(for: id, after: nil, through: nil, descending: false, limit: 1)
      .isEmpty
  }

  /// The hash-chain hash of an aggregate's stored event at `version`, after checking the
  /// event's own hash; `nil` when the event was stored unchained or there is no chain.
  ///
  /// - Throws: ``RepositoryError/historyNotStored(id:version:)`` when no event of that
  ///   version is stored; ``MapperError`` when it does not verify.
  func storedChainHash(of id: UUID, at version: Int) async throws -> Data? {
    guard let chain = mapper.hashChain else { return nil }
    guard
      let stored = try await recorder.events(
        for: id, after: version - 1, through: version, limit: 1
      ).first
    else {
      throw RepositoryError.historyNotStored(id: id, version: version)
    }
    var verifier = HashChainVerifier(chain: chain)
    _ = try mapper.verifiedPayload(of: stored, verifier: &verifier)
    return verifier.headHash
  }

  /// The verifier for the events after a chained snapshot, once the snapshot is shown to
  /// stand for the stored events: the stored event at its version has the head hash the
  /// snapshot was made with. A snapshot forged at a version no event reaches, or copied from
  /// another history, fails here even when nothing follows it.
  private func chainVerifier(
    after snapshot: Snapshot<some Aggregate>, headHash: Data
  ) async throws -> HashChainVerifier {
    let id = snapshot.originatorID
    let version = snapshot.originatorVersion
    let stored: Data?
    do {
      stored = try await storedChainHash(of: id, at: version)
    } catch RepositoryError.historyNotStored {
      throw MapperError.integrityViolation(
        originatorID: id, version: version,
        reason: "the snapshot at this version stands for events that are not stored")
    }
    guard (stored ?? HashChain.genesis) == headHash else {
      throw MapperError.integrityViolation(
        originatorID: id, version: version,
        reason: "the snapshot at this version stands for other events than those stored")
    }
    // Events stored before chaining was turned on have no hash for the next event to link
    // to; the first chained event after them starts its own chain.
    return stored.map { HashChainVerifier(chain: mapper.hashChain, after: $0) }
      ?? HashChainVerifier(chain: mapper.hashChain)
  }
}
