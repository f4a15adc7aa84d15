import EventSourcing
import EventSourcingPostgres
import Foundation
import Testing

/// The PostgreSQL server the tests use: the one the `POSTGRES_*` variables of the test
/// process name (`eval "$(scripts/postgres-server.sh env)"` sets them).
enum TestDatabase {
  /// The server's settings, or `nil` when the variables are not set.
  static let settings: PostgresSettings? = {
    let environment = ApplicationEnvironment()
    guard environment[PostgresSettings.Key.databaseName] != nil else { return nil }
    return try? PostgresSettings(environment)
  }()

  /// Why the tests that need a server are skipped, when they are.
  static let skipReason: Comment = """
    needs a PostgreSQL server: run scripts/postgres-server.sh start and export the \
    POSTGRES_* variables it prints
    """

  /// Whether a server is configured.
  static var isConfigured: Bool { settings != nil }

  /// One pool for the tests, whose recorders each get tables of their own.
  static let datastore: PostgresDatastore? = settings.flatMap { try? PostgresDatastore(settings: $0) }

  /// The shared datastore; fails the test when no server is configured.
  static func sharedDatastore() throws -> PostgresDatastore {
    try #require(datastore, "no PostgreSQL server configured")
  }

  /// The configured settings; fails the test when no server is configured.
  static func requiredSettings() throws -> PostgresSettings {
    try #require(settings, "no PostgreSQL server configured")
  }

  /// A table name no other test uses.
  static func uniqueTable(_ prefix: String) -> String {
    let suffix = UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
    return "test_\(prefix)_\(suffix)"
  }
}
