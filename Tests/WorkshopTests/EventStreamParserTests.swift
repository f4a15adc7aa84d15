import Testing
import WorkshopKit

@Suite("Reading Swift Testing's event stream")
struct EventStreamParserTests {
  let first = "Chapter01Tests.S/a()/T.swift:6:4"
  let second = "Chapter01Tests.S/b()/T.swift:9:4"

  @Test("Passing and failing tests, with their messages")
  func passesAndFailures() {
    let lines = [
      StreamFixture.suite("Chapter01Tests.S"),
      StreamFixture.test(first, "Task 1: a new dog has its name"),
      StreamFixture.test(second, "Task 2: addTrick adds the trick"),
      StreamFixture.event("runStarted"),
      StreamFixture.event("testStarted", testID: first),
      StreamFixture.event("testStarted", testID: second),
      StreamFixture.issue(
        testID: second, comment: "Task 2: addTrick should append.", failure: "(a → []) == [1]"),
      StreamFixture.issue(testID: second, comment: nil, failure: "Caught error: Task 2: not yet."),
      StreamFixture.event("testEnded", testID: first, symbol: "pass"),
      StreamFixture.event("testEnded", testID: second, symbol: "fail"),
      StreamFixture.event("runEnded", symbol: "fail"),
      "not json at all",
    ]
    let run = EventStreamParser.parse(lines.joined(separator: "\n"))
    #expect(run.didStart && run.didFinish && run.isComplete)
    #expect(run.tests.map(\.status) == [.passed, .failed])
    #expect(run.tests.map(\.task) == [1, 2])
    #expect(run.tests[1].behaviour == "addTrick adds the trick")
    #expect(
      run.tests[1].issues == [
        TestIssue(message: "Task 2: addTrick should append.", detail: "(a → []) == [1]"),
        TestIssue(message: "Task 2: not yet."),
      ])
    #expect(!run.allPassed)
  }

  @Test("A skipped test is reported as skipped, not as a crash, and does not count as passed")
  func skipped() {
    let lines = [
      StreamFixture.test(first, "Task 1: a new dog has its name"),
      StreamFixture.event("runStarted"),
      StreamFixture.event("testSkipped", testID: first),
      StreamFixture.event("runEnded", symbol: "pass"),
    ]
    let run = EventStreamParser.parse(lines.joined(separator: "\n"))
    #expect(run.isComplete)
    #expect(run.tests.map(\.status) == [.skipped])
    #expect(!run.allPassed)
    #expect(VerifyRules.solutionProblems(run).first?.contains("was skipped") == true)
  }

  @Test("A run that stops early is incomplete")
  func crash() {
    let lines = [
      StreamFixture.test(first, "Task 1: a"),
      StreamFixture.test(second, "Task 2: b"),
      StreamFixture.event("runStarted"),
      StreamFixture.event("testEnded", testID: first, symbol: "pass"),
    ]
    let run = EventStreamParser.parse(lines.joined(separator: "\n"))
    #expect(run.didStart && !run.didFinish && !run.isComplete)
    #expect(run.tests.map(\.status) == [.passed, .didNotFinish])
  }

  @Test("Known issues do not fail a test")
  func knownIssues() {
    let lines = [
      StreamFixture.test(first, "Task 1: a"),
      StreamFixture.event("runStarted"),
      StreamFixture.issue(testID: first, comment: nil, failure: "known", isKnown: true),
      StreamFixture.event("testEnded", testID: first, symbol: "pass"),
      StreamFixture.event("runEnded"),
    ]
    #expect(EventStreamParser.parse(lines.joined(separator: "\n")).allPassed)
  }

  @Test("Restricting a run to one test target")
  func restriction() {
    let lines = [
      StreamFixture.test(first, "Task 1: a"),
      StreamFixture.test("Chapter02Tests.S/c()/T.swift:1:1", "Task 1: c"),
    ]
    let run = EventStreamParser.parse(lines.joined(separator: "\n"))
    #expect(run.restricted(toTarget: "Chapter01Tests").tests.map(\.id) == [first])
    #expect(run.restricted(toTarget: "Chapter0").tests.isEmpty)
  }
}
