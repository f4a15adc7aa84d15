public import Foundation

extension Mapper {
  /// Returns the stored form of a snapshot: its state goes through the same pipeline as an
  /// event's, so snapshots are compressed and encrypted when events are.
  ///
  /// The topic names the aggregate type; the stored JSON records the state's shape version
  /// (``Aggregate/stateVersion``) so that older snapshots can be upcast.
  ///
  /// - Parameter headHash: With a ``hashChain``, the hash of the aggregate's stored event at
  ///   the snapshot's version: loading from the snapshot checks that the next event links to
  ///   it. `nil` when events are not chained.
  public func storedSnapshot<State>(
    _ snapshot: Snapshot<State>, headHash: Data? = nil
  ) throws -> StoredEvent {
    var plaintext: Data
    do {
      plaintext = try FastJSONEncoder().encode(
        StoredSnapshotState(
          stateVersion: State.stateVersion, createdOn: snapshot.createdOn,
          modifiedOn: snapshot.modifiedOn, headHash: nil, state: snapshot.state))
    } catch {
      throw MapperError.unencodable(
        originatorID: snapshot.originatorID, version: snapshot.originatorVersion,
        reason: "the snapshot: " + CodingErrorSummary.describe(error))
    }
    let topic = Self.snapshotTopic(of: State.self)
    if let hashChain {
      // The snapshot is framed as an event is: its own hash covers the aggregate's ID, the
      // version, the state and the head hash of the events it stands for, keyed when salted.
      let previous = headHash ?? HashChain.genesis
      let hash = hashChain.snapshotHash(
        topic: topic, originatorID: snapshot.originatorID, version: snapshot.originatorVersion,
        payload: plaintext, headHash: previous)
      plaintext = HashChainEnvelope.frame(payload: plaintext, previousHash: previous, ownHash: hash)
    }
    let place = RecordPlace(
      kind: .snapshot, originatorID: snapshot.originatorID, version: snapshot.originatorVersion,
      topic: topic)
    return StoredEvent(
      originatorID: snapshot.originatorID, originatorVersion: snapshot.originatorVersion,
      topic: topic, state: try protect(plaintext, place: place))
  }

  /// Returns the snapshot a stored snapshot holds, upcasting an older shape of the state.
  ///
  /// - Throws: ``MapperError`` naming the record when its topic is not of `State`, it does not
  ///   authenticate or decompress, or its state does not decode; ``UpcastError`` when its
  ///   shape is older and `State` has no upcast for it.
  public func snapshot<State>(
    _ type: State.Type = State.self, from stored: StoredEvent
  ) throws -> Snapshot<State> {
    try chainedSnapshot(type, from: stored).snapshot
  }

  /// Returns the snapshot a stored snapshot holds and how it is bound to the events it
  /// stands for.
  ///
  /// - Throws: What ``snapshot(_:from:)`` throws, and
  ///   ``MapperError/integrityViolation(originatorID:version:reason:)`` when the mapper chains
  ///   events and the snapshot does not match its own hash.
  func chainedSnapshot<State>(
    _ type: State.Type, from stored: StoredEvent
  ) throws -> (snapshot: Snapshot<State>, binding: SnapshotBinding) {
    let expected = Self.snapshotTopic(of: State.self)
    guard currentTopic(of: stored.topic) == expected else {
      throw MapperError.unknownTopic(
        topic: stored.topic, expected: expected, originatorID: stored.originatorID,
        version: stored.originatorVersion)
    }
    var plaintext = try unprotect(stored.state, place: .snapshot(stored))
    let binding: SnapshotBinding
    let envelope: HashChainEnvelope?
    do {
      envelope = try HashChainEnvelope(parsing: plaintext)
    } catch {
      throw MapperError.integrityViolation(
        originatorID: stored.originatorID, version: stored.originatorVersion,
        reason: "the snapshot's hash-chain frame is truncated")
    }
    switch (hashChain, envelope) {
    case (nil, let envelope):
      binding = .unverified
      if let envelope { plaintext = envelope.payload }
    case (.some, nil):
      binding = .unchained
    case (.some(let chain), .some(let envelope)):
      let hash = chain.snapshotHash(
        topic: stored.topic, originatorID: stored.originatorID,
        version: stored.originatorVersion, payload: envelope.payload,
        headHash: envelope.previousHash)
      guard hash == envelope.ownHash else {
        throw MapperError.integrityViolation(
          originatorID: stored.originatorID, version: stored.originatorVersion,
          reason: "the snapshot does not match its hash (changed, moved or forged)")
      }
      binding = .chained(headHash: envelope.previousHash)
      plaintext = envelope.payload
    }
    do {
      var decoder = FastJSONDecoder()
      let decoded: StoredSnapshotState<State>
      do {
        decoded = try decoder.decode(
          from: plaintext, reading: StoredSnapshotState<State>.init(reading:))
      } catch let older as OlderSnapshotShape {
        plaintext = try StoredJSON.upcast(
          plaintext, key: "state", versionKey: "stateVersion", from: older.version,
          to: State.stateVersion, typeName: String(reflecting: State.self),
          step: State.upcastState)
        decoded = try decoder.decode(
          from: plaintext, reading: StoredSnapshotState<State>.init(reading:))
      }
      let snapshot = Snapshot(
        originatorID: stored.originatorID, originatorVersion: stored.originatorVersion,
        createdOn: decoded.createdOn, modifiedOn: decoded.modifiedOn, state: decoded.state)
      return (snapshot, binding)
    } catch let error as UpcastError {
      throw error
    } catch {
      throw MapperError.damagedRecord(
        originatorID: stored.originatorID, version: stored.originatorVersion,
        reason: "its snapshot state does not decode as \(State.self) "
          + "(\(CodingErrorSummary.describe(error))). If the shape "
          + "of \(State.self) changed, raise its stateVersion and implement upcastState(_:from:).")
    }
  }

  /// The topic under which snapshots of an aggregate type are stored.
  public static func snapshotTopic<State: Aggregate>(of type: State.Type) -> String {
    TypeName.reflecting(type)
  }
}

/// What a stored snapshot's state holds before compression and encryption.
struct StoredSnapshotState<State: Aggregate>: Codable {
  let stateVersion: Int
  let createdOn: Date
  let modifiedOn: Date
  /// The hash of the event at the snapshot's version, in snapshots stored before snapshots
  /// were framed by the hash chain; never written now, and never trusted.
  let headHash: Data?
  let state: State
}

extension StoredSnapshotState {
  /// Reads a stored snapshot whose state has the current shape, scanning its JSON once.
  ///
  /// - Throws: ``OlderSnapshotShape`` when the state was stored in an older shape, so that the
  ///   mapper can upcast it first.
  init(reading value: JSONValueDecoder) throws {
    let stored = try value.member("stateVersion").decode(Int.self)
    if stored < State.stateVersion { throw OlderSnapshotShape(version: stored) }
    self = try value.decode(Self.self)
  }
}

/// How a snapshot read by a mapper is bound to the events it stands for.
enum SnapshotBinding {
  /// The mapper does not chain events: nothing binds the snapshot (a cipher may still bind it
  /// to its place).
  case unverified
  /// The mapper chains events, but the snapshot was stored without a frame: nothing shows
  /// that it stands for the stored events, so loading replays the events instead.
  case unchained
  /// The snapshot matches its own hash, and stands for the events whose head hash at its
  /// version is `headHash` (zeros when those events were stored before chaining).
  case chained(headHash: Data)
}

/// A stored snapshot's state is older than its type's ``Aggregate/stateVersion``.
private struct OlderSnapshotShape: Error {
  let version: Int
}
