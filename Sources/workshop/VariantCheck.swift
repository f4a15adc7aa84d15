import Foundation
import WorkshopKit

/// Checks that each chapter's tests catch its kept mutants and accept its alternative
/// solutions, in a ``VariantPackage``.
struct VariantCheck {
  /// What became of one chapter's copies.
  struct ChapterReport {
    /// The chapter.
    let chapter: Chapter
    /// Problems with the catalog, the alternatives' folders or the reference in the
    /// package: any of them makes the chapter's verdicts unreliable.
    var problems: [String] = []
    /// Each mutant and how the tests met it.
    var mutants: [(mutant: Mutant, verdict: MutantVerdict)] = []
    /// Each alternative and its problems (none when every test passes).
    var alternatives: [(name: String, problems: [String])] = []

    /// How many mutants the tests caught.
    var caught: Int { mutants.filter(\.verdict.isCaught).count }
    /// How many alternatives pass every test.
    var accepted: Int { alternatives.filter(\.problems.isEmpty).count }
  }

  /// How long a copy's tests may make no progress before they are stopped as hung.
  static let stallLimit = Duration.seconds(60)

  let root: URL
  let package: VariantPackage

  init(root: URL) {
    self.root = root
    package = VariantPackage(root: root)
  }

  /// Builds every copy of the given chapters and runs their tests; `progress` is told of
  /// each step as it starts.
  func run(_ chapters: [Chapter], progress: (String) -> Void) throws -> [ChapterReport] {
    var reports: [Int: ChapterReport] = [:]
    var variants: [VariantPackage.Variant] = []
    for chapter in chapters {
      var report = ChapterReport(chapter: chapter)
      variants += copies(of: chapter, problems: &report.problems)
      reports[chapter.number] = report
    }

    progress("Building \(variants.count) copies of \(chapters.count) chapters' solutions…")
    let failedToBuild = try build(variants)

    // Each chapter's copies first run together, in one process. A copy runs again alone
    // when that process crashed or hung before its tests ended, so that one mutant's crash is
    // judged on its own; and when its verdict in the batch is not the one it should have (a
    // mutant not caught, a solution that fails), because the copies' tests share the
    // process's threads there: a test that races two writers may then never see them overlap,
    // as it always does when a learner runs one chapter alone.
    var runs: [String: (TestRun, stalled: Bool)] = [:]
    for chapter in chapters {
      let built = variants.filter { $0.chapter == chapter && failedToBuild[$0.module] == nil }
      guard !built.isEmpty else { continue }
      progress("Testing \(built.count) copies of chapter \(chapter.number)…")
      let (batch, stalled) = try test(built)
      for variant in built {
        let own = batch.restricted(toTarget: variant.testTarget)
        let ended = !own.tests.isEmpty && own.tests.allSatisfy { $0.status != .didNotFinish }
        let run = TestRun(tests: own.tests, didStart: true, didFinish: true)
        if (batch.isComplete && !stalled || ended) && Self.isAsExpected(variant, run) {
          runs[variant.module] = (run, false)
        } else {
          progress("Testing \(variant.module) alone…")
          runs[variant.module] = try test([variant])
        }
      }
    }

    for variant in variants {
      let number = variant.chapter.number
      let (run, stalled): (TestRun, Bool)
      if let errors = failedToBuild[variant.module] {
        // A mutant that does not compile is judged as such; any other copy is a problem.
        (run, stalled) = (TestRun(), false)
        if !variant.isMutant {
          reports[number]?.problems += ["\(variant.module) does not compile:"] + errors.prefix(3)
        }
      } else {
        (run, stalled) = runs[variant.module] ?? (TestRun(), false)
      }
      switch variant.kind {
      case .reference:
        let problems = stalled ? ["the tests hung"] : VerifyRules.solutionProblems(run)
        reports[number]?.problems += problems.map { "the reference solution, copied: \($0)" }
      case .alternative(let name):
        let problems = stalled ? ["the tests hung"] : VerifyRules.solutionProblems(run)
        reports[number]?.alternatives.append((name, problems))
      case .mutant(let mutant):
        reports[number]?.mutants.append(
          (mutant, MutantVerdict.judge(run, mutantTask: mutant.task, stalled: stalled)))
      }
    }
    return chapters.compactMap { reports[$0.number] }
  }

  /// Whether a copy's run gives the verdict it should: a mutant caught, a solution passing.
  private static func isAsExpected(_ variant: VariantPackage.Variant, _ run: TestRun) -> Bool {
    switch variant.kind {
    case .mutant(let mutant): MutantVerdict.judge(run, mutantTask: mutant.task).isCaught
    case .reference, .alternative: VerifyRules.solutionProblems(run).isEmpty
    }
  }

