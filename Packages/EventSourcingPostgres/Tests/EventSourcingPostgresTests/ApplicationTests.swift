import EventSourcing
@testable import EventSourcingPostgres
import Foundation
import Testing

/// An application configured only by settings, on the `postgres` persistence module.
@Suite(.enabled(if: TestDatabase.isConfigured, TestDatabase.skipReason))
struct ApplicationTests {
  /// A counter, the smallest aggregate.
  struct Counter: Aggregate, Equatable {
    enum Event: DomainEvent {
      case started
      case incremented
    }

    var count = 0

    mutating func apply(_ event: Event) {
      if case .incremented = event { count += 1 }
    }
  }

  /// Settings for an application whose tables are in a new schema of their own, so that it
  /// starts with an empty log whatever the database holds.
  private func settingsWithNewSchema() async throws -> [String: String] {
    let schema = TestDatabase.uniqueTable("schema")
    let datastore = try TestDatabase.sharedDatastore()
    try await datastore.start()
    try await datastore.withConnection { connection in
      try await connection.run("CREATE SCHEMA \(PostgresIdentifier(schema).quoted)")
    }
    return ["PERSISTENCE_MODULE": "eventsourcing.postgres", "POSTGRES_SCHEMA": schema]
  }

  @Test func savesGetsAndSnapshotsAggregates() async throws {
    PersistenceModule.register(.postgres)
    let app = try Application(
      environment: try await settingsWithNewSchema().merging(["IS_SNAPSHOTTING_ENABLED": "true"])
      { $1 })
    var counter = EventSourced<Counter>(creating: .started)
    counter.record(.incremented)
    #expect(try await app.save(&counter) == [1, 2])
    counter.record(.incremented)
    try await app.save(&counter)
    try await app.takeSnapshot(of: counter.id, as: Counter.self)
    let loaded = try await app.repository.get(counter.id, as: Counter.self)
    #expect(loaded.state.count == 2)
    #expect(loaded.version == 3)
    #expect(try await app.snapshots?.events(for: counter.id).map(\.originatorVersion) == [3])
    #expect(try await app.recorder.maxNotificationID() == 3)
  }

  @Test func aSaveOfTwoAggregatesWithOneClashStoresNeither() async throws {
    PersistenceModule.register(.postgres)
    let app = try Application(environment: try await settingsWithNewSchema())
    var counter = EventSourced<Counter>(creating: .started)
    try await app.save(&counter)
    var stale = try await app.repository.get(counter.id, as: Counter.self)
    counter.record(.incremented)
    try await app.save(&counter)
    var other = EventSourced<Counter>(creating: .started)
    stale.record(.incremented)
    await #expect(throws: RecorderError.versionConflict(originatorID: counter.id, version: 2)) {
      try await app.save(&other, &stale)
    }
    await #expect(throws: RepositoryError.aggregateNotFound(id: other.id)) {
      _ = try await app.repository.get(other.id, as: Counter.self)
    }
    #expect(try await app.recorder.maxNotificationID() == 2)
  }
}
