internal import EventSourcing
internal import ServiceLifecycle

/// Waits, for a long poll, until a log's newest notification ID is above a given one.
struct NewNotificationWaiter {
  let log: NotificationLog
  let pollInterval: Duration

  /// The newest ID as soon as it is above `after`, or as it is once `wait` has passed or the
  /// server begins to shut down gracefully.
  func newestID(after: Int, waitingAtMost wait: Duration) async throws -> Int {
    let newest = try await log.maxNotificationID()
    guard newest <= after, wait > .zero else { return newest }
    // A server shutting down gracefully waits for the requests it is answering, so a long
    // poll stops waiting then and answers with what there is, as when its wait runs out.
    do {
      return try await cancelWhenGracefulShutdown { [self] in
        if let recorder = log.recorder as? any NotifyingRecorder {
          return try await listen(to: recorder, after: after, wait: wait)
        }
        return try await poll(after: after, wait: wait)
      }
    } catch is CancellationError {
      return try await log.maxNotificationID()
    }
  }

  // A notifying recorder tells of each insert, so the poll answers at once.
  private func listen(to recorder: any NotifyingRecorder, after: Int, wait: Duration)
    async throws -> Int
  {
    try await withThrowingTaskGroup(of: Int?.self) { group in
      group.addTask {
        for try await id in recorder.newNotificationIDs() where id > after { return id }
        return nil
      }
      group.addTask {
        try await Task.sleep(for: wait)
        return nil
      }
      let first = try await group.next() ?? nil
      group.cancelAll()
      if let first { return first }
      return try await log.maxNotificationID()
    }
  }

  // Any other recorder is asked again every `pollInterval`: cheap, since it is local.
  private func poll(after: Int, wait: Duration) async throws -> Int {
    let deadline = ContinuousClock.now + wait
    while true {
      let newest = try await log.maxNotificationID()
      if newest > after || ContinuousClock.now >= deadline { return newest }
      try await Task.sleep(for: min(pollInterval, deadline - ContinuousClock.now))
    }
  }
}
