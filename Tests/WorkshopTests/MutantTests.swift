import Testing
import WorkshopKit

@Suite("Kept mistakes: reading, applying and judging them")
struct MutantTests {
  let catalog = """
    # A comment.
    ## Task 2: numbers a new event pendingEvents.count + 1
    @@ Dog.swift
    -    let next = version + 1
    +    let next = pendingEvents.count + 1

    ## Task 3: forgets to clear, and adds a blank line
    @@ Dog.swift
    -    pendingEvents = []
    +
    @@ Other.swift
    -  a
    -
    -  b
    """

  @Test("A catalog gives each mutant its task, description, line and changes")
  func parsesACatalog() throws {
    let mutants = try MutantCatalog.parse(catalog)
    #expect(mutants.map(\.task) == [2, 3])
    #expect(mutants.map(\.line) == [2, 7])
    #expect(mutants[0].description == "numbers a new event pendingEvents.count + 1")
    #expect(
      mutants[0].changes
        == [.init(file: "Dog.swift", find: ["    let next = version + 1"], replace: ["    let next = pendingEvents.count + 1"])])
    #expect(mutants[1].changes.map(\.file) == ["Dog.swift", "Other.swift"])
    #expect(mutants[1].changes[0].replace == [""])
    #expect(mutants[1].changes[1].find == ["  a", "", "  b"])
    #expect(mutants[1].changes[1].replace.isEmpty)
  }

  @Test("A line that fits no part of the format is named")
  func rejectsMalformedLines() {
    #expect(throws: MutantError.malformedLine(2, "oops")) {
      try MutantCatalog.parse("## Task 1: x\noops")
    }
    #expect(throws: MutantError.outsideMutant(line: 1)) { try MutantCatalog.parse("@@ Dog.swift") }
    #expect(throws: MutantError.outsideMutant(line: 2)) {
      try MutantCatalog.parse("## Task 1: x\n-a")
    }
    #expect(throws: MutantError.emptyMutant(line: 1)) { try MutantCatalog.parse("## Task 1: x") }
    #expect(throws: MutantError.malformedLine(1, "## Task one: x")) {
      try MutantCatalog.parse("## Task one: x")
    }
    #expect(throws: MutantError.malformedLine(4, "-b")) {
      try MutantCatalog.parse("## Task 1: x\n@@ A.swift\n+a\n-b")
    }
  }

  @Test("Applying replaces whole lines found exactly once, and refuses anything else")
  func appliesChanges() throws {
    let mutant = try #require(try MutantCatalog.parse(catalog).first)
    let files = ["Dog.swift": "struct Dog {\n    let next = version + 1\n}\n"]
    #expect(
      try mutant.applied(to: files)
        == ["Dog.swift": "struct Dog {\n    let next = pendingEvents.count + 1\n}\n"])
    #expect(throws: MutantError.missingFile("Dog.swift", mutantLine: 2)) {
      try mutant.applied(to: [:])
    }
    let twice = ["Dog.swift": "    let next = version + 1\n    let next = version + 1\n"]
    #expect(
      throws: MutantError.linesNotFoundOnce(file: "Dog.swift", occurrences: 2, mutantLine: 2)
    ) { try mutant.applied(to: twice) }
    // Only whole lines count: the text inside a longer line is not a match.
    let partial = ["Dog.swift": "  //    let next = version + 1\n"]
    #expect(
      throws: MutantError.linesNotFoundOnce(file: "Dog.swift", occurrences: 0, mutantLine: 2)
    ) { try mutant.applied(to: partial) }
  }

  @Test("A mutant is caught only by a failing test of its own task that names the task")
  func judgesMutants() {
    func test(_ name: String, _ status: TestOutcome.Status, _ message: String = "") -> TestOutcome {
      TestOutcome(
        id: "T.\(name)", displayName: name, status: status,
        issues: message.isEmpty ? [] : [TestIssue(message: message)])
    }
    let task1 = test("Task 1: a", .passed)
    let caught = TestRun(
      tests: [task1, test("Task 2: b", .failed, "Task 2: b should hold."), test("Task 3: c", .failed, "Task 3: c")],
      didStart: true, didFinish: true)
    #expect(MutantVerdict.judge(caught, mutantTask: 2) == .caught(by: ["Task 2: b"]))
    #expect(!MutantVerdict.judge(caught, mutantTask: 3).isCaught, "an earlier task fails first")
    #expect(!MutantVerdict.judge(caught, mutantTask: 1).isCaught, "its own task passes")

    let unnamed = TestRun(
      tests: [task1, test("Task 2: b", .failed, "expected 3")], didStart: true, didFinish: true)
    #expect(!MutantVerdict.judge(unnamed, mutantTask: 2).isCaught, "the message names no task")

    let survived = TestRun(
      tests: [task1, test("Setup: s", .failed, "Setup: wrong folder")], didStart: true,
      didFinish: true)
    #expect(!MutantVerdict.judge(survived, mutantTask: 1).isCaught, "only a setup test fails")

    let crashed = TestRun(
      tests: [test("Task 2: b", .didNotFinish)], didStart: true, didFinish: false)
    #expect(!MutantVerdict.judge(crashed, mutantTask: 2).isCaught, "a crash is not a catch")
    #expect(!MutantVerdict.judge(TestRun(), mutantTask: 2).isCaught, "nor is a compile error")
    #expect(!MutantVerdict.judge(caught, mutantTask: 2, stalled: true).isCaught, "nor a hang")
  }

  @Test("A crash report names the exercise file, not the module path")
  func crashNamesTheExerciseFile() throws {
    let chapter = try #require(Chapters.chapter(3))
    let renderer = ReportRenderer(palette: Palette(isEnabled: false))
    let report = renderer.report(
      for: chapter,
      result: .crashed(
        tasks: [], output: ["Chapter03/InMemoryEventStore.swift:30: Fatal error: boom"]))
    #expect(report.contains("Exercises/03-EventStore/InMemoryEventStore.swift:30: Fatal error"))
    #expect(!report.contains(" Chapter03/"))
  }
}
