import Testing
import WorkshopKit

@Suite("Chapter table, code blocks, versions and verify rules")
struct KitPartsTests {
  @Test("The chapter table is numbered in order and each chapter has hints")
  func chapterTable() {
    let chapters = Chapters.all
    // In order and starting at 1; a chapter may be missing while it is being written.
    #expect(chapters.first?.number == 1)
    #expect(zip(chapters, chapters.dropFirst()).allSatisfy { $0.number < $1.number })
    for chapter in chapters {
      #expect(chapter.folder.hasPrefix(chapter.paddedNumber + "-"))
      #expect(!chapter.hints.isEmpty && chapter.hints.values.allSatisfy { !$0.isEmpty })
    }
    #expect(Chapters.chapter(1)?.testTarget == "Chapter01Tests")
  }

  @Test("Swift blocks are found; other languages and no-check blocks are not")
  func snippets() {
    let text = """
      Intro
      ```swift
      func a() {}
      ```
      ```sh
      swift run
      ```
      ```swift no-check
      fragment(
      ```
        ```swift
        let b = 1
        ```
      """
    let found = SnippetExtractor.snippets(in: text)
    #expect(found.map(\.line) == [2, 11])
    #expect(found.first?.code == "func a() {}\n")
  }

  @Test("Swift versions are read from `swift --version`")
  func versions() {
    let linux = SwiftVersion(output: "Swift version 6.3.1 (swift-6.3.1-RELEASE)\nTarget: x86_64")
    #expect(linux == SwiftVersion(major: 6, minor: 3, patch: 1))
    let apple = SwiftVersion(output: "Apple Swift version 6.1 (swiftlang-6.1.0.110.21)")
    #expect(apple == SwiftVersion(major: 6, minor: 1))
    #expect(SwiftVersion(major: 6, minor: 0, patch: 3) < SwiftVersion(major: 6, minor: 1))
    #expect(SwiftVersion(output: "command not found") == nil)
  }

  @Test("Verify flags starter tests that pass or do not name their task")
  func starterRules() {
    let run = TestRun(
      tests: [
        TestOutcome(id: "a", displayName: "Task 1: a", status: .passed),
        TestOutcome(
          id: "b", displayName: "Task 2: b", status: .failed, issues: [TestIssue(message: "oops")]),
        TestOutcome(
          id: "c", displayName: "Task 3: c", status: .failed,
          issues: [TestIssue(message: "Task 3: do c")]),
      ], didStart: true, didFinish: true)
    #expect(VerifyRules.starterProblems(run).count == 2)
    #expect(VerifyRules.solutionProblems(run).count == 2)
    #expect(VerifyRules.starterProblems(TestRun()).count == 1)
  }

  @Test("The report names the next task and the way out of a broken build")
  func report() {
    let renderer = ReportRenderer(palette: Palette(isEnabled: false))
    let chapter = Chapters.all[0]
    let broken = renderer.report(for: chapter, result: .doesNotCompile(errors: ["e"]))
    #expect(broken.contains("workshop reset 1"))
    let failing = ChapterResult.failing(
      tasks: [
        TaskSummary(
          task: 1,
          tests: [
            TestOutcome(
              id: "x", displayName: "Task 1: x", status: .failed,
              issues: [TestIssue(message: "Task 1: keep the name.")])
          ])
      ], setupProblems: [])
    let text = renderer.report(for: chapter, result: failing)
    #expect(text.contains("Next: Task 1") && text.contains("Task 1: keep the name."))
    #expect(!text.contains("\u{1B}["))
  }
}
