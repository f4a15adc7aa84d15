public import EventSourcing

/// How to reach a PostgreSQL database, read from the `POSTGRES_*` settings as the Python
/// library's `eventsourcing.postgres` module reads them.
///
/// | variable | meaning | default |
/// |---|---|---|
/// | `POSTGRES_DBNAME` | the database | required |
/// | `POSTGRES_HOST` | the server's host name or address, or the folder of its unix socket (starting with `/`) | required |
/// | `POSTGRES_PORT` | the server's port | `5432` |
/// | `POSTGRES_USER` | the user to log in as | required |
/// | `POSTGRES_PASSWORD` | that user's password | required |
/// | `POSTGRES_SCHEMA` | the schema the tables are created in; it must exist | `public` |
/// | `POSTGRES_POOL_SIZE` | most connections open at once, per ``PostgresDatastore`` | `5` |
/// | `POSTGRES_LOCK_TIMEOUT` | seconds a write waits for the table lock; `0` waits without end | `0` |
/// | `POSTGRES_CONNECT_TIMEOUT` | seconds to wait for a connection to the server | `30` |
///
/// ```swift
/// let settings = try PostgresSettings(ApplicationEnvironment([
///   "POSTGRES_DBNAME": "eventsourcing", "POSTGRES_HOST": "127.0.0.1",
///   "POSTGRES_USER": "eventsourcing", "POSTGRES_PASSWORD": "eventsourcing",
/// ]))
/// let recorder = try PostgresApplicationRecorder(settings: settings)
/// ```
///
/// Unlike the Python library, which opens `POSTGRES_POOL_SIZE` connections and lets
/// `POSTGRES_MAX_OVERFLOW` more open under load, the pool size here is the upper bound:
/// connections open when needed and close after a minute unused. The `postgres` persistence
/// module gives an application two datastores, one for events and one for snapshots.
public struct PostgresSettings: Sendable, Equatable {
  /// The names of the settings.
  public enum Key {
    /// The database's name.
    public static let databaseName = "POSTGRES_DBNAME"
    /// The server's host, or the folder of its unix socket.
    public static let host = "POSTGRES_HOST"
    /// The server's port.
    public static let port = "POSTGRES_PORT"
    /// The user to log in as.
    public static let user = "POSTGRES_USER"
    /// The user's password.
    public static let password = "POSTGRES_PASSWORD"
    /// The schema of the tables.
    public static let schema = "POSTGRES_SCHEMA"
    /// The most connections a datastore opens at once.
    public static let poolSize = "POSTGRES_POOL_SIZE"
    /// Seconds a write waits for the table lock.
    public static let lockTimeout = "POSTGRES_LOCK_TIMEOUT"
    /// Seconds to wait for a connection.
    public static let connectTimeout = "POSTGRES_CONNECT_TIMEOUT"
  }

  /// The database's name.
  public var databaseName: String
  /// The server's host name or address, or the folder of its unix socket.
  public var host: String
  /// The server's port; with a unix socket, the number in the socket file's name.
  public var port: Int
  /// The user to log in as.
  public var user: String
  /// The user's password.
  public var password: String
  /// The schema the tables are created in.
  public var schema: String
  /// The most connections a datastore opens at once.
  public var poolSize: Int
  /// How long a write waits for the table lock; zero waits without end.
  public var lockTimeout: Duration
  /// How long to wait for a connection to the server.
  public var connectTimeout: Duration

  /// Creates settings from values given in code; the others take their defaults.
  public init(
    databaseName: String, host: String, port: Int = 5432, user: String, password: String,
    schema: String = "public", poolSize: Int = 5, lockTimeout: Duration = .zero,
    connectTimeout: Duration = .seconds(30)
  ) {
    self.databaseName = databaseName
    self.host = host
    self.port = port
    self.user = user
    self.password = password
    self.schema = schema
    self.poolSize = poolSize
    self.lockTimeout = lockTimeout
    self.connectTimeout = connectTimeout
  }

  /// Reads the settings from an application's environment.
  ///
  /// - Throws: ``ConfigurationError/missingValue(key:reason:)`` for a required setting that is
  ///   unset, and ``ConfigurationError/invalidValue(key:value:reason:)`` for one that cannot be
  ///   used; the password is never shown.
  public init(_ environment: ApplicationEnvironment) throws {
    func required(_ key: String, _ what: String) throws -> String {
      guard let value = environment[key] else {
        throw ConfigurationError.missingValue(
          key: key, reason: "the postgres persistence module needs \(what).")
      }
      return value
    }
    databaseName = try required(Key.databaseName, "the name of the database")
    host = try required(
      Key.host, "the server's host, such as 127.0.0.1, or the folder of its unix socket")
    user = try required(Key.user, "the user to log in as")
    password = try required(Key.password, "the user's password")
    port = try Self.integer(environment, Key.port, default: 5432, in: 1...65535)
    schema = environment[Key.schema].map { $0.trimmingSpaces() } ?? ""
    if schema.isEmpty { schema = "public" }
    guard schema.utf8.count <= PostgresIdentifier.maximumLength else {
      throw ConfigurationError.invalidValue(
        key: Key.schema, value: schema,
        reason: "PostgreSQL names are at most \(PostgresIdentifier.maximumLength) bytes long.")
    }
    poolSize = try Self.integer(environment, Key.poolSize, default: 5, in: 1...1000)
    lockTimeout = .seconds(
      try Self.integer(environment, Key.lockTimeout, default: 0, in: 0...1_000_000))
    connectTimeout = .seconds(
      try Self.integer(environment, Key.connectTimeout, default: 30, in: 1...1_000_000))
  }

  /// An integer setting within bounds, or its default when unset.
  private static func integer(
    _ environment: ApplicationEnvironment, _ key: String, default defaultValue: Int,
    in range: ClosedRange<Int>
  ) throws -> Int {
    guard let text = environment[key] else { return defaultValue }
    guard let value = Int(text.trimmingSpaces()), range.contains(value) else {
      throw ConfigurationError.invalidValue(
        key: key, value: text,
        reason: "use a whole number from \(range.lowerBound) to \(range.upperBound).")
    }
    return value
  }

  /// Whether ``host`` names the folder of a unix socket rather than a host.
  public var isUnixSocket: Bool { host.hasPrefix("/") }

  /// Where the server is, for messages: `host:port`, or the socket file's path.
  public var serverDescription: String {
    isUnixSocket ? unixSocketPath : "\(host):\(port)"
  }

  /// The path of the server's socket file in the folder ``host``, as libpq names it.
  var unixSocketPath: String {
    (host.hasSuffix("/") ? host : host + "/") + ".s.PGSQL.\(port)"
  }
}

// MARK: - Secrets

extension PostgresSettings: CustomStringConvertible {
  /// The settings with the password left out.
  public var description: String {
    "PostgresSettings(database: \(databaseName), server: \(serverDescription), user: \(user), "
      + "schema: \(schema), poolSize: \(poolSize))"
  }
}

extension String {
  /// The string without leading and trailing spaces and tabs.
  fileprivate func trimmingSpaces() -> String {
    var text = Substring(self)
    while let first = text.first, first == " " || first == "\t" { text.removeFirst() }
    while let last = text.last, last == " " || last == "\t" { text.removeLast() }
    return String(text)
  }
}
