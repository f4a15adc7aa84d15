import Foundation
import Testing
import WorkshopKit

@testable import workshop

/// Tests that loop forever must not leave a learner waiting: the test command is stopped when
/// its event stream stops growing, and the report says what to look for.
///
/// `Shell.run` blocks its thread for seconds here, so each call runs on a thread of its own
/// (``runBlocking(_:)``): on Swift's cooperative pool, which has one thread per core, these
/// tests would stall every other test's tasks meanwhile.
@Suite("Stopping tests that make no progress")
struct WatchdogTests {
  let folder = FileManager.default.temporaryDirectory
    .appendingPathComponent("workshop-watchdog-\(UUID().uuidString)", isDirectory: true)

  init() throws {
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  }

  func watchdog(limit: Duration = .seconds(1)) -> Shell.Watchdog {
    Shell.Watchdog(progressFile: folder.appendingPathComponent("progress"), limit: limit)
  }

  /// Runs a command as `Shell.run` does, on a thread outside the cooperative pool.
  func run(_ arguments: [String], watchdog: Shell.Watchdog) async throws -> Shell.Result {
    let folder = folder
    return try await withCheckedThrowingContinuation { continuation in
      Thread {
        continuation.resume(
          with: Result { try Shell.run(arguments, in: folder, watchdog: watchdog) })
      }.start()
    }
  }

  // `exec`, so that the program itself hangs, as `swift test` does, rather than a shell
  // waiting for a child of its own.
  @Test("a program whose progress file stops growing is interrupted")
  func interruptsAStalledProgram() async throws {
    let start = ContinuousClock.now
    let result = try await run(
      ["sh", "-c", "echo started > progress; echo waiting; exec sleep 60"], watchdog: watchdog())
    #expect(result.wasStalled)
    #expect(!result.succeeded)
    #expect(result.output.contains("waiting"))
    #expect(ContinuousClock.now - start < .seconds(8))
  }

  @Test("a stalled program that ignores the interrupt is killed")
  func killsAStalledProgramThatIgnoresInterrupts() async throws {
    let start = ContinuousClock.now
    let result = try await run(
      ["sh", "-c", "trap '' INT; echo started > progress; exec sleep 60"], watchdog: watchdog())
    #expect(result.wasStalled)
    #expect(result.wasSignalled)
    #expect(ContinuousClock.now - start < .seconds(30))
  }

  @Test("a program that keeps making progress runs to its end")
  func letsAProgressingProgramFinish() async throws {
    let result = try await run(
      [
        "sh", "-c",
        "for step in 1 2 3 4 5 6; do echo $step >> progress; sleep 0.4; done; echo done",
      ],
      watchdog: watchdog(limit: .seconds(2)))
    #expect(!result.wasStalled)
    #expect(result.succeeded)
    #expect(result.output.contains("done"))
  }

  @Test("the time before the progress file appears, such as a build, does not count")
  func waitsForTheProgressFile() async throws {
    let result = try await run(
      ["sh", "-c", "sleep 2; echo started > progress; echo done"], watchdog: watchdog())
    #expect(!result.wasStalled)
    #expect(result.succeeded)
  }

  @Test("the report names the test that was still running and what to look for")
  func report() {
    var running = TestOutcome(
      id: "Chapter01Tests.tricks", displayName: "Task 2: a dog learns tricks in order",
      status: .didNotFinish)
    running.didStart = true
    let result = ChapterResult.stalled(
      tasks: TaskSummary.summaries(of: [running]), seconds: 120)
    #expect(result.status.kind == .stalled)
    let renderer = ReportRenderer(palette: Palette(isEnabled: false))
    let text = renderer.report(for: Chapters.all[0], result: result)
    #expect(text.contains("no progress for 120 seconds"))
    #expect(text.contains("a dog learns tricks in order"))
    #expect(text.contains("loop"))
    #expect(text.contains(Chapters.all[0].exercisePath))
    #expect(renderer.describe(result.status).contains("no progress"))
  }
}
