import EventSourcing
import NIOCore
import NIOPosix
import PostgresNIO

extension PostgresDatastore {
  /// Opens one connection of its own, which reports why a server cannot be used more
  /// directly than the pool does, and checks that the schema exists.
  ///
  /// - Throws: ``PostgresStartUpError``.
  func checkServer() async throws {
    let connection: PostgresConnection
    do {
      connection = try await PostgresConnection.connect(
        configuration: settings.connectionConfiguration(), id: 0, logger: Self.logger)
    } catch {
      throw startUpError(for: error)
    }
    do {
      var bindings = PostgresBindings()
      bindings.append(settings.schema)
      let rows = try await connection.rows(
        "SELECT count(*) FROM pg_namespace WHERE nspname = $1", bindings)
      var count = 0
      for try await found in rows.decode(Int.self) { count = found }
      guard count > 0 else {
        throw PostgresStartUpError.schemaMissing(
          schema: settings.schema, database: settings.databaseName)
      }
    } catch {
      try? await connection.close()
      throw error
    }
    try? await connection.close()
  }

  /// The start-up error that says why the connection failed.
  private func startUpError(for error: any Error) -> PostgresStartUpError {
    let server = settings.serverDescription
    guard let error = error as? PSQLError else {
      return .serverUnreachable(server: server, reason: String(describing: error))
    }
    guard error.code == .server, let sqlState = error.serverInfo?[.sqlState] else {
      return .serverUnreachable(server: server, reason: reason(error))
    }
    let message = error.serverInfo?[.message] ?? "no message"
    switch sqlState {
    case "28P01": return .passwordRejected(user: settings.user)
    case "28000": return .userRejected(user: settings.user, message: message)
    case "3D000": return .databaseMissing(settings.databaseName)
    default: return .refused(sqlState: sqlState, message: message)
    }
  }

  /// A short reason for a failed connection, such as `connection refused`.
  private func reason(_ error: PSQLError) -> String {
    guard let underlying = error.underlying else { return error.code.description }
    if let failure = underlying as? NIOConnectionError,
      let first = failure.connectionErrors.first?.error
    {
      return describe(first)
    }
    return describe(underlying)
  }

  private func describe(_ error: any Error) -> String {
    if let io = error as? IOError {
      switch io.errnoCode {
      case ECONNREFUSED: return "connection refused"
      case ENOENT: return "no socket file"
      case ETIMEDOUT: return "timed out"
      default: return io.description
      }
    }
    if let channel = error as? ChannelError, case .connectTimeout = channel {
      return "no answer within \(settings.connectTimeout.components.seconds) seconds"
    }
    return String(describing: error)
  }
}
