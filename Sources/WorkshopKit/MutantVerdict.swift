/// How a chapter's tests met one mutant.
public enum MutantVerdict: Sendable, Equatable {
  /// A test of the mutant's task failed, naming that task, and no test of an earlier task
  /// did: the display names of the task's failing tests.
  case caught(by: [String])
  /// The tests did not catch the mistake the way a learner needs: why, in a sentence.
  case missed(String)

  /// Whether the mutant was caught.
  public var isCaught: Bool {
    if case .caught = self { return true }
    return false
  }

  /// Judges a run of a chapter's tests on a mutant of the given task.
  ///
  /// A compile error, a crash or a hang does not count as caught: a learner who makes the
  /// mistake should read a test's message that sends them to the task where it is.
  public static func judge(_ run: TestRun, mutantTask task: Int, stalled: Bool = false)
    -> MutantVerdict
  {
    if !run.didStart { return .missed("it does not compile, so the tests never ran") }
    if stalled { return .missed("the tests hung on it and were stopped") }
    if !run.isComplete { return .missed("the test process crashed on it") }
    let failing = run.tests.filter { $0.status == .failed && $0.task != nil }
    guard let first = failing.compactMap(\.task).min() else {
      return .missed("every task's tests pass on it")
    }
    if first < task {
      let names = failing.filter { $0.task == first }.map { "“\($0.displayName)”" }
      return .missed(
        "a test of an earlier task fails first (\(names.joined(separator: ", "))), so the "
          + "report sends the learner to Task \(first) instead of Task \(task)")
    }
    if first > task {
      return .missed(
        "no test of Task \(task) fails; the first failing test is of Task \(first)")
    }
    let own = failing.filter { $0.task == task }
    let named = own.filter { test in
      test.issues.contains { $0.message.hasPrefix("Task \(task):") }
    }
    guard !named.isEmpty else {
      return .missed(
        "Task \(task)'s failing tests give no message starting “Task \(task):” "
          + "(\(own.map { "“\($0.displayName)”" }.joined(separator: ", ")))")
    }
    return .caught(by: named.map(\.displayName))
  }
}
