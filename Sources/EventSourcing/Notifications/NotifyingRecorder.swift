/// An ``ApplicationRecorder`` that tells its listeners when new notifications are recorded,
/// by this process or any other, so that a follower waits for news instead of polling.
///
/// Conforming types must:
/// - first yield the largest notification ID recorded once the stream is listening, so that
///   a follower that catches up on each value misses nothing recorded before;
/// - then yield, after each insert commits, an ID at least as large as the largest it gave;
///   several inserts may be told as one.
///
/// ```swift
/// for try await _ in recorder.newNotificationIDs() {
///   try await follower.catchUp()
/// }
/// ```
public protocol NotifyingRecorder: ApplicationRecorder {
  /// The largest notification ID now, then after each new insert; ends when the task that
  /// iterates it is cancelled, and throws when the recorder can no longer listen.
  func newNotificationIDs() -> AsyncThrowingStream<Int, any Error>
}
