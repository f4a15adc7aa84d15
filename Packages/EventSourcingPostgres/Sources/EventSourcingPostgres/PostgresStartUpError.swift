/// Why a PostgreSQL recorder could not start: each case names the cause and the setting to
/// check.
///
/// A recorder connects when it is first used (or when ``PostgresDatastore/start()`` is
/// called), so these errors come from the first insert or read. A failed start is tried again
/// on the next use.
public enum PostgresStartUpError: Error, Equatable, CustomStringConvertible {
  /// No server answers at the host and port: it is not running, or the settings point
  /// elsewhere.
  case serverUnreachable(server: String, reason: String)
  /// The server refused the password of the user (or has no such user).
  case passwordRejected(user: String)
  /// The server refused the user for another reason, such as a missing role or no entry in
  /// `pg_hba.conf`.
  case userRejected(user: String, message: String)
  /// The database does not exist on the server.
  case databaseMissing(String)
  /// The schema does not exist in the database.
  case schemaMissing(schema: String, database: String)
  /// The server refused to start a session for a reason of its own.
  case refused(sqlState: String, message: String)

  public var description: String {
    typealias Key = PostgresSettings.Key
    return switch self {
    case .serverUnreachable(let server, let reason):
      "Cannot reach the PostgreSQL server at \(server) (\(reason)): is it running? Check "
        + "\(Key.host) and \(Key.port), or start a server with scripts/postgres-server.sh start."
    case .passwordRejected(let user):
      "The PostgreSQL server refused the password of user '\(user)': check \(Key.user) and "
        + "\(Key.password)."
    case .userRejected(let user, let message):
      "The PostgreSQL server refused user '\(user)': \(message). Check \(Key.user)."
    case .databaseMissing(let name):
      "The database '\(name)' does not exist on the PostgreSQL server: create it "
        + "(createdb \(name)) or fix \(Key.databaseName)."
    case .schemaMissing(let schema, let database):
      "The schema '\(schema)' does not exist in the database '\(database)': create it "
        + "(CREATE SCHEMA \(schema)) or fix \(Key.schema)."
    case .refused(let sqlState, let message):
      "The PostgreSQL server refused to start a session (SQLSTATE \(sqlState)): \(message)"
    }
  }
}
