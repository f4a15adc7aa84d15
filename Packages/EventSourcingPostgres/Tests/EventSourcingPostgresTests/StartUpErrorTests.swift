import EventSourcing
import EventSourcingPostgres
import Foundation
import Testing

/// A server that cannot be used makes the first use throw an error naming the cause.
struct StartUpErrorTests {
  @Test func anUnreachableServerIsNamedWithItsAddress() async throws {
    let port = try FreePort.find()
    let settings = PostgresSettings(
      databaseName: "any", host: "127.0.0.1", port: port, user: "any", password: "any",
      connectTimeout: .seconds(5))
    let recorder = try PostgresApplicationRecorder(settings: settings)
    await #expect(
      throws: PostgresStartUpError.serverUnreachable(
        server: "127.0.0.1:\(port)", reason: "connection refused")
    ) {
      _ = try await recorder.maxNotificationID()
    }
  }

  @Test func aMissingSocketIsNamedWithItsPath() async throws {
    let settings = PostgresSettings(
      databaseName: "any", host: "/nonexistent-folder", port: 5432, user: "any", password: "any")
    let recorder = try PostgresApplicationRecorder(settings: settings)
    await #expect(
      throws: PostgresStartUpError.serverUnreachable(
        server: "/nonexistent-folder/.s.PGSQL.5432", reason: "no socket file")
    ) {
      _ = try await recorder.maxNotificationID()
    }
  }

  @Test(.enabled(if: TestDatabase.isConfigured, TestDatabase.skipReason))
  func aWrongPasswordIsNamed() async throws {
    var settings = try TestDatabase.requiredSettings()
    settings.password += "-wrong"
    let recorder = try PostgresApplicationRecorder(settings: settings)
    await #expect(throws: PostgresStartUpError.passwordRejected(user: settings.user)) {
      try await recorder.insert([])
      _ = try await recorder.maxNotificationID()
    }
  }

  @Test(.enabled(if: TestDatabase.isConfigured, TestDatabase.skipReason))
  func aMissingDatabaseIsNamed() async throws {
    var settings = try TestDatabase.requiredSettings()
    settings.databaseName = "no_such_database_here"
    let recorder = try PostgresAggregateRecorder(settings: settings)
    await #expect(throws: PostgresStartUpError.databaseMissing("no_such_database_here")) {
      _ = try await recorder.events(for: UUID())
    }
  }

  @Test(.enabled(if: TestDatabase.isConfigured, TestDatabase.skipReason))
  func aMissingSchemaIsNamed() async throws {
    var settings = try TestDatabase.requiredSettings()
    settings.schema = "no_such_schema"
    let recorder = try PostgresTrackingRecorder(settings: settings)
    await #expect(
      throws: PostgresStartUpError.schemaMissing(
        schema: "no_such_schema", database: settings.databaseName)
    ) {
      _ = try await recorder.maxTrackingID(for: "any")
    }
  }

  @Test(.enabled(if: TestDatabase.isConfigured, TestDatabase.skipReason))
  func startingTwiceConnectsOnce() async throws {
    let datastore = try PostgresDatastore(settings: TestDatabase.requiredSettings())
    try await datastore.start()
    try await datastore.start()
  }

  @Test func messagesNameTheSettingToCheck() {
    #expect(
      PostgresStartUpError.passwordRejected(user: "app").description.contains("POSTGRES_PASSWORD"))
    #expect(PostgresStartUpError.databaseMissing("x").description.contains("POSTGRES_DBNAME"))
    #expect(
      PostgresStartUpError.schemaMissing(schema: "s", database: "d").description.contains(
        "POSTGRES_SCHEMA"))
    #expect(
      PostgresStartUpError.serverUnreachable(server: "h:1", reason: "r").description.contains(
        "POSTGRES_HOST"))
  }
}
