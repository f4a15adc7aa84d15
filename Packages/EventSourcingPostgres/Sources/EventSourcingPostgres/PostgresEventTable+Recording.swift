import EventSourcing
import PostgresNIO

extension PostgresEventTable {
  /// Records events, and a tracking position when given, in one transaction: all or nothing.
  ///
  /// - Returns: The events' notification IDs, in their order; empty for snapshots.
  /// - Throws: ``RecorderError/versionConflict(originatorID:version:)`` naming the first event
  ///   whose version is taken, ``TrackingError/alreadyProcessed(_:)``, or
  ///   ``RecorderError/database(code:message:operation:)``.
  func record(
    _ events: [StoredEvent], tracking: (table: PostgresTrackingTable, position: Tracking)? = nil
  ) async throws -> [Int] {
    var seen = Set<VersionKey>()
    for event in events where !seen.insert(VersionKey(event)).inserted {
      throw RecorderError.versionConflict(
        originatorID: event.originatorID, version: event.originatorVersion)
    }
    guard !events.isEmpty || tracking != nil else { return [] }
    do {
      guard let tracking else { return try await insertAlone(events) }
      return try await datastore.withTransaction { connection in
        try await tracking.table.record(tracking.position, on: connection)
        return try await insert(events, on: connection)
      }
    } catch let error as PSQLError where error.sqlState == "23505" {
      guard let clash = try await firstRecorded(of: events) else {
        throw RecorderError(error, operation: "insert events")
      }
      throw RecorderError.versionConflict(
        originatorID: clash.originatorID, version: clash.originatorVersion)
    } catch let error as PSQLError {
      throw RecorderError(error, operation: "insert events")
    }
  }
}
