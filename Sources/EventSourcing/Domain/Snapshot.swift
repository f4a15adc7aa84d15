public import Foundation

/// An aggregate's state at one version, kept so that loading can start there instead of at
/// the first event.
///
/// A snapshot is derived data: it can always be made again from the events, so it is stored
/// apart from them and never changes the aggregate's history.
public struct Snapshot<State: Aggregate>: Sendable {
  /// The identity of the aggregate.
  public let originatorID: UUID
  /// The aggregate's version the snapshot was taken at.
  public let originatorVersion: Int
  /// When the aggregate was created.
  public let createdOn: Date
  /// When the aggregate last changed before the snapshot.
  public let modifiedOn: Date
  /// The aggregate's state at that version.
  public let state: State

  /// Creates a snapshot.
  public init(
    originatorID: UUID, originatorVersion: Int, createdOn: Date, modifiedOn: Date, state: State
  ) {
    self.originatorID = originatorID
    self.originatorVersion = originatorVersion
    self.createdOn = createdOn
    self.modifiedOn = modifiedOn
    self.state = state
  }
}

extension Snapshot: Equatable where State: Equatable {}
