import Foundation
import WorkshopKit

/// Runs `swift test` for chapters, on the learner's code or the reference solutions, and
/// reads Swift Testing's event stream.
struct TestCommand {
  /// The package root.
  let root: URL

  /// The run of a test command and what it printed.
  struct Outcome {
    /// The tests, read from the event stream.
    let run: TestRun
    /// The command's output.
    let shell: Shell.Result
  }

  /// Runs one chapter's tests alone, so that another chapter that does not compile cannot
  /// stop them, and judges the result.
  func result(of chapter: Chapter) throws -> ChapterResult {
    let outcome = try run(chapters: [chapter], solutions: false)
    return ChapterResult.judge(
      run: outcome.run.restricted(toTarget: chapter.testTarget), output: outcome.shell.output,
      stalledAfter: outcome.shell.wasStalled ? Int(Self.stallLimit.components.seconds) : nil)
  }

  /// How long a chapter's tests may go without starting or ending a test before they are
  /// stopped: far longer than any chapter's slowest test, short enough that a learner whose
  /// code loops forever is not left waiting.
  static let stallLimit = Duration.seconds(120)

  /// Runs the tests of the given chapters, or of all chapters in the package when nil; with
  /// `includingKit`, the library's and the kit's own tests run too.
  ///
  /// Chapters' tests are stopped when they make no progress for ``stallLimit``; the kit's own
  /// tests, some of which run for minutes by design, are not.
  ///
  /// The learner's code builds in `.build-workshop`, the solutions in `.build-solutions`:
  /// separate from `.build`, so a test run started by `swift run workshop` never waits for
  /// the build folder that `swift run` itself holds, and switching modes rebuilds nothing.
  func run(chapters: [Chapter]?, solutions: Bool, includingKit: Bool = false) throws -> Outcome {
    let streamFolder = root.appendingPathComponent(".workshop")
    try FileManager.default.createDirectory(at: streamFolder, withIntermediateDirectories: true)
    let stream = streamFolder.appendingPathComponent(
      "events-\(ProcessInfo.processInfo.processIdentifier).jsonl")
    try? FileManager.default.removeItem(at: stream)
    defer { try? FileManager.default.removeItem(at: stream) }

    let selected = chapters ?? Chapters.all
    let filter = selected.map(\.testTarget).joined(separator: "|")
    let filterArguments = includingKit ? [] : ["--filter", "^(\(filter))\\."]
    let shell = try Shell.run(
      [
        "swift", "test",
        "--scratch-path", solutions ? ".build-solutions" : ".build-workshop",
        "--disable-xctest",
      ] + filterArguments + [
        "--experimental-event-stream-output", stream.path,
        "--experimental-event-stream-version", "0",
      ],
      in: root,
      environment: [
        "WORKSHOP_CHAPTERS": chapters.map { $0.map(\.paddedNumber).joined(separator: ",") },
        "WORKSHOP_SOLUTIONS": solutions ? "1" : nil,
        // A crash is reported as such; the runtime's backtracer can hang for minutes where
        // it may not inspect the crashed process (as in some containers).
        "SWIFT_BACKTRACE": "enable=no",
      ],
      watchdog: includingKit ? nil : Shell.Watchdog(progressFile: stream, limit: Self.stallLimit))
    let text = (try? String(contentsOf: stream, encoding: .utf8)) ?? ""
    return Outcome(run: EventStreamParser.parse(text), shell: shell)
  }
}
