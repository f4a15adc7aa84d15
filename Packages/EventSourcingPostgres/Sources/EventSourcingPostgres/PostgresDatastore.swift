import EventSourcing
import Logging
import PostgresNIO
import Synchronization

/// A pool of connections to one PostgreSQL database, shared by the recorders that use it.
///
/// Creating a datastore opens nothing: the first use connects, checks that the schema exists,
/// and creates the tables of the recorder that is used, so that a recorder can be created
/// where no `async` call is possible, such as in ``PersistenceModule/postgres``. Errors of that
/// first connection are ``PostgresStartUpError``s naming the cause; call ``start()`` to meet
/// them early. A failed start is tried again on the next use.
///
/// ```swift
/// let datastore = try PostgresDatastore(settings: PostgresSettings(ApplicationEnvironment()))
/// try await datastore.start()
/// let events = try PostgresProcessRecorder(datastore: datastore)
/// let snapshots = try PostgresAggregateRecorder(datastore: datastore, table: "snapshots")
/// ```
///
/// The pool runs until the datastore is released.
public final class PostgresDatastore: Sendable {
  /// Where the database is and how to use it.
  public let settings: PostgresSettings
  /// The schema of the tables, quoted.
  let schema: PostgresIdentifier
  private let client: PostgresClient
  private let runTask: Task<Void, Never>
  /// Set-up work that runs once: the start, keyed by "", and each table's creation.
  private let setUps = Mutex<[String: Task<Void, any Error>]>([:])
  /// Logs nothing: errors reach the caller as thrown errors.
  static let logger = Logger(label: "eventsourcing.postgres") { _ in SwiftLogNoOpLogHandler() }

  /// Creates a datastore for the database the settings name; connects on first use.
  ///
  /// - Throws: ``PostgresIdentifierError`` when the schema name is not a PostgreSQL name.
  public init(settings: PostgresSettings) throws {
    self.settings = settings
    schema = try PostgresIdentifier(settings.schema)
    let client = PostgresClient(configuration: settings.clientConfiguration)
    self.client = client
    runTask = Task { await client.run() }
  }

  deinit {
    runTask.cancel()
  }

  /// Connects to the server and checks the database and schema, unless that was done.
  ///
  /// - Throws: ``PostgresStartUpError`` naming why the server cannot be used.
  public func start() async throws {
    try await once("") { try await self.checkServer() }
  }

  /// Runs `work` once for a key: later callers wait for the first run and share its
  /// outcome, except that a failed run is tried again by the next caller.
  func once(_ key: String, _ work: @escaping @Sendable () async throws -> Void) async throws {
    let task = setUps.withLock { tasks in
      if let running = tasks[key] { return running }
      let task = Task { try await work() }
      tasks[key] = task
      return task
    }
    do {
      try await task.value
    } catch {
      setUps.withLock { tasks in
        if tasks[key] == task { tasks[key] = nil }
      }
      throw error
    }
  }

  /// Starts the datastore, then creates a recorder's tables unless that was done.
  func prepare(tables key: String, _ statements: [String]) async throws {
    try await start()
    try await once("tables " + key) {
      try await self.withTransaction { connection in
        // Two processes creating the same table at once can clash in PostgreSQL's catalog
        // even with IF NOT EXISTS; a lock held to the end of the transaction keeps them apart.
        try await connection.run("SELECT pg_advisory_xact_lock(4242424242)")
        for statement in statements {
          try await connection.run(statement)
        }
      }
    }
  }

  /// Lends a connection of the pool to `body`.
  func withConnection<Result: Sendable>(
    _ body: (PostgresConnection) async throws -> Result
  ) async throws -> Result {
    try await client.withConnection(body)
  }

  /// Runs `body` in a transaction on a connection of the pool: committed when `body` returns,
  /// rolled back when it throws, whose error is then rethrown as it is.
  func withTransaction<Result: Sendable>(
    _ body: (PostgresConnection) async throws -> Result
  ) async throws -> Result {
    try await client.withConnection { connection in
      try await connection.run("BEGIN")
      let result: Result
      do {
        result = try await body(connection)
      } catch {
        // A rollback that fails leaves a connection the server will close; the first error
        // says what went wrong.
        try? await connection.run("ROLLBACK")
        throw error
      }
      try await connection.run("COMMIT")
      return result
    }
  }
}

// MARK: - Queries

extension PostgresConnection {
  /// Runs a statement and drops its rows.
  func run(_ sql: String, _ bindings: PostgresBindings = PostgresBindings()) async throws {
    try await query(PostgresQuery(unsafeSQL: sql, binds: bindings), logger: PostgresDatastore.logger)
      .consume()
  }

  /// Runs a query and returns its rows.
  func rows(_ sql: String, _ bindings: PostgresBindings = PostgresBindings()) async throws
    -> PostgresRowSequence
  {
    try await query(PostgresQuery(unsafeSQL: sql, binds: bindings), logger: PostgresDatastore.logger)
  }
}

extension PostgresRowSequence {
  /// Reads and drops every row, so that the connection is free for the next query.
  func consume() async throws {
    for try await _ in self {}
  }
}
