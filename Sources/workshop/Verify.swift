import ArgumentParser
import Foundation
import WorkshopKit

extension Workshop {
  /// The maintainers' check: solutions pass, untouched exercises fail cleanly, texts compile.
  struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Check the library and every chapter (for maintainers and CI).",
      discussion: """
        The library's and the kit's own tests pass; every reference solution passes its tests;
        every untouched exercise compiles and its tests all run and fail, each naming its task;
        every Swift block in the chapter texts compiles against the chapter's solution; the
        chapters' tests catch every kept mistake in Tests/Mutants/ at its task and pass every
        alternative solution in Tests/Alternatives/. Ends with a line "N passed, N failed".
        """)

    func run() throws {
      let clock = ContinuousClock()
      let started = clock.now
      let kit = try Kit()
      var tally = Tally(palette: kit.palette)
      let chapters = Chapters.all

      print(kit.palette.bold("Chapter layout"))
      for chapter in chapters {
        tally.check("chapter \(chapter.paddedNumber) has its folders, text and hints", layoutProblems(chapter, root: kit.root))
      }
      let status = try Shell.run(["git", "status", "--porcelain", "--", "Exercises"], in: kit.root)
      tally.check(
        "the exercises are untouched (as committed)",
        !status.succeeded
          ? ["git status failed: \(status.output)"]
          : status.output.split(whereSeparator: \.isNewline).map { "changed: \($0)" })

      print(kit.palette.bold("The library's and the kit's own tests (.build-kit)"))
      let kitOutcome = try TestCommand(root: kit.root).runKit()
      var kitProblems = VerifyRules.solutionProblems(kitOutcome.run)
      if !kitOutcome.run.didStart { kitProblems += CompilerOutput.errors(in: kitOutcome.shell.output) }
      tally.check("the library's and the kit's \(kitOutcome.run.tests.count) tests pass", kitProblems)

      print(kit.palette.bold("Reference solutions (.build-chapters-solutions)"))
      let solutions = try TestCommand(root: kit.root).run(chapters: nil, solutions: true)
      tally.check(
        "the reference solutions and their tests build without warnings",
        CompilerOutput.warnings(in: solutions.shell.output))
      for chapter in chapters {
        let run = solutions.run.restricted(toTarget: chapter.testTarget)
        var problems = VerifyRules.solutionProblems(run)
        if !run.didStart { problems += CompilerOutput.errors(in: solutions.shell.output) }
        tally.check("solution \(chapter.paddedNumber) passes its \(run.tests.count) tests", problems)
      }

      print(kit.palette.bold("Untouched exercises (.build-chapters)"))
      let exercises = try TestCommand(root: kit.root).run(chapters: nil, solutions: false)
      for chapter in chapters {
        let run = exercises.run.restricted(toTarget: chapter.testTarget)
        var problems = VerifyRules.starterProblems(run)
        if !run.didStart { problems += CompilerOutput.errors(in: exercises.shell.output) }
        let taskTests = run.tests.filter { $0.task != nil }.count
        tally.check(
          "exercise \(chapter.paddedNumber) compiles and its \(taskTests) task tests fail cleanly",
          problems)
      }

      print(kit.palette.bold("Code blocks in the chapter texts"))
      var package = SnippetPackage(root: kit.root)
      let snippets = try package.write(chapters)
      for chapter in chapters {
        let count = snippets[chapter.number]?.count ?? 0
        tally.check(
          "chapter \(chapter.paddedNumber) text: \(count) Swift blocks compile",
          try package.errors(building: chapter))
      }

      print(kit.palette.bold("Kept mistakes and alternative solutions (.build-mutants)"))
      let mutantsStarted = clock.now
      do {
        let reports = try VariantCheck(root: kit.root).run(chapters) { _ in }
        for report in reports {
          tally.check(
            "chapter \(report.chapter.paddedNumber): \(report.caught) of \(report.mutants.count) "
              + "mistakes caught, \(report.accepted) of \(report.alternatives.count) alternatives pass",
            VariantReportRenderer.problems(of: report))
        }
      } catch {
        tally.check("the copies of the solutions build", ["\(error)"])
      }
      print(kit.palette.dim("  (\(Self.seconds(since: mutantsStarted, clock: clock)) s)"))

      print("")
      print(kit.palette.dim("verify took \(Self.seconds(since: started, clock: clock)) s"))
      print("\(tally.passed) passed, \(tally.failed) failed")
      if tally.failed > 0 { throw ExitCode.failure }
    }

    /// Whole seconds since `start`.
    private static func seconds(since start: ContinuousClock.Instant, clock: ContinuousClock)
      -> Int64
    {
      (clock.now - start).components.seconds
    }

    /// What is missing for a chapter: its folders, text, tests and hints.
    private func layoutProblems(_ chapter: Chapter, root: URL) -> [String] {
      let paths = [
        chapter.exercisePath, chapter.solutionPath, chapter.textPath,
        "Tests/\(chapter.testTarget)",
      ]
      var problems = paths.filter {
        !FileManager.default.fileExists(atPath: root.appendingPathComponent($0).path)
      }.map { "missing \($0)" }
      // A solution folder holds only what differs from the exercise: a copy would drift.
      let sources = ChapterSources(root: root)
      let exercise = (try? sources.exercise(chapter)) ?? [:]
      let overlay =
        (try? ChapterSources.swiftSources(in: root.appendingPathComponent(chapter.solutionPath)))
        ?? [:]
      for (name, text) in overlay.sorted(by: { $0.key < $1.key }) where exercise[name] == text {
        problems.append("\(chapter.solutionPath)/\(name) is the same as the exercise's: delete it")
      }
      if chapter.hints.isEmpty { problems.append("no hints") }
      for (task, hints) in chapter.hints where hints.isEmpty || hints.contains(where: \.isEmpty) {
        problems.append("an empty hint for task \(task)")
      }
      return problems
    }
  }
}
