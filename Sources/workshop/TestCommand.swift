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

  /// Runs the tests of the given chapters, or of all chapters when nil, in the generated
  /// ``ChapterPackage`` of the learner's code or of the reference solutions.
  ///
  /// Chapters' tests are stopped when they make no progress for ``stallLimit``.
  func run(chapters: [Chapter]?, solutions: Bool) throws -> Outcome {
    let selected = chapters ?? Chapters.all
    let package = ChapterPackage(root: root, solutions: solutions)
    try package.write(selected)
    let filter = selected.map(\.testTarget).joined(separator: "|")
    return try swiftTest(
      [
        "--package-path", package.folder.path, "--scratch-path", package.scratch.path,
        "--filter", "^(\(filter))\\.",
      ],
      baseEnvironment: StableEnvironment.variables(), stallLimit: Self.stallLimit)
  }

  /// Runs the library's and the kit's own tests, in the kit's package (`.build-kit`), with no
  /// stall limit: some of them run for minutes by design.
  func runKit() throws -> Outcome {
    try swiftTest(
      ["--scratch-path", ".build-kit", "--skip", "^Chapter[0-9]+Tests\\."],
      baseEnvironment: ProcessInfo.processInfo.environment, stallLimit: nil)
  }

  private func swiftTest(
    _ arguments: [String], baseEnvironment: [String: String], stallLimit: Duration?
  ) throws -> Outcome {
    let streamFolder = root.appendingPathComponent(".workshop")
    try FileManager.default.createDirectory(at: streamFolder, withIntermediateDirectories: true)
    let stream = streamFolder.appendingPathComponent(
      "events-\(ProcessInfo.processInfo.processIdentifier).jsonl")
    try? FileManager.default.removeItem(at: stream)
    defer { try? FileManager.default.removeItem(at: stream) }

    let shell = try Shell.run(
      ["swift", "test", "--disable-xctest"] + arguments + [
        "--experimental-event-stream-output", stream.path,
        "--experimental-event-stream-version", "0",
      ],
      in: root,
      environment: [
        // A crash is reported as such; the runtime's backtracer can hang for minutes where
        // it may not inspect the crashed process (as in some containers).
        "SWIFT_BACKTRACE": "enable=no"
      ],
      baseEnvironment: baseEnvironment,
      watchdog: stallLimit.map { Shell.Watchdog(progressFile: stream, limit: $0) })
    let text = (try? String(contentsOf: stream, encoding: .utf8)) ?? ""
    return Outcome(run: EventStreamParser.parse(text), shell: shell)
  }
}
