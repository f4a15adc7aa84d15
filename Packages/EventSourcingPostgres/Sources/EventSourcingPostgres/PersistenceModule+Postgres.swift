public import EventSourcing

extension PersistenceModule {
  /// In a PostgreSQL database, as the `POSTGRES_*` settings say (see ``PostgresSettings``):
  /// events in ``PostgresProcessRecorder``'s tables `stored_events` and `tracking`, snapshots
  /// in ``PostgresAggregateRecorder``'s table `snapshots`. Also `eventsourcing.postgres`, the
  /// Python library's name.
  ///
  /// The library does not depend on PostgreSQL, so it cannot know this module: register it
  /// once, before the first application starts, and settings can then select it.
  ///
  /// ```swift
  /// import EventSourcing
  /// import EventSourcingPostgres
  ///
  /// PersistenceModule.register(.postgres)
  /// let app = try Application(environment: ["PERSISTENCE_MODULE": "postgres"])
  /// ```
  ///
  /// A missing or malformed setting throws ``ConfigurationError`` when the application is
  /// created; the server is first contacted when the application first reads or writes, and
  /// a server that cannot be used then throws ``PostgresStartUpError``.
  public static let postgres = PersistenceModule(
    name: "postgres", aliases: ["eventsourcing.postgres"],
    makeRecorder: { settings in
      try PostgresProcessRecorder(settings: PostgresSettings(settings))
    },
    makeSnapshotRecorder: { settings in
      try PostgresAggregateRecorder(settings: PostgresSettings(settings), table: "snapshots")
    })
}
