public import EventSourcing
public import Foundation

/// Stores events of aggregates in a PostgreSQL table, without notification IDs: the
/// snapshots of an application.
///
/// ```swift
/// let datastore = try PostgresDatastore(settings: PostgresSettings(ApplicationEnvironment()))
/// let snapshots = try PostgresAggregateRecorder(datastore: datastore, table: "snapshots")
/// ```
///
/// The table is created on first use, with the primary key (originator ID, version): of two
/// inserts of one version, the second throws
/// ``RecorderError/versionConflict(originatorID:version:)``. Inserts do not lock the table.
public struct PostgresAggregateRecorder: AggregateRecorder {
  /// The connections the recorder uses.
  public let datastore: PostgresDatastore
  private let store: PostgresEventTable

  /// The name of the table.
  public var table: String { store.table.name }

  /// Creates a recorder on a table of the datastore's schema.
  ///
  /// - Throws: ``PostgresIdentifierError`` when the table's name cannot be a PostgreSQL name.
  public init(datastore: PostgresDatastore, table: String = "snapshots") throws {
    self.datastore = datastore
    store = PostgresEventTable(
      datastore: datastore, table: try PostgresIdentifier(table), isNumbered: false)
  }

  /// Creates a recorder with a datastore of its own.
  public init(settings: PostgresSettings, table: String = "snapshots") throws {
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

  /// Connects and creates the table, unless that was done.
  ///
  /// - Throws: ``PostgresStartUpError`` naming why the server cannot be used.
  public func prepare() async throws {
    try await translatingErrors("create table \(table)") {
      try await datastore.prepare(tables: store.qualifiedName, store.createStatements)
    }
  }
}
