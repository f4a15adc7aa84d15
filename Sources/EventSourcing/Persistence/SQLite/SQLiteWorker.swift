import CSQLite
import Dispatch
import Synchronization

/// One SQLite connection and the serial dispatch queue that runs all of its work, off Swift's
/// cooperative thread pool.
///
/// SQLite's calls block their thread: a commit waits for the disk, and a statement that finds
/// the database locked by another connection waits up to the busy timeout for it. The
/// cooperative pool has one thread per core, so a few such waits there would stall every task
/// of the process. A dispatch queue's thread may block instead: the caller's task is suspended,
/// holding no thread, until its job has run, and is then resumed with the result.
final class SQLiteWorker: Sendable {
  /// An open connection, or the way to open it on first use.
  private enum Connection {
    case open(SQLiteConnection)
    case opener(@Sendable () throws -> SQLiteConnection)
  }

  private let queue: DispatchQueue
  /// Touched only by jobs on `queue`, one at a time: that is what makes the unchecked access
  /// safe, and why SQLite may use the connection without a mutex of its own
  /// (`SQLITE_OPEN_NOMUTEX`).
  private nonisolated(unsafe) var connection: Connection
  /// The jobs submitted and not yet finished, to send a read to the least busy reader.
  private let pending = Atomic<Int>(0)

  /// Runs jobs on a connection that is already open.
  init(label: String, connection: SQLiteConnection) {
    queue = DispatchQueue(label: label)
    self.connection = .open(connection)
  }

  /// Runs jobs on a connection that the first job opens with `open`. When opening fails, that
  /// job fails with the error, and the next job tries again.
  init(label: String, open: @escaping @Sendable () throws -> SQLiteConnection) {
    queue = DispatchQueue(label: label)
    connection = .opener(open)
  }

  /// The number of jobs submitted and not yet finished.
  var pendingJobs: Int { pending.load(ordering: .relaxed) }

  /// Runs `body` with the connection on the worker's queue, after the jobs submitted before
  /// it, and returns its result; the calling task is suspended meanwhile.
  ///
  /// `body` need not be `Sendable`: the caller's task waits for it, so it never runs at the
  /// same time as the code that made it, and it is released before the caller resumes.
  func run<Result: Sendable>(
    _ body: (SQLiteConnection) throws -> Result
  ) async throws -> Result {
    pending.add(1, ordering: .relaxed)
    defer { pending.subtract(1, ordering: .relaxed) }
    return try await withoutActuallyEscaping(body) { body in
      let job = SQLiteJob(body)
      return try await withUnsafeThrowingContinuation { continuation in
        queue.async {
          continuation.resume(with: job.run { try self.openConnection() })
        }
      }
    }
  }

  /// The connection, opened first when needed; called on the queue only.
  private func openConnection() throws -> SQLiteConnection {
    switch connection {
    case .open(let open):
      return open
    case .opener(let open):
      let opened = try open()
      connection = .open(opened)
      return opened
    }
  }
}

/// The body of one job of an ``SQLiteWorker``, carried to the worker's queue.
///
/// Unchecked: the body is not `Sendable`, but it runs once, on the queue, while the task that
/// made it waits. The job lets go of the body before the task resumes, as
/// `withoutActuallyEscaping` requires of the non-escaping closure it stands for.
private final class SQLiteJob<Output: Sendable>: @unchecked Sendable {
  private var body: ((SQLiteConnection) throws -> Output)?

  init(_ body: @escaping (SQLiteConnection) throws -> Output) {
    self.body = body
  }

  /// Runs the body with the connection that `connection` returns, and forgets the body.
  func run(with connection: () throws -> SQLiteConnection) -> Result<Output, any Error> {
    guard let body = body.take() else {
      return .failure(SQLiteFailure(code: SQLITE_MISUSE, message: "an SQLite job ran twice"))
    }
    return Result { try body(connection()) }
  }
}
