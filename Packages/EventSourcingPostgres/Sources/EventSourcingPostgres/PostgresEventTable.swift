import EventSourcing
import Foundation
import PostgresNIO

/// One table of stored events: an application's events, numbered in one sequence, or
/// snapshots, which are not. The recorders are thin layers over it.
///
/// # Notification IDs that never interleave
///
/// A reader following the notification log must never see notification N+1 before N: it
/// would move past N and never read it. With a sequence (`bigserial`), writer A can take ID 1,
/// writer B ID 2, and B commit first. So each insert into a numbered table takes
/// `LOCK TABLE … IN EXCLUSIVE MODE` first, as the Python library does: inserts run one at a
/// time, from the lock to the commit, while reads (which take `ACCESS SHARE`) go on. Under the
/// lock the insert numbers its events from the largest ID recorded, rather than from a
/// sequence, which does better than the Python library in one respect: an insert that fails
/// (a version conflict) leaves no gap, because nothing was taken from a sequence, so readers
/// never meet a hole they must wonder about. The largest ID comes from the unique index on
/// `notification_id`, so finding it costs one index probe. `POSTGRES_LOCK_TIMEOUT` bounds the
/// wait for the lock.
///
/// The insert also notifies the channel named after the table, with the largest new ID as
/// payload, so that a follower listening there learns of new events without polling; the
/// notification is delivered when, and only if, the transaction commits.
struct PostgresEventTable: Sendable {
  let datastore: PostgresDatastore
  let table: PostgresIdentifier
  /// Whether events get notification IDs: true for an application's events.
  let isNumbered: Bool

  /// The schema-qualified, quoted table name.
  var qualifiedName: String { PostgresIdentifier.qualified(datastore.schema, table) }

  /// The statements that create the table.
  var createStatements: [String] {
    [
      "CREATE TABLE IF NOT EXISTS \(qualifiedName) ("
        + "originator_id uuid NOT NULL, originator_version bigint NOT NULL, "
        + "topic text NOT NULL, state bytea NOT NULL, "
        + (isNumbered ? "notification_id bigint NOT NULL UNIQUE, " : "")
        + "PRIMARY KEY (originator_id, originator_version))"
    ] + (isNumbered ? [createInsertFunctionStatement] : [])
  }

  /// Inserts events on a connection in an open transaction: locks a numbered table first.
  ///
  /// - Returns: The notification IDs, in the order of `events`; empty for snapshots.
  /// - Throws: A unique violation (SQLSTATE 23505) when a version is taken; the caller rolls
  ///   back and finds the clashing event with ``firstRecorded(of:)``.
  func insert(_ events: [StoredEvent], on connection: PostgresConnection) async throws -> [Int] {
    guard !events.isEmpty else { return [] }
    var bindings = PostgresBindings()
    bindings.append(events.map(\.originatorID))
    bindings.append(events.map(\.originatorVersion))
    bindings.append(events.map(\.topic))
    bindings.append(events.map { ByteBuffer(bytes: $0.state) })
    let rows = "unnest($1::uuid[], $2::bigint[], $3::text[], $4::bytea[])"
    guard isNumbered else {
      try await connection.run(
        "INSERT INTO \(qualifiedName) (originator_id, originator_version, topic, state) "
          + "SELECT * FROM \(rows)", bindings)
      return []
    }
    try await connection.run("LOCK TABLE \(qualifiedName) IN EXCLUSIVE MODE")
    bindings.append(table.name)
    let inserted = try await connection.rows(
      "WITH inserted AS (INSERT INTO \(qualifiedName) "
        + "(originator_id, originator_version, topic, state, notification_id) "
        + "SELECT e.originator_id, e.originator_version, e.topic, e.state, last.id + e.position "
        + "FROM \(rows) WITH ORDINALITY "
        + "AS e(originator_id, originator_version, topic, state, position), "
        + "(SELECT COALESCE(MAX(notification_id), 0) AS id FROM \(qualifiedName)) AS last "
        + "RETURNING notification_id), "
        + "notified AS (SELECT pg_notify($5, MAX(notification_id)::text) FROM inserted) "
        + "SELECT notification_id FROM inserted, notified", bindings)
    var ids: [Int] = []
    for try await id in inserted.decode(Int.self) { ids.append(id) }
    // The events were numbered from the largest ID in their order, so sorted IDs are theirs.
    return ids.sorted()
  }

