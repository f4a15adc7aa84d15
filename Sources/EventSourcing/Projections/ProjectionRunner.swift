import Synchronization

/// Keeps a follower up to date while the followed application writes.
///
/// The runner catches up in a background task, then waits for new notifications. When the
/// followed log's recorder is a ``NotifyingRecorder`` (the in-memory, SQLite and PostgreSQL
/// recorders are), the runner catches up each time it is told of news and otherwise does
/// nothing; with another recorder it looks every `pollInterval`. A failure is kept in
/// ``lastError`` and retried after `pollInterval`, so a passing database hiccup does not stop
/// the projection.
///
/// ```swift
/// let runner = ProjectionRunner(follower: follower)
/// runner.start()
/// // … the leader saves …
/// try await runner.waitUntilProcessed(through: try await leader.notificationLog.maxNotificationID())
/// await runner.stop()
/// ```
public final class ProjectionRunner<P: Projection>: Sendable {
  /// The follower this runner drives.
  public let follower: Follower<P>
  /// How long the runner waits before it tries again after a failure, and, when the followed
  /// recorder does not tell of new notifications, between looks for them.
  public let pollInterval: Duration

  private struct State {
    var task: Task<Void, Never>?
    var lastError: (any Error)?
  }

  private let state = Mutex(State())

  /// Creates a runner for a follower; it does nothing until ``start()``.
  public init(follower: Follower<P>, pollInterval: Duration = .milliseconds(50)) {
    self.follower = follower
    self.pollInterval = pollInterval
  }

  /// The error of the latest attempt to catch up, or `nil` when it succeeded.
  public var lastError: (any Error)? { state.withLock { $0.lastError } }

  /// Starts following in the background; does nothing when already started.
  public func start() {
    state.withLock { state in
      guard state.task == nil else { return }
      // The task holds the runner weakly, so that a runner nobody refers to any more stops.
      let runner: @Sendable () -> ProjectionRunner? = { [weak self] in self }
      state.task = Task { [follower, pollInterval] in
        if let notifying = follower.log.recorder as? any NotifyingRecorder {
          await Self.follow(notifying, with: follower, retryAfter: pollInterval, runner: runner)
        } else {
          await Self.poll(with: follower, every: pollInterval, runner: runner)
        }
      }
    }
  }

  /// Catches up each time the recorder tells of news; listens again after a failure.
  private static func follow(
    _ recorder: any NotifyingRecorder, with follower: Follower<P>, retryAfter delay: Duration,
    runner: @Sendable () -> ProjectionRunner?
  ) async {
    while !Task.isCancelled {
      do {
        for try await _ in recorder.newNotificationIDs() {
          // Until it succeeds: the stream tells of news once, and may stay quiet for long.
          while !Task.isCancelled {
            guard let outcome = await catchUp(follower, runner: runner) else { return }
            if outcome { break }
            try? await Task.sleep(for: delay)
          }
        }
      } catch {
        guard let runner = runner() else { return }
        runner.state.withLock { $0.lastError = error }
      }
      try? await Task.sleep(for: delay)
    }
  }

  /// Catches up every `interval`, for a recorder that does not tell of news.
  private static func poll(
    with follower: Follower<P>, every interval: Duration,
    runner: @Sendable () -> ProjectionRunner?
  ) async {
    while !Task.isCancelled {
      guard await catchUp(follower, runner: runner) != nil else { return }
      try? await Task.sleep(for: interval)
    }
  }

  /// Catches up once and keeps the outcome in the runner: whether it succeeded, or `nil` when
  /// the runner is gone.
  private static func catchUp(
    _ follower: Follower<P>, runner: @Sendable () -> ProjectionRunner?
  ) async -> Bool? {
    let outcome: (any Error)?
    do {
      try await follower.catchUp()
      outcome = nil
    } catch {
      outcome = error
    }
    guard let runner = runner() else { return nil }
    runner.state.withLock { $0.lastError = outcome }
    return outcome == nil
  }

  /// Stops following and waits for the current step to finish.
  public func stop() async {
    let task = state.withLock { state in
      defer { state.task = nil }
      return state.task
    }
    task?.cancel()
    await task?.value
  }

  /// Waits until the view has processed the given notification.
  ///
  /// - Throws: ``ProjectionRunnerError/timedOut(position:target:)`` when that takes longer
  ///   than `timeout`, with the last error the runner met, if any.
  public func waitUntilProcessed(
    through notificationID: Int, timeout: Duration = .seconds(10)
  ) async throws {
    let deadline = ContinuousClock.now + timeout
    while true {
      let position = try await follower.position()
      if position >= notificationID { return }
      guard ContinuousClock.now < deadline else {
        throw ProjectionRunnerError.timedOut(
          position: position, target: notificationID, lastError: lastError.map { "\($0)" })
      }
      try await Task.sleep(for: .milliseconds(5))
    }
  }

  deinit {
    state.withLock { $0.task?.cancel() }
  }
}

/// An error waiting for a projection runner.
public enum ProjectionRunnerError: Error, Equatable, CustomStringConvertible {
  /// The view did not reach the target position in time.
  case timedOut(position: Int, target: Int, lastError: String?)

  public var description: String {
    switch self {
    case .timedOut(let position, let target, let lastError):
      "The projection reached notification \(position), not \(target), in time"
        + (lastError.map { ": its last error was \($0)" } ?? ".")
    }
  }
}
