public import EventSourcing
public import Foundation

/// Stores an application's events like ``PostgresApplicationRecorder``, and the positions of
/// the logs it follows like ``PostgresTrackingRecorder``, in the same database: a follower
/// records what it made of a notification and the notification's position in one
/// transaction, so that after a crash it neither misses nor repeats one.
///
/// ```swift
/// let datastore = try PostgresDatastore(settings: PostgresSettings(ApplicationEnvironment()))
/// let recorder = try PostgresProcessRecorder(datastore: datastore)
/// try await recorder.insert(events, tracking: Tracking(applicationName: "DogSchool", notificationID: 7))
/// ```
///
/// This is the recorder the `postgres` persistence module gives applications.
public struct PostgresProcessRecorder: ProcessRecorder, NotifyingRecorder {
  /// The connections the recorder uses.
  public let datastore: PostgresDatastore
  private let events: PostgresApplicationRecorder
  private let positions: PostgresTrackingRecorder

  /// The name of the table of events.
  public var eventsTable: String { events.table }
  /// The name of the table of tracking positions.
  public var trackingTable: String { positions.table }

  /// Creates a recorder on two tables of the datastore's schema.
  ///
  /// - Throws: ``PostgresIdentifierError`` when a table's name cannot be a PostgreSQL name.
  public init(
    datastore: PostgresDatastore, eventsTable: String = "stored_events",
    trackingTable: String = "tracking"
  ) throws {
    self.datastore = datastore
    events = try PostgresApplicationRecorder(datastore: datastore, table: eventsTable)
    positions = try PostgresTrackingRecorder(datastore: datastore, table: trackingTable)
  }

  /// Creates a recorder with a datastore of its own.
  public init(
    settings: PostgresSettings, eventsTable: String = "stored_events",
    trackingTable: String = "tracking"
  ) throws {
    try self.init(
      datastore: PostgresDatastore(settings: settings), eventsTable: eventsTable,
      trackingTable: trackingTable)
  }

  @discardableResult
  public func insert(_ events: [StoredEvent]) async throws -> [Int] {
    try await self.events.insert(events)
  }

  @discardableResult
  public func insert(_ events: [StoredEvent], tracking: Tracking) async throws -> [Int] {
    try await prepare()
    return try await self.events.store.record(events, tracking: (positions.store, tracking))
  }

  public func events(
    for originatorID: UUID, after version: Int?, through throughVersion: Int?,
    descending: Bool, limit: Int?
  ) async throws -> [StoredEvent] {
    try await events.events(
      for: originatorID, after: version, through: throughVersion, descending: descending,
      limit: limit)
  }

  public func notifications(start: Int, limit: Int, stop: Int?) async throws
    -> [EventNotification]
  {
    try await events.notifications(start: start, limit: limit, stop: stop)
  }

  public func maxNotificationID() async throws -> Int {
    try await events.maxNotificationID()
  }

  /// The largest notification ID now, then after each insert: see
  /// ``PostgresApplicationRecorder/newNotificationIDs()``.
  public func newNotificationIDs() -> AsyncThrowingStream<Int, any Error> {
    events.newNotificationIDs()
  }

  public func insertTracking(_ tracking: Tracking) async throws {
    try await positions.insertTracking(tracking)
  }

  public func maxTrackingID(for applicationName: String) async throws -> Int {
    try await positions.maxTrackingID(for: applicationName)
  }

  /// Connects and creates both tables, unless that was done.
  ///
  /// - Throws: ``PostgresStartUpError`` naming why the server cannot be used.
  public func prepare() async throws {
    try await events.prepare()
    try await positions.prepare()
  }
}
