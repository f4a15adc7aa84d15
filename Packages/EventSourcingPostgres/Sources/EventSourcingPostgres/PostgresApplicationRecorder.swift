public import EventSourcing
public import Foundation

/// Stores an application's events in a PostgreSQL table and numbers them in one sequence:
/// the source of its notification log.
///
/// ```swift
/// let settings = try PostgresSettings(ApplicationEnvironment())
/// let recorder = try PostgresApplicationRecorder(settings: settings)
/// let app = Application(recorder: recorder)
/// ```
///
/// The table (`stored_events` unless named) is created on first use. Each insert is one
/// transaction: all its events, of any aggregates, or none. A version that is taken makes it
/// throw ``RecorderError/versionConflict(originatorID:version:)`` naming the first clashing
/// event.
///
/// # Notification IDs never interleave
///
/// With IDs from a sequence, writer A could take ID 1 and writer B ID 2, and B commit first: a
/// reader following the log would see 2, move on, and never read 1. So each insert takes
/// `LOCK TABLE … IN EXCLUSIVE MODE`, as the Python library does, and holds it until it
/// commits: inserts into one table run one at a time, while reads go on. Under the lock the
/// insert numbers its events from the largest recorded ID instead of a sequence, so that a
/// failed insert leaves no gap either. The lock, the numbering, the insert and a `NOTIFY` run
/// in one statement, a function created with the table, so an insert costs one round trip.
/// `POSTGRES_LOCK_TIMEOUT` bounds the wait for the lock.
public struct PostgresApplicationRecorder: NotifyingRecorder {
  /// The connections the recorder uses.
  public let datastore: PostgresDatastore
  let store: PostgresEventTable

  /// The name of the table.
  public var table: String { store.table.name }

  /// Creates a recorder on a table of the datastore's schema.
  ///
  /// - Throws: ``PostgresIdentifierError`` when the table's name cannot be a PostgreSQL name.
  public init(datastore: PostgresDatastore, table: String = "stored_events") throws {
    self.datastore = datastore
    store = PostgresEventTable(
      datastore: datastore, table: try PostgresIdentifier(table), isNumbered: true)
  }

  /// Creates a recorder with a datastore of its own.
  public init(settings: PostgresSettings, table: String = "stored_events") throws {
    try self.init(datastore: PostgresDatastore(settings: settings), table: table)
  }

  @discardableResult
  public func insert(_ events: [StoredEvent]) async throws -> [Int] {
    try await prepare()
    return try await store.record(events)
  }

  public func events(
    for originatorID: UUID, after version: Int?, through throughVersion: Int?,
    descending: Bool, limit: Int?
  ) async throws -> [StoredEvent] {
    try await prepare()
    return try await translatingErrors("select events") {
      try await store.events(
        for: originatorID, after: version, through: throughVersion, descending: descending,
        limit: limit)
    }
  }

  public func notifications(start: Int, limit: Int, stop: Int?) async throws
    -> [EventNotification]
  {
    try await prepare()
    return try await translatingErrors("select notifications") {
      try await store.notifications(start: start, limit: limit, stop: stop)
    }
  }

  public func maxNotificationID() async throws -> Int {
    try await prepare()
    return try await translatingErrors("select the largest notification ID") {
      try await store.maxNotificationID()
    }
  }

  /// The largest notification ID now, then the largest after each insert by any process,
  /// told by PostgreSQL's `LISTEN`/`NOTIFY` on the channel named after the table: a follower
  /// waits for news instead of polling.
  ///
  /// ```swift
  /// for try await _ in recorder.newNotificationIDs() {
  ///   try await follower.catchUp()
  /// }
  /// ```
  ///
  /// The stream holds a connection of its own, apart from the pool, while it is iterated.
  public func newNotificationIDs() -> AsyncThrowingStream<Int, any Error> {
    store.newNotificationIDs { [self] in try await prepare() }
  }

  /// Connects and creates the table, unless that was done.
  ///
  /// - Throws: ``PostgresStartUpError`` naming why the server cannot be used.
  public func prepare() async throws {
    try await translatingErrors("create table \(table)") {
      try await datastore.prepare(tables: store.qualifiedName, store.createStatements)
    }
  }
}