  /// Builds the copies; returns those that do not compile, with their errors.
  ///
  /// A copy that does not compile is left out and the rest built again, so that one bad
  /// mutant does not hide the verdicts on all the others.
  private func build(_ variants: [VariantPackage.Variant]) throws -> [String: [String]] {
    var failed: [String: [String]] = [:]
    var buildable = variants
    while true {
      try package.write(buildable)
      let build = try Shell.run(
        ["swift", "build", "--package-path", package.folder.path, "--build-tests"], in: root)
      if build.succeeded { return failed }
      let errors = CompilerOutput.errors(in: build.output, limit: 500)
      var progressed = false
      for variant in buildable {
        let own = errors.filter {
          $0.contains("/\(variant.module)/") || $0.contains("/\(variant.testTarget)/")
        }
        guard !own.isEmpty else { continue }
        failed[variant.module] = own
        progressed = true
      }
      guard progressed else {
        throw VariantCheckError.buildFailed(CompilerOutput.errors(in: build.output))
      }
      buildable.removeAll { failed[$0.module] != nil }
    }
  }

  /// The reference, the alternatives and the mutants of a chapter, as copies to build;
  /// what cannot be read or applied goes into `problems`.
  private func copies(of chapter: Chapter, problems: inout [String]) -> [VariantPackage.Variant] {
    let prefix = "Chapter\(chapter.paddedNumber)_"
    guard let reference = try? ChapterSources(root: root).solution(chapter) else {
      problems.append("cannot read \(chapter.solutionPath)")
      return []
    }
    var variants = [
      VariantPackage.Variant(
        chapter: chapter, kind: .reference, module: prefix + "reference", files: reference)
    ]

    let alternatives = root.appendingPathComponent(chapter.alternativesPath)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: alternatives.path)) ?? []
    for (index, name) in names.sorted().enumerated() {
      let folder = alternatives.appendingPathComponent(name)
      guard let overlay = try? Self.files(in: folder), !overlay.isEmpty else {
        problems.append("\(chapter.alternativesPath)/\(name) holds no Swift file")
        continue
      }
      variants.append(
        VariantPackage.Variant(
          chapter: chapter, kind: .alternative(name: name), module: prefix + "a\(index + 1)",
          files: reference.merging(overlay) { _, new in new }))
    }

    let catalog = root.appendingPathComponent(chapter.mutantsPath)
    guard let text = try? String(contentsOf: catalog, encoding: .utf8) else {
      problems.append("cannot read \(chapter.mutantsPath)")
      return variants
    }
    do {
      for (index, mutant) in try MutantCatalog.parse(text).enumerated() {
        do {
          variants.append(
            VariantPackage.Variant(
              chapter: chapter, kind: .mutant(mutant),
              module: prefix + String(format: "m%02d", index + 1),
              files: try mutant.applied(to: reference)))
        } catch {
          problems.append("\(chapter.mutantsPath): \(error)")
        }
      }
    } catch {
      problems.append("\(chapter.mutantsPath): \(error)")
    }
    return variants
  }

  /// Runs the tests of the given copies in one process; the run holds them all.
  private func test(_ variants: [VariantPackage.Variant]) throws -> (TestRun, stalled: Bool) {
    let name = variants.count == 1 ? variants[0].module : "batch"
    let stream = package.folder.appendingPathComponent("events-\(name).jsonl")
    try? FileManager.default.removeItem(at: stream)
    defer { try? FileManager.default.removeItem(at: stream) }
    let targets = variants.map(\.testTarget).joined(separator: "|")
    let shell = try Shell.run(
      [
        "swift", "test", "--package-path", package.folder.path, "--skip-build",
        "--disable-xctest", "--filter", "^(\(targets))\\.",
        "--experimental-event-stream-output", stream.path,
        "--experimental-event-stream-version", "0",
      ],
      in: root,
      environment: ["SWIFT_BACKTRACE": "enable=no"],
      watchdog: Shell.Watchdog(progressFile: stream, limit: Self.stallLimit))
    let text = (try? String(contentsOf: stream, encoding: .utf8)) ?? ""
    return (EventStreamParser.parse(text), shell.wasStalled)
  }

  /// The Swift files directly in a folder, by name.
  private static func files(in folder: URL) throws -> [String: String] {
    var files: [String: String] = [:]
    for name in try VariantPackage.swiftFiles(in: folder) {
      files[name] = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }
    return files
  }
}

/// Why the copies could not be checked at all.
enum VariantCheckError: Error, CustomStringConvertible {
  /// The package did not build, for a reason no single copy explains.
  case buildFailed([String])

  var description: String {
    switch self {
    case .buildFailed(let errors):
      (["The copies of the solutions do not build:"] + errors).joined(separator: "\n  ")
    }
  }
}
