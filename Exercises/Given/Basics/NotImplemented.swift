/// Thrown by the starter code where a task is still to be written.
///
/// The starter code throws this, or returns an empty value, instead of crashing, so that
/// every test runs and tells you which task it is waiting for.
public struct NotImplemented: Error, CustomStringConvertible {
  /// The task in the chapter text.
  public let task: Int
  /// What is missing.
  public let what: String

  /// Names the task and what it still has to write.
  public init(task: Int, what: String) {
    self.task = task
    self.what = what
  }

  /// A sentence for the test report.
  public var description: String { "Task \(task): \(what) is not written yet." }
}
