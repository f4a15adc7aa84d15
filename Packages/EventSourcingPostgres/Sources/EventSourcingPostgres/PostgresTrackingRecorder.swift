public import EventSourcing

/// Records how far followers have processed the logs they follow, in a PostgreSQL table of
/// one row per followed application (`tracking` unless named), created on first use.
///
/// ```swift
/// let datastore = try PostgresDatastore(settings: PostgresSettings(ApplicationEnvironment()))
/// let positions = try PostgresTrackingRecorder(datastore: datastore)
/// try await positions.insertTracking(Tracking(applicationName: "DogSchool", notificationID: 1))
/// ```
///
/// A position that is not beyond the recorded one throws
/// ``TrackingError/alreadyProcessed(_:)``; of two concurrent writers of one position, exactly
/// one succeeds.
public struct PostgresTrackingRecorder: TrackingRecorder {
  /// The connections the recorder uses.
  public let datastore: PostgresDatastore
  let store: PostgresTrackingTable

  /// The name of the table.
  public var table: String { store.table.name }

  /// Creates a recorder on a table of the datastore's schema.
  ///
  /// - Throws: ``PostgresIdentifierError`` when the table's name cannot be a PostgreSQL name.
  public init(datastore: PostgresDatastore, table: String = "tracking") throws {
    self.datastore = datastore
    store = PostgresTrackingTable(datastore: datastore, table: try PostgresIdentifier(table))
  }

  /// Creates a recorder with a datastore of its own.
  public init(settings: PostgresSettings, table: String = "tracking") throws {
    try self.init(datastore: PostgresDatastore(settings: settings), table: table)
  }

  public func insertTracking(_ tracking: Tracking) async throws {
    try await prepare()
    try await translatingErrors("insert tracking") {
      try await datastore.withTransaction { connection in
        try await store.record(tracking, on: connection)
      }
    }
  }

  public func maxTrackingID(for applicationName: String) async throws -> Int {
    try await prepare()
    return try await translatingErrors("select the tracking position") {
      try await store.maxTrackingID(for: applicationName)
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
