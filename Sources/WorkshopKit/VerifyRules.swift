/// What `workshop verify` demands of each chapter's test runs, as pure functions.
public enum VerifyRules {
  /// Problems with a chapter's run against its reference solution: every test must pass.
  public static func solutionProblems(_ run: TestRun) -> [String] {
    if let problem = runProblem(run) { return [problem] }
    return run.tests.filter { $0.status != .passed }.map {
      $0.status == .skipped
        ? "“\($0.displayName)” was skipped: a check that does not run proves nothing"
        : "“\($0.displayName)” fails: \($0.issues.first?.message ?? "no message")"
    }
  }

  /// Problems with a chapter's run against its untouched starter code: it must compile and
  /// run to the end, and every task test must fail with a message naming its task.
  public static func starterProblems(_ run: TestRun) -> [String] {
    if let problem = runProblem(run) { return [problem] }
    let taskTests = run.tests.filter { $0.task != nil }
    guard !taskTests.isEmpty else { return ["no test is named “Task N: …”"] }
    var problems: [String] = []
    for test in taskTests {
      if test.status == .passed {
        problems.append("“\(test.displayName)” already passes on the starter code")
      } else if !test.issues.contains(where: { $0.message.hasPrefix("Task ") }) {
        problems.append("“\(test.displayName)” fails without a message naming its task")
      }
    }
    for test in run.tests where test.task == nil && test.status != .passed {
      problems.append("“\(test.displayName)” fails: \(test.issues.first?.message ?? "no message")")
    }
    return problems
  }

  // A run that did not compile, crashed, or has no tests at all.
  private static func runProblem(_ run: TestRun) -> String? {
    if !run.didStart { return "the tests did not start: the code does not compile" }
    if run.tests.isEmpty { return "no tests ran" }
    if !run.isComplete {
      let ended = run.tests.filter { $0.status != .didNotFinish }.count
      return "the test process stopped early (crash): \(ended) of \(run.tests.count) tests ended"
    }
    return nil
  }
}