  /// The first of `events`, in their order, whose version is recorded; after a unique
  /// violation, that is the event that clashed. Recorded events are never deleted.
  func firstRecorded(of events: [StoredEvent]) async throws -> StoredEvent? {
    var bindings = PostgresBindings()
    bindings.append(events.map(\.originatorID))
    bindings.append(events.map(\.originatorVersion))
    let rows = try await datastore.withConnection { connection in
      try await connection.rows(
        "SELECT t.originator_id, t.originator_version FROM \(qualifiedName) AS t "
          + "JOIN unnest($1::uuid[], $2::bigint[]) AS e(originator_id, originator_version) "
          + "USING (originator_id, originator_version)", bindings)
    }
    var recorded = Set<VersionKey>()
    for try await (id, version) in rows.decode((UUID, Int).self) {
      recorded.insert(VersionKey(originatorID: id, version: version))
    }
    return events.first { recorded.contains(VersionKey($0)) }
  }

  /// Events of one aggregate, as ``AggregateRecorder/events(for:after:through:descending:limit:)``.
  func events(
    for originatorID: UUID, after version: Int?, through throughVersion: Int?,
    descending: Bool, limit: Int?
  ) async throws -> [StoredEvent] {
    var bindings = PostgresBindings()
    bindings.append(originatorID)
    var sql =
      "SELECT originator_id, originator_version, topic, state FROM \(qualifiedName) "
      + "WHERE originator_id = $1"
    if let version {
      bindings.append(version)
      sql += " AND originator_version > $\(bindings.count)"
    }
    if let throughVersion {
      bindings.append(throughVersion)
      sql += " AND originator_version <= $\(bindings.count)"
    }
    sql += " ORDER BY originator_version" + (descending ? " DESC" : "")
    if let limit {
      bindings.append(max(limit, 0))
      sql += " LIMIT $\(bindings.count)"
    }
    return try await datastore.withConnection { [sql, bindings] connection in
      var events: [StoredEvent] = []
      for try await (id, version, topic, state) in try await connection.rows(sql, bindings)
        .decode((UUID, Int, String, Data).self)
      {
        events.append(
          StoredEvent(originatorID: id, originatorVersion: version, topic: topic, state: state))
      }
      return events
    }
  }

  /// Notifications from `start`, as ``ApplicationRecorder/notifications(start:limit:stop:)``.
  func notifications(start: Int, limit: Int, stop: Int?) async throws -> [EventNotification] {
    var bindings = PostgresBindings()
    bindings.append(start)
    var sql =
      "SELECT notification_id, originator_id, originator_version, topic, state "
      + "FROM \(qualifiedName) WHERE notification_id >= $1"
    if let stop {
      bindings.append(stop)
      sql += " AND notification_id <= $\(bindings.count)"
    }
    bindings.append(max(limit, 0))
    sql += " ORDER BY notification_id LIMIT $\(bindings.count)"
    return try await datastore.withConnection { [sql, bindings] connection in
      var notifications: [EventNotification] = []
      for try await (notificationID, id, version, topic, state) in try await connection.rows(
        sql, bindings
      ).decode((Int, UUID, Int, String, Data).self) {
        notifications.append(
          EventNotification(
            id: notificationID, originatorID: id, originatorVersion: version, topic: topic,
            state: state))
      }
      return notifications
    }
  }

  /// The largest notification ID, or 0 when the table is empty.
  func maxNotificationID() async throws -> Int {
    try await datastore.withConnection { connection in
      var result = 0
      for try await id in try await connection.rows(
        "SELECT COALESCE(MAX(notification_id), 0) FROM \(qualifiedName)"
      ).decode(Int.self) {
        result = id
      }
      return result
    }
  }
}

/// An aggregate and version: the unique key of stored events.
struct VersionKey: Hashable {
  let originatorID: UUID
  let version: Int

  init(originatorID: UUID, version: Int) {
    self.originatorID = originatorID
    self.version = version
  }

  init(_ event: StoredEvent) {
    self.init(originatorID: event.originatorID, version: event.originatorVersion)
  }
}
