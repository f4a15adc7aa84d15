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
    let plaintext: Data
    do {
      plaintext = try JSONEncoder().encode(
        StoredSnapshotState(
          stateVersion: State.stateVersion, createdOn: snapshot.createdOn,
          modifiedOn: snapshot.modifiedOn, headHash: headHash, state: snapshot.state))
    } catch {
      throw MapperError.unencodable(
        originatorID: snapshot.originatorID, version: snapshot.originatorVersion,
        reason: "the snapshot: " + CodingErrorSummary.describe(error))
    }
    return StoredEvent(
      originatorID: snapshot.originatorID, originatorVersion: snapshot.originatorVersion,
      topic: Self.snapshotTopic(of: State.self),
      state: try protect(
        plaintext, originatorID: snapshot.originatorID, version: snapshot.originatorVersion))
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

  /// Returns the snapshot a stored snapshot holds and the head hash stored with it, the hash
  /// that the event after the snapshot must link to (`nil` when events are not chained).
  func chainedSnapshot<State>(
    _ type: State.Type, from stored: StoredEvent
  ) throws -> (snapshot: Snapshot<State>, headHash: Data?) {
    let expected = Self.snapshotTopic(of: State.self)
    guard currentTopic(of: stored.topic) == expected else {
      throw MapperError.unknownTopic(
        topic: stored.topic, expected: expected, originatorID: stored.originatorID,
        version: stored.originatorVersion)
    }
    var plaintext = try unprotect(
      stored.state, originatorID: stored.originatorID, version: stored.originatorVersion)
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
      return (snapshot, decoded.headHash)
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
  /// The hash of the event at the snapshot's version; absent for unchained stores.
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

/// A stored snapshot's state is older than its type's ``Aggregate/stateVersion``.
private struct OlderSnapshotShape: Error {
  let version: Int
}
