import Synchronization

/// Tells the listeners in this process the largest notification ID after each insert: the
/// in-process half of ``NotifyingRecorder`` for recorders whose writes all pass through one
/// object, such as ``InMemoryRecorder`` and ``SQLiteRecorder``.
///
/// Each listener's stream first yields the largest ID when it starts listening, then a value
/// after each insert that is told, never a smaller one than it gave before. It keeps only the
/// newest value while its reader is busy: IDs only grow, so a reader that catches up on the
/// newest one misses nothing.
final class NotificationSignal: Sendable {
  private struct Listener {
    let continuation: AsyncThrowingStream<Int, any Error>.Continuation
    /// The largest value yielded so far; -1 before the first.
    var largest = -1
  }

  private struct State {
    var listeners: [Int: Listener] = [:]
    var nextKey = 0
  }

  private let state = Mutex(State())

  /// Creates a signal without listeners.
  init() {}

  /// Tells every listener that notifications up to `maxID` are recorded.
  func tell(_ maxID: Int) {
    state.withLock { state in
      for key in state.listeners.keys { Self.deliver(maxID, to: key, in: &state) }
    }
  }

  /// A new listener's stream.
  ///
  /// - Parameters:
  ///   - current: Reads the largest notification ID from the recorder; called once the
  ///     listener is registered, so that nothing recorded in between is missed, and again at
  ///     each `recheckInterval`.
  ///   - recheckInterval: When given, how often `current` is read again, for writes that do not
  ///     pass through this signal, such as another process's writes to the same database.
  func stream(
    current: @escaping @Sendable () async throws -> Int, recheckInterval: Duration? = nil
  ) -> AsyncThrowingStream<Int, any Error> {
    let (stream, continuation) = AsyncThrowingStream.makeStream(
      of: Int.self, bufferingPolicy: .bufferingNewest(1))
    let key = state.withLock { state in
      let key = state.nextKey
      state.nextKey += 1
      state.listeners[key] = Listener(continuation: continuation)
      return key
    }
    let reader = Task { [self] in
      do {
        repeat {
          let maxID = try await current()
          state.withLock { Self.deliver(maxID, to: key, in: &$0) }
          guard let recheckInterval else { return }
          try await Task.sleep(for: recheckInterval)
        } while !Task.isCancelled
      } catch is CancellationError {
        continuation.finish()
      } catch {
        continuation.finish(throwing: error)
      }
    }
    continuation.onTermination = { [weak self] _ in
      reader.cancel()
      self?.state.withLock { _ = $0.listeners.removeValue(forKey: key) }
    }
    return stream
  }

  /// Yields `maxID` to one listener unless it already gave as much; must run under the lock,
  /// so that the values of each stream only grow.
  private static func deliver(_ maxID: Int, to key: Int, in state: inout State) {
    guard var listener = state.listeners[key], maxID > listener.largest else { return }
    listener.largest = maxID
    state.listeners[key] = listener
    listener.continuation.yield(maxID)
  }
}
