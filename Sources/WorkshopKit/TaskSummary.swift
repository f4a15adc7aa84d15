/// How far one task of a chapter is: its tests and whether they all pass.
public struct TaskSummary: Sendable, Equatable {
  /// The task number, as in the chapter text.
  public let task: Int
  /// The task's tests, in the order they are declared.
  public let tests: [TestOutcome]

  /// Creates a summary.
  public init(task: Int, tests: [TestOutcome]) {
    self.task = task
    self.tests = tests
  }

  /// Whether every test of the task passed.
  public var isDone: Bool { tests.allSatisfy { $0.status == .passed } }

  /// The tests that did not pass.
  public var failingTests: [TestOutcome] { tests.filter { $0.status != .passed } }

  /// Groups a chapter's tests by task, in task order. Tests without "Task N:" are left out.
  public static func summaries(of tests: [TestOutcome]) -> [TaskSummary] {
    let byTask = Dictionary(grouping: tests.filter { $0.task != nil }) { $0.task ?? 0 }
    return byTask.keys.sorted().map { TaskSummary(task: $0, tests: byTask[$0] ?? []) }
  }
}
