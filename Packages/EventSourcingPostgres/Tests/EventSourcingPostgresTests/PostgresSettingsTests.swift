import EventSourcing
import EventSourcingPostgres
import Testing

/// Reading the `POSTGRES_*` settings, with the Python library's defaults.
struct PostgresSettingsTests {
  private let required = [
    "POSTGRES_DBNAME": "school", "POSTGRES_HOST": "db.example", "POSTGRES_USER": "app",
    "POSTGRES_PASSWORD": "secret",
  ]

  private func settings(_ values: [String: String]) throws -> PostgresSettings {
    try PostgresSettings(ApplicationEnvironment(values, processEnvironment: [:]))
  }

  @Test func takesThePythonLibrarysDefaults() throws {
    let settings = try settings(required)
    #expect(settings.databaseName == "school")
    #expect(settings.host == "db.example")
    #expect(settings.port == 5432)
    #expect(settings.user == "app")
    #expect(settings.password == "secret")
    #expect(settings.schema == "public")
    #expect(settings.poolSize == 5)
    #expect(settings.lockTimeout == .zero)
    #expect(settings.connectTimeout == .seconds(30))
  }

  @Test func readsEverySetting() throws {
    let settings = try settings(
      required.merging([
        "POSTGRES_PORT": "6543", "POSTGRES_SCHEMA": " dogs ", "POSTGRES_POOL_SIZE": "12",
        "POSTGRES_LOCK_TIMEOUT": "3", "POSTGRES_CONNECT_TIMEOUT": "4",
      ]) { $1 })
    #expect(settings.port == 6543)
    #expect(settings.schema == "dogs")
    #expect(settings.poolSize == 12)
    #expect(settings.lockTimeout == .seconds(3))
    #expect(settings.connectTimeout == .seconds(4))
  }

  @Test(arguments: ["POSTGRES_DBNAME", "POSTGRES_HOST", "POSTGRES_USER", "POSTGRES_PASSWORD"])
  func namesAMissingRequiredSetting(key: String) throws {
    var values = required
    values[key] = nil
    let error = #expect(throws: ConfigurationError.self) { try settings(values) }
    guard case .missingValue(let missing, _) = error else {
      Issue.record("expected a missing value, got \(String(describing: error))")
      return
    }
    #expect(missing == key)
  }

  @Test(arguments: [
    ("POSTGRES_PORT", "0"), ("POSTGRES_PORT", "http"), ("POSTGRES_POOL_SIZE", "0"),
    ("POSTGRES_POOL_SIZE", "many"), ("POSTGRES_LOCK_TIMEOUT", "-1"),
    ("POSTGRES_LOCK_TIMEOUT", "1.5"), ("POSTGRES_CONNECT_TIMEOUT", "0"),
  ])
  func namesAMalformedSetting(key: String, value: String) throws {
    let error = #expect(throws: ConfigurationError.self) {
      try settings(required.merging([key: value]) { $1 })
    }
    guard case .invalidValue(let invalid, let shown, _) = error else {
      Issue.record("expected an invalid value, got \(String(describing: error))")
      return
    }
    #expect(invalid == key)
    #expect(shown == value)
  }

  @Test func neverShowsThePassword() throws {
    let settings = try settings(required)
    #expect(!String(describing: settings).contains("secret"))
  }

  @Test func selectsTheModuleByItsNameAndThePythonName() throws {
    PersistenceModule.register(.postgres)
    for name in ["postgres", "eventsourcing.postgres", "POSTGRES"] {
      let environment = ApplicationEnvironment(
        required.merging(["PERSISTENCE_MODULE": name]) { $1 }, processEnvironment: [:])
      #expect(try environment.persistenceModule() == .postgres)
      #expect(try environment.makeRecorder() is PostgresProcessRecorder)
      #expect(try environment.makeSnapshotRecorder() is PostgresAggregateRecorder)
    }
  }

  @Test func aModuleWithoutItsSettingsNamesTheMissingOne() throws {
    PersistenceModule.register(.postgres)
    let environment = ApplicationEnvironment(
      ["PERSISTENCE_MODULE": "postgres"], processEnvironment: [:])
    #expect(throws: ConfigurationError.self) { try environment.makeRecorder() }
  }
}
