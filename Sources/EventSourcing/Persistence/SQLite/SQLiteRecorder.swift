import CSQLite
public import Foundation

/// A recorder that stores events in an SQLite database: a file, or memory.
///
/// ```swift
/// let recorder = try SQLiteRecorder(path: "dogschool.sqlite")
/// let app = Application(recorder: recorder)
/// // or, configured by the environment:
/// let school = try DogSchool(environment: [
///   "PERSISTENCE_MODULE": "sqlite", "SQLITE_DBNAME": "dogschool.sqlite",
/// ])
/// ```
///
/// Events go into one table (see ``eventsTable``) with a unique key on (originator ID,
/// version) and an autoincrementing notification ID. A file database runs in WAL mode, so
/// that readers do not block the writer, and with a busy timeout, so that several processes
/// can share the file: a writer waits up to ``lockTimeout`` for another's write lock.
///
/// Durability: by default every insert is synced to disk before it returns
/// (`synchronous=FULL`). ``Synchronous/normal`` is several times faster: with WAL a crash of
/// the process loses nothing, but a power cut may lose the last inserts.
///
/// A follower that turns another application's events into events of its own records its
/// tracking positions in the table `tracking` of the same database, in the same transaction
/// as its events (``insert(_:tracking:)``).
///
/// SQLite's calls block their thread, and a write may wait up to ``lockTimeout`` for another
/// process's lock, so the recorder runs them on dispatch queues of its own, never on Swift's
/// cooperative thread pool: a task that calls the recorder is suspended while SQLite works,
/// and the other tasks of the process go on running. Writes run one after another on one
/// connection. A file database also has reader connections, opened on first use, so that
/// reads do not wait behind writes; a read that follows an awaited write sees it. A database
/// given as `":memory:"` or as a `file:` URI keeps one connection for everything: a second
/// connection to an in-memory database would open another database.
///
/// Followers need not poll: ``newNotificationIDs()`` tells them at once of inserts made through
/// this recorder, and within ``externalWriteCheckInterval`` of inserts made by other processes
/// or other recorders on the same file.
///
/// Opening a new database that other processes open at the same moment waits, up to
/// ``lockTimeout``, for the locks they take while one of them creates it.
///
/// Related SQLite documentation: <https://www.sqlite.org/wal.html>,
/// <https://www.sqlite.org/pragma.html#pragma_synchronous>
public final class SQLiteRecorder: ProcessRecorder, NotifyingRecorder {
  /// How hard SQLite works to make each commit survive a power cut.
  public enum Synchronous: String, CaseIterable, Sendable {
    /// Every commit is synced to disk: nothing acknowledged is ever lost. The default.
    case full = "FULL"
    /// Faster: the write-ahead log is synced at checkpoints only, so a power cut (not a crash
    /// of the process) may lose the last commits.
    case normal = "NORMAL"
  }

  /// The database's path, `":memory:"`, or a `file:` URI.
  public let path: String
  /// The table the events are stored in.
  public let eventsTable: String
  /// The durability of commits.
  public let synchronous: Synchronous
  /// How long a write waits for another connection's lock before it fails.
  public let lockTimeout: Duration

  private let schema: SQLiteSchema
  private let connections: SQLiteConnectionPool
  private let signal = NotificationSignal()

  /// How often a listener of ``newNotificationIDs()`` reads the largest notification ID again,
  /// for inserts that other processes make; inserts through this recorder are told at once.
  /// A private in-memory database (`":memory:"`) has no other writers and is not read again.
  public static let externalWriteCheckInterval: Duration = .seconds(1)

