import EventSourcing
import EventSourcingPostgres
import EventSourcingTesting
import Testing

/// The library's conformance suites, run against a real server; each check gets new tables.
@Suite(.enabled(if: TestDatabase.isConfigured, TestDatabase.skipReason))
struct ConformanceTests {
  @Test func aggregateRecorderMeetsTheAggregateRecorderContract() async throws {
    let datastore = try TestDatabase.sharedDatastore()
    try await AggregateRecorderConformance {
      try PostgresAggregateRecorder(datastore: datastore, table: TestDatabase.uniqueTable("snap"))
    }.run()
  }

  @Test func applicationRecorderMeetsTheAggregateRecorderContract() async throws {
    let datastore = try TestDatabase.sharedDatastore()
    try await AggregateRecorderConformance {
      try PostgresApplicationRecorder(datastore: datastore, table: TestDatabase.uniqueTable("app"))
    }.run()
  }

  @Test func applicationRecorderMeetsTheApplicationRecorderContract() async throws {
    let datastore = try TestDatabase.sharedDatastore()
    try await ApplicationRecorderConformance {
      try PostgresApplicationRecorder(datastore: datastore, table: TestDatabase.uniqueTable("app"))
    }.run()
  }

  @Test func trackingRecorderMeetsTheTrackingContract() async throws {
    let datastore = try TestDatabase.sharedDatastore()
    try await TrackingRecorderConformance {
      try PostgresTrackingRecorder(datastore: datastore, table: TestDatabase.uniqueTable("track"))
    }.run()
  }

  @Test func processRecorderMeetsEveryContract() async throws {
    let datastore = try TestDatabase.sharedDatastore()
    let make = { @Sendable in
      try PostgresProcessRecorder(
        datastore: datastore, eventsTable: TestDatabase.uniqueTable("proc"),
        trackingTable: TestDatabase.uniqueTable("proctrack"))
    }
    try await AggregateRecorderConformance { try make() }.run()
    try await ApplicationRecorderConformance { try make() }.run()
    try await TrackingRecorderConformance { try make() }.run()
  }

  /// Followers are told of inserts by `LISTEN`/`NOTIFY`, by the library's own checks.
  @Test func applicationRecorderMeetsTheNotifyingRecorderContract() async throws {
    let datastore = try TestDatabase.sharedDatastore()
    try await NotifyingRecorderConformance {
      try PostgresApplicationRecorder(datastore: datastore, table: TestDatabase.uniqueTable("tell"))
    }.run()
  }

  /// The recorder the persistence module gives an application, configured only by settings,
  /// with a pool of its own.
  @Test func recorderOfTheModuleMeetsTheApplicationRecorderContract() async throws {
    let settings = try TestDatabase.requiredSettings()
    try await ApplicationRecorderConformance {
      try PostgresProcessRecorder(
        settings: settings, eventsTable: TestDatabase.uniqueTable("mod"),
        trackingTable: TestDatabase.uniqueTable("modtrack"))
    }.run()
  }
}
