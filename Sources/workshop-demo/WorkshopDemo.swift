import ArgumentParser
import Demos
import Foundation
import WorkshopKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs an instructor demo: a short narrated story on the real library.
///
/// A program of its own, which `workshop demo` builds and starts on first use: the demos link
/// the library and its cryptography, which the learner's `workshop` command does not need, so
/// that an attendee's first build stays short.
@main
struct WorkshopDemo: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "workshop demo",
    abstract: "Run an instructor demo, pausing at each step.",
    discussion: """
      On a terminal each step waits for Enter, space, PageDown, → or ↓ (what a presentation \
      clicker sends), so that you can talk over it; keys pressed while a step prints are \
      dropped, so that none skips a pause. Otherwise (in CI, or piped) the demo runs straight \
      through. Demos on SQLite use a temporary folder, removed at the end; --keep DIR keeps \
      the databases there and prints the sqlite3 command that opens each.
      """)

  @Flag(help: "List the demos.")
  var list = false

  @Argument(help: "The demo to run, such as time-travel.")
  var name: String?

  @Option(help: ArgumentHelp("Keep the demo's SQLite databases in this folder.", valueName: "DIR"))
  var keep: String?

  func validate() throws {
    guard !list else { return }
    guard let name else { throw ValidationError("Name a demo, or use --list to see them.") }
    guard Demos.named(name) != nil else {
      throw ValidationError(
        "There is no demo '\(name)'. The demos: "
          + Demos.all.map(\.name).joined(separator: ", ") + ".")
    }
  }

  func run() async throws {
    if list {
      for demo in Demos.all {
        print("  \(demo.name.padding(toLength: 14, withPad: " ", startingAt: 0)) \(demo.summary)")
      }
      return
    }
    guard let name, let demo = Demos.named(name) else { return }
    print("Demo: \(demo.name)")
    let kept = keep.map { URL(fileURLWithPath: $0).standardizedFileURL }
    let isTerminal = isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
    let terminal = isTerminal ? SingleKeyTerminal() : nil
    defer { terminal?.restore() }
    var wait: (@Sendable () -> Void)?
    if terminal != nil { wait = waitForAdvanceKey }
    let narrator = Narrator(waitForKey: wait)
    narrator.say(demo.summary)
    try await demo.run(narrator: narrator, files: DemoFiles(keptFolder: kept))
    print("\nEnd of the demo.")
  }
}

/// Waits for a key that advances a demo, after dropping the keys typed while the last step
/// printed; returns at the end of the input too.
private func waitForAdvanceKey() {
  tcflush(STDIN_FILENO, TCIFLUSH)
  var keys = AdvanceKeys()
  var byte: UInt8 = 0
  while read(STDIN_FILENO, &byte, 1) == 1 {
    if keys.read(byte) { return }
  }
}