  /// Opens or creates the database and creates the events table when it is missing.
  ///
  /// - Parameters:
  ///   - path: A file path, `":memory:"` for a private in-memory database, or a `file:` URI.
  ///   - eventsTable: The table's name; another name keeps another set of events in the same
  ///     database, such as snapshots.
  ///   - synchronous: The durability of commits.
  ///   - lockTimeout: How long a write waits for another process's lock; also how long opening
  ///     waits for the locks of other processes that open the same new database.
  /// - Throws: ``RecorderError/configuration(_:)`` naming the file when its directory is
  ///   missing, it cannot be written, or it is not an SQLite database;
  ///   ``RecorderError/database(code:message:operation:)`` for other failures, such as a lock
  ///   held for longer than `lockTimeout`.
  public init(
    path: String, eventsTable: String = "stored_events", synchronous: Synchronous = .full,
    lockTimeout: Duration = .seconds(5)
  ) throws {
    self.path = path
    self.eventsTable = eventsTable
    self.synchronous = synchronous
    self.lockTimeout = lockTimeout
    schema = try SQLiteSchema(eventsTable: eventsTable)
    let retry = SQLiteStartUpRetry(lockTimeout: lockTimeout)
    let (connection, isInWALMode) = try SQLiteConnection.openForRecorder(
      path: path, schema: schema, synchronous: synchronous, lockTimeout: lockTimeout,
      retry: retry)
    do {
      try retry.run { try connection.createTrackingTable(Self.trackingTable) }
    } catch let failure as SQLiteFailure {
      throw RecorderError.database(
        code: failure.code, message: failure.message,
        operation: "create the table \(Self.trackingTable) in '\(path)'")
    }
    connections = SQLiteConnectionPool(
      writer: connection, path: path, lockTimeout: lockTimeout, readsInWAL: isInWALMode)
  }

  /// The table of tracking positions, beside the events.
  static let trackingTable = "tracking"

  /// Records the events in one transaction, all or none.
  ///
  /// EventNotification IDs are assigned by SQLite while this connection holds the database's write
  /// lock (`BEGIN IMMEDIATE`), and only one connection, in any process, can hold it. So IDs are
  /// committed in the order they are assigned, and a reader of the notification log that has
  /// seen ID N can never later find a smaller ID appearing: no notification commits "late"
  /// behind one that a reader already passed. (Databases with concurrent writers, such as
  /// PostgreSQL, need an explicit table lock for the same guarantee.) A rolled-back insert
  /// also rolls back the ID counter, so IDs have no gaps.
  ///
  /// - Throws: ``RecorderError/versionConflict(originatorID:version:)`` naming the first event
  ///   whose version is taken (or repeated within `events`); nothing is stored then.
  @discardableResult
  public func insert(_ events: [StoredEvent]) async throws -> [Int] {
    guard !events.isEmpty else { return [] }
    let ids = try await connections.write("insert events into \(eventsTable)") { connection in
      try connection.inImmediateTransaction { try insertRows(events, with: connection) }
    }
    if let last = ids.last { signal.tell(last) }
    return ids
  }

  /// Records events and a follower's tracking position in one transaction, all or none.
  ///
  /// - Throws: ``TrackingError/alreadyProcessed(_:)`` when the position is not new;
  ///   ``RecorderError/versionConflict(originatorID:version:)`` when a version is taken.
  @discardableResult
  public func insert(_ events: [StoredEvent], tracking: Tracking) async throws -> [Int] {
    let ids = try await connections.write("insert events and tracking into \(eventsTable)") {
      connection in
      try connection.inImmediateTransaction {
        try connection.recordTracking(tracking, in: Self.trackingTable)
        return try insertRows(events, with: connection)
      }
    }
    if let last = ids.last { signal.tell(last) }
    return ids
  }

  public func insertTracking(_ tracking: Tracking) async throws {
    try await insert([], tracking: tracking)
  }

  public func maxTrackingID(for applicationName: String) async throws -> Int {
    try await connections.read("read the tracking position of \(applicationName)") {
      connection in
      try connection.maxTrackingID(in: Self.trackingTable, for: applicationName)
    }
  }

