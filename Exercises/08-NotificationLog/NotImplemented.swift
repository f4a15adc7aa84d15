/// Thrown by the starter code where a task is still to be written.
///
/// The starter code throws this, or returns an empty value, instead of crashing, so that
/// every test runs and tells you which task it is waiting for.
struct NotImplemented: Error, CustomStringConvertible {
  /// The task in the chapter text.
  let task: Int
  /// What is missing.
  let what: String

  var description: String { "Task \(task): \(what) is not written yet." }
}
