import Testing
import WorkshopKit

@Suite("Judging a chapter's run and tracking progress")
struct ChapterResultTests {
  func outcome(_ name: String, _ status: TestOutcome.Status) -> TestOutcome {
    TestOutcome(
      id: "Chapter01Tests.\(name)", displayName: name, status: status,
      issues: status == .failed ? [TestIssue(message: "Task: \(name)")] : [])
  }

  @Test("No run at all means the code does not compile")
  func doesNotCompile() {
    let output = "/x/Exercises/01-PlainDog/Dog.swift:3:1: error: expected '}'\nerror: fatalError"
    let result = ChapterResult.judge(run: TestRun(), output: output)
    #expect(result == .doesNotCompile(errors: ["Exercises/01-PlainDog/Dog.swift:3:1: error: expected '}'"]))
    #expect(result.status.kind == .doesNotCompile)
  }

  @Test("A run that did not finish is a crash")
  func crashed() {
    let run = TestRun(tests: [outcome("Task 1: a", .didNotFinish)], didStart: true)
    guard case .crashed = ChapterResult.judge(run: run, output: "") else {
      Issue.record("expected a crash")
      return
    }
  }

  @Test("A run stopped for making no progress is judged stalled, not crashed")
  func stalled() {
    var running = outcome("Task 1: a", .didNotFinish)
    running.didStart = true
    let run = TestRun(tests: [running], didStart: true)
    let result = ChapterResult.judge(run: run, output: "", stalledAfter: 120)
    guard case .stalled(let tasks, let seconds) = result else {
      Issue.record("expected a stalled run, got \(result)")
      return
    }
    #expect(seconds == 120)
    #expect(tasks.flatMap(\.tests) == [running])
    #expect(result.status.kind == .stalled)
  }

  @Test("Tasks are grouped in order, and the first unfinished one is next")
  func failing() {
    let run = TestRun(
      tests: [
        outcome("Task 2: b", .failed), outcome("Task 1: a", .passed),
        outcome("Task 2: c", .passed), outcome("Task 3: d", .failed),
        outcome("Setup: e", .passed),
      ], didStart: true, didFinish: true)
    let result = ChapterResult.judge(run: run, output: "")
    guard case .failing(let tasks, let setup) = result else {
      Issue.record("expected failing, got \(result)")
      return
    }
    #expect(tasks.map(\.task) == [1, 2, 3])
    #expect(tasks.map(\.isDone) == [true, false, false])
    #expect(setup.isEmpty)
    #expect(result.status == ChapterStatus(kind: .failing, tasksDone: 1, taskCount: 3, nextTask: 2))
  }

  @Test("All tests passing is a passed chapter")
  func passed() {
    let run = TestRun(
      tests: [outcome("Task 1: a", .passed), outcome("Setup: b", .passed)], didStart: true,
      didFinish: true)
    #expect(ChapterResult.judge(run: run, output: "").status.isPassed)
  }

  @Test("Progress: the first chapter not passed is the next one")
  func progress() {
    var state = WorkshopState()
    let chapters = Chapters.all
    #expect(state.firstUnfinished(in: chapters) == chapters.first)
    state.statuses["01"] = ChapterStatus(kind: .passed)
    state.statuses["02"] = ChapterStatus(kind: .failing)
    #expect(state.firstUnfinished(in: chapters)?.number == 2)
    for chapter in chapters { state.statuses[chapter.paddedNumber] = ChapterStatus(kind: .passed) }
    #expect(state.firstUnfinished(in: chapters) == nil)
  }

  @Test("Hints come one at a time and are remembered")
  func hints() throws {
    let chapter = Chapter(number: 7, folder: "07-X", title: "X", hints: [1: ["a", "b"]])
    var state = WorkshopState()
    #expect(state.nextHint(for: chapter, task: 1)?.text == "a")
    #expect(state.nextHint(for: chapter, task: 1)?.text == "b")
    #expect(state.nextHint(for: chapter, task: 1) == nil)
    #expect(state.hintsShown == ["07.1": 2])
  }
}