  /// Inserts the rows of events; must run inside a write transaction.
  private func insertRows(_ events: [StoredEvent], with connection: SQLiteConnection) throws -> [Int] {
    try connection.withStatement(schema.insertEvent) { statement in
      var ids: [Int] = []
      ids.reserveCapacity(events.count)
      for event in events {
        statement.reset()
        try statement.bind(event.originatorID.uuidString, at: 1)
        try statement.bind(event.originatorVersion, at: 2)
        try statement.bind(event.topic, at: 3)
        try statement.bind(event.state, at: 4)
        do {
          _ = try statement.step()
        } catch let failure as SQLiteFailure where failure.isUniqueConstraintViolation {
          // The row that failed is the clashing one, with a stored event or an earlier
          // one of this batch; the transaction's rollback undoes the rows before it.
          throw RecorderError.versionConflict(
            originatorID: event.originatorID, version: event.originatorVersion)
        }
        ids.append(connection.lastInsertedRowID)
      }
      return ids
    }
  }

  public func events(
    for originatorID: UUID, after version: Int?, through throughVersion: Int?,
    descending: Bool, limit: Int?
  ) async throws -> [StoredEvent] {
    let sql = schema.selectEvents(
      after: version != nil, through: throughVersion != nil, descending: descending,
      limit: limit != nil)
    return try await connections.read("select events of aggregate \(originatorID)") {
      connection in
      try connection.withStatement(sql) { statement in
        try statement.bind(originatorID.uuidString, at: 1)
        if let version { try statement.bind(version, at: 2) }
        if let throughVersion { try statement.bind(throughVersion, at: 3) }
        if let limit { try statement.bind(max(0, limit), at: 4) }
        var events: [StoredEvent] = []
        while try statement.step() {
          // The aggregate is known: reading its ID back from each row would only cost time.
          events.append(StoredEvent(
            originatorID: originatorID, originatorVersion: statement.int(at: 0),
            topic: statement.string(at: 1), state: statement.data(at: 2)))
        }
        return events
      }
    }
  }

  /// Returns notifications in ID order from `start`, through `stop` when given.
  public func notifications(start: Int, limit: Int, stop: Int?) async throws -> [EventNotification] {
    let sql = schema.selectNotifications(stop: stop != nil)
    return try await connections.read("select notifications") { connection in
      try connection.withStatement(sql) { statement in
        try statement.bind(start, at: 1)
        if let stop { try statement.bind(stop, at: 2) }
        try statement.bind(max(0, limit), at: 3)
        var notifications: [EventNotification] = []
        notifications.reserveCapacity(max(0, min(limit, 10_000)))
        while try statement.step() {
          notifications.append(try notification(statement))
        }
        return notifications
      }
    }
  }

  /// The highest notification ID, or 0 for an empty table.
  public func maxNotificationID() async throws -> Int {
    let sql = schema.selectMaxNotificationID
    return try await connections.read("select the maximum notification ID") { connection in
      try connection.withStatement(sql) { statement in
        guard try statement.step(), !statement.isNull(at: 0) else { return 0 }
        return statement.int(at: 0)
      }
    }
  }

  /// The largest notification ID now, then after each insert through this recorder, and at
  /// least every ``externalWriteCheckInterval`` when another process has inserted.
  public func newNotificationIDs() -> AsyncThrowingStream<Int, any Error> {
    signal.stream(
      current: { [self] in try await maxNotificationID() },
      recheckInterval: path == ":memory:" ? nil : Self.externalWriteCheckInterval)
  }

  // MARK: - Helpers

  /// Reads a notification from the current row of a notifications query.
  private func notification(_ statement: SQLiteStatement) throws -> EventNotification {
    guard let originatorID = statement.uuid(at: 1) else {
      throw RecorderError.database(
        code: SQLITE_MISMATCH,
        message: "originator_id '\(statement.string(at: 1))' of notification "
          + "\(statement.int(at: 0)) is not a UUID",
        operation: "read table \(eventsTable)")
    }
    return EventNotification(
      id: statement.int(at: 0), originatorID: originatorID,
      originatorVersion: statement.int(at: 2), topic: statement.string(at: 3),
      state: statement.data(at: 4))
  }
}
