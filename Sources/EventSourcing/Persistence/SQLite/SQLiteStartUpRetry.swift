import Foundation

/// Runs the steps of opening a database again while another connection's lock refuses them,
/// until the lock timeout has passed.
///
/// The busy timeout does not cover every step of opening a database. Switching a new database
/// to WAL mode reads the file's header and then rewrites it; when another connection takes
/// the write lock in between, as the process that is creating the same file does, SQLite
/// refuses this upgrade from reading to writing at once with `SQLITE_BUSY`, without calling
/// the busy handler (a reader that waits for a writer that waits for readers could deadlock).
/// Reading the schema or creating a table while another process changes the new file can be
/// refused the same way. So when several processes open a new database at the same moment,
/// some meet a lock that clears a few milliseconds later. Each step is tried again after a
/// short pause, twice as long each time up to a limit, and random in part so that processes
/// that collided do not try again in step.
///
/// Each step retried is safe to run again: a pragma that sets a mode, or
/// `CREATE … IF NOT EXISTS`. A step that failed with `SQLITE_BUSY` did not run.
struct SQLiteStartUpRetry {
  /// How long the steps, together, may go on finding the database locked.
  let lockTimeout: Duration
  private let deadline: ContinuousClock.Instant

  /// The longest pause between two tries.
  private static let longestPause = Duration.milliseconds(50)

  /// Starts the clock: the lock timeout counts from now, for all the steps run through this.
  init(lockTimeout: Duration) {
    self.lockTimeout = lockTimeout
    // A timeout of a year is as good as forever, and cannot overflow the clock.
    let bounded = min(max(lockTimeout, .zero), .seconds(365 * 24 * 3600))
    deadline = ContinuousClock.now.advanced(by: bounded)
  }

  /// Runs `step`, and again after a pause while it fails because the database is locked and
  /// the lock timeout has not passed.
  ///
  /// The pauses block the calling thread, like the busy timeout of the steps themselves: the
  /// recorders' initializers are synchronous.
  ///
  /// - Throws: The step's failure; when the database stayed locked for the whole lock timeout,
  ///   an `SQLiteFailure` with the lock's code whose message says that it outlasted the
  ///   timeout.
  func run<Result>(_ step: () throws -> Result) throws -> Result {
    var pause = Duration.milliseconds(1)
    while true {
      do {
        return try step()
      } catch let failure as SQLiteFailure where failure.isLockContention {
        let left = deadline - ContinuousClock.now
        guard left > .zero else {
          throw SQLiteFailure(
            code: failure.code,
            message: "\(failure.message): another connection held the lock for longer than "
              + "the lock timeout of \(lockTimeout)")
        }
        Thread.sleep(forTimeInterval: Self.seconds(min(pause * Double.random(in: 0.5...1), left)))
        pause = min(pause * 2, Self.longestPause)
      }
    }
  }

  private static func seconds(_ duration: Duration) -> TimeInterval {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
  }
}
