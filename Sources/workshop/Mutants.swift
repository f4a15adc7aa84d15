import ArgumentParser
import Foundation
import WorkshopKit

extension Workshop {
  /// Runs chapters' kept mistakes and alternative solutions against their tests.
  struct Mutants: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Check that the chapters' tests catch the kept mistakes (for maintainers).",
      discussion: """
        Applies each mutant in Tests/Mutants/ to a copy of the chapter's reference solution and
        runs the chapter's tests on it: each must be caught by a test of its task, with a
        message naming the task. Each alternative solution in Tests/Alternatives/ must pass.
        The copies build in .build-mutants/.
        """)

    @Argument(help: "The chapters to check, such as 3 or 4 5; all when none is given.")
    var chapters: [Int] = []

    func run() throws {
      let kit = try Kit()
      let selected = try chapters.isEmpty ? Chapters.all : chapters.map(kit.chapter)
      let reports = try VariantCheck(root: kit.root).run(selected) {
        print(kit.palette.dim($0))
      }
      var failed = false
      for report in reports {
        print(VariantReportRenderer(palette: kit.palette).details(of: report))
        failed = failed || !VariantReportRenderer.problems(of: report).isEmpty
      }
      if failed { throw ExitCode.failure }
    }
  }
}

/// Puts a chapter's verdicts on mutants and alternatives into words.
struct VariantReportRenderer {
  let palette: Palette

  /// Every verdict, one line each, with the reason for each mutant that was missed.
  func details(of report: VariantCheck.ChapterReport) -> String {
    var lines = [
      palette.bold(
        "Chapter \(report.chapter.number): \(report.caught) of \(report.mutants.count) mistakes "
          + "caught, \(report.accepted) of \(report.alternatives.count) alternatives pass")
    ]
    lines += report.problems.map { palette.red("  ! ") + $0 }
    for (mutant, verdict) in report.mutants {
      switch verdict {
      case .caught(let tests):
        lines.append(
          palette.green("  ✔ ") + "Task \(mutant.task): \(mutant.description)"
            + palette.dim(" (caught by “\(tests[0])”)"))
      case .missed(let reason):
        lines.append(palette.red("  ✘ ") + "Task \(mutant.task): \(mutant.description)")
        lines.append("      line \(mutant.line): \(reason)")
      }
    }
    for (name, problems) in report.alternatives {
      lines.append(
        (problems.isEmpty ? palette.green("  ✔ ") : palette.red("  ✘ ")) + "alternative \(name)")
      lines += problems.prefix(5).map { "      " + $0 }
    }
    return lines.joined(separator: "\n")
  }

  /// What fails the chapter's check: problems, missed mutants, rejected alternatives, and a
  /// chapter with fewer than ``minimumMutants`` mutants or no alternative.
  static func problems(of report: VariantCheck.ChapterReport) -> [String] {
    var problems = report.problems
    if report.mutants.count < minimumMutants {
      problems.append(
        "only \(report.mutants.count) mutants in \(report.chapter.mutantsPath); keep at least "
          + "\(minimumMutants)")
    }
    if report.alternatives.isEmpty {
      problems.append("no alternative solution in \(report.chapter.alternativesPath)/")
    }
    for (mutant, verdict) in report.mutants {
      if case .missed(let reason) = verdict {
        problems.append("missed (line \(mutant.line)) Task \(mutant.task): \(mutant.description): \(reason)")
      }
    }
    for (name, alternativeProblems) in report.alternatives where !alternativeProblems.isEmpty {
      problems.append("alternative \(name) is rejected: \(alternativeProblems[0])")
    }
    return problems
  }

  /// The fewest mutants a chapter keeps.
  static let minimumMutants = 8
}
