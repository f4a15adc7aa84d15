import EventSourcing
import PostgresNIO

extension PostgresEventTable {
  /// The largest notification ID once listening, then the largest after each insert, told by
  /// PostgreSQL's `NOTIFY` on the channel named after the table.
  ///
  /// The stream listens on a connection of its own, outside the pool, which it holds while it
  /// is iterated: a listening connection cannot serve other queries in between.
  func newNotificationIDs(
    prepare: @escaping @Sendable () async throws -> Void
  ) -> AsyncThrowingStream<Int, any Error> {
    let (stream, continuation) = AsyncThrowingStream.makeStream(of: Int.self)
    let task = Task { [self] in
      do {
        try await prepare()
        let connection = try await PostgresConnection.connect(
          configuration: datastore.settings.connectionConfiguration(), id: 1,
          logger: PostgresDatastore.logger)
        do {
          try await connection.listen(on: table.name) { notifications in
            // Listening has begun: what is recorded from now on will be told.
            continuation.yield(try await maxNotificationID(on: connection))
            for try await notification in notifications {
              if let id = Int(notification.payload) { continuation.yield(id) }
            }
          }
          try? await connection.close()
          continuation.finish()
        } catch {
          try? await connection.close()
          throw error
        }
      } catch is CancellationError {
        continuation.finish()
      } catch let error as PSQLError {
        continuation.finish(throwing: RecorderError(error, operation: "listen for notifications"))
      } catch {
        continuation.finish(throwing: error)
      }
    }
    continuation.onTermination = { _ in task.cancel() }
    return stream
  }

  /// The largest notification ID, read on a given connection.
  private func maxNotificationID(on connection: PostgresConnection) async throws -> Int {
    var result = 0
    for try await id in try await connection.rows(
      "SELECT COALESCE(MAX(notification_id), 0) FROM \(qualifiedName)"
    ).decode(Int.self) {
      result = id
    }
    return result
  }
}
