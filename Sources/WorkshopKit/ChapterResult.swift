/// The outcome of running one chapter's tests, as the learner should hear it.
public enum ChapterResult: Sendable, Equatable {
  /// Every test passed.
  case passed(tasks: [TaskSummary])
  /// The tests ran; some failed.
  case failing(tasks: [TaskSummary], setupProblems: [TestOutcome])
  /// The chapter's code (or its tests) did not compile: the compiler's first errors.
  case doesNotCompile(errors: [String])
  /// The test process stopped before all tests ended, for example on a crash or a trap.
  case crashed(tasks: [TaskSummary], output: [String])
  /// The tests made no progress for `seconds` and were stopped: most likely code that never
  /// returns, such as an endless loop.
  case stalled(tasks: [TaskSummary], seconds: Int)

  /// Judges a chapter from its part of a test run and the test command's output.
  ///
  /// - Parameters:
  ///   - run: The chapter's tests, read from the event stream.
  ///   - output: The test command's combined output, for compiler errors and crash reports.
  ///   - stalledAfter: The seconds without progress after which the test command was stopped,
  ///     when it was.
  public static func judge(run: TestRun, output: String, stalledAfter: Int? = nil)
    -> ChapterResult
  {
    guard run.didStart else {
      return .doesNotCompile(errors: CompilerOutput.errors(in: output))
    }
    let tasks = TaskSummary.summaries(of: run.tests)
    if let stalledAfter { return .stalled(tasks: tasks, seconds: stalledAfter) }
    guard run.isComplete, !run.tests.isEmpty else {
      return .crashed(tasks: tasks, output: CompilerOutput.crashLines(in: output))
    }
    if run.allPassed { return .passed(tasks: tasks) }
    let setupProblems = run.tests.filter { $0.task == nil && $0.status != .passed }
    return .failing(tasks: tasks, setupProblems: setupProblems)
  }

  /// The short status kept between runs and shown in the overview.
  public var status: ChapterStatus {
    switch self {
    case .passed(let tasks):
      ChapterStatus(kind: .passed, tasksDone: tasks.count, taskCount: tasks.count)
    case .failing(let tasks, _):
      ChapterStatus(
        kind: .failing, tasksDone: tasks.filter(\.isDone).count, taskCount: tasks.count,
        nextTask: tasks.first { !$0.isDone }?.task)
    case .doesNotCompile:
      ChapterStatus(kind: .doesNotCompile)
    case .crashed:
      ChapterStatus(kind: .crashed)
    case .stalled:
      ChapterStatus(kind: .stalled)
    }
  }
}
