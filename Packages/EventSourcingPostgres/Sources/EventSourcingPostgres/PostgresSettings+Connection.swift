import NIOSSL
import PostgresNIO

extension PostgresSettings {
  /// Parameters of every session: a write waits at most ``lockTimeout`` for the table lock.
  var sessionParameters: [(String, String)] {
    let seconds = lockTimeout.components.seconds
    return [("lock_timeout", seconds == 0 ? "0" : "\(seconds)s"), ("application_name", "eventsourcing-swift")]
  }

  /// TLS as libpq's default `sslmode=prefer`: encrypted when the server offers it, without
  /// checking its certificate; never over a unix socket.
  var tlsConfiguration: TLSConfiguration {
    var tls = TLSConfiguration.makeClientConfiguration()
    tls.certificateVerification = .none
    return tls
  }

  /// The configuration of the connection pool.
  var clientConfiguration: PostgresClient.Configuration {
    var configuration =
      if isUnixSocket {
        PostgresClient.Configuration(
          unixSocketPath: unixSocketPath, username: user, password: password,
          database: databaseName)
      } else {
        PostgresClient.Configuration(
          host: host, port: port, username: user, password: password, database: databaseName,
          tls: .prefer(tlsConfiguration))
      }
    configuration.options.maximumConnections = poolSize
    configuration.options.minimumConnections = 0
    configuration.options.connectTimeout = connectTimeout
    configuration.options.additionalStartupParameters = sessionParameters
    return configuration
  }

  /// The configuration of the single connection that checks the server at start-up.
  func connectionConfiguration() throws -> PostgresConnection.Configuration {
    var configuration =
      if isUnixSocket {
        PostgresConnection.Configuration(
          unixSocketPath: unixSocketPath, username: user, password: password,
          database: databaseName)
      } else {
        PostgresConnection.Configuration(
          host: host, port: port, username: user, password: password, database: databaseName,
          tls: .prefer(try NIOSSLContext(configuration: tlsConfiguration)))
      }
    configuration.options.connectTimeout = .nanoseconds(
      Int64(connectTimeout.components.seconds) * 1_000_000_000)
    configuration.options.additionalStartupParameters = sessionParameters
    return configuration
  }
}
