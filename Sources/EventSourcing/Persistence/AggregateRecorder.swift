public import Foundation

/// Stores and retrieves the events of aggregates.
///
/// Conforming types must:
/// - insert all the events of one call, or none of them;
/// - throw ``RecorderError/versionConflict(originatorID:version:)`` when an event's
///   (originator ID, version) is already recorded, or appears twice in one call, and then store
///   nothing of that call;
/// - return one aggregate's events in ascending version order, or descending when asked.
///
/// The API is `async` so that a recorder may talk to a database over the network; a recorder
/// must be safe to call from many tasks at once.
///
/// Check a conformance with `AggregateRecorderConformance` from `EventSourcingTesting`:
///
/// ```swift
/// @Test func meetsTheRecorderContract() async throws {
///   try await AggregateRecorderConformance { MyRecorder() }.run()
/// }
/// ```
public protocol AggregateRecorder: Sendable {
  /// Records the given events atomically.
  ///
  /// - Returns: The notification IDs given to the events, in the order of `events`, when the
  ///   recorder keeps an application-wide sequence; otherwise an empty array.
  /// - Throws: ``RecorderError/versionConflict(originatorID:version:)`` when a version is taken.
  @discardableResult
  func insert(_ events: [StoredEvent]) async throws -> [Int]

  /// Returns events of one aggregate.
  ///
  /// - Parameters:
  ///   - originatorID: The aggregate.
  ///   - version: Only events with a greater version, when given.
  ///   - throughVersion: Only events with this version or a lower one, when given.
  ///   - descending: Newest first instead of oldest first; `limit` then keeps the newest.
  ///   - limit: At most this many events, when given.
  func events(
    for originatorID: UUID, after version: Int?, through throughVersion: Int?,
    descending: Bool, limit: Int?
  ) async throws -> [StoredEvent]
}

extension AggregateRecorder {
  /// Returns events of one aggregate, oldest first, optionally after or through a version.
  public func events(
    for originatorID: UUID, after version: Int? = nil, through throughVersion: Int? = nil,
    limit: Int? = nil
  ) async throws -> [StoredEvent] {
    try await events(
      for: originatorID, after: version, through: throughVersion, descending: false, limit: limit)
  }
}
