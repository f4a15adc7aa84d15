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
      let (snapshot, snapshotHead) = try mapper.chainedSnapshot(State.self, from: newest)
      var aggregate = try EventSourced(snapshot: snapshot)
      try await replay(
        State.Event.self, of: id, after: snapshot.originatorVersion, through: version,
        verifier: snapshotHead.map { HashChainVerifier(chain: mapper.hashChain, after: $0) }
          ?? HashChainVerifier(chain: mapper.hashChain)
      ) { events in
        try aggregate.apply(contentsOf: events)
      }
      return aggregate
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
}
