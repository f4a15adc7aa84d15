import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Tells a demo's story step by step: prints each step and, on a terminal, waits for Enter
/// before going on, so that an instructor can talk over it. Off a terminal (CI, a pipe) it runs
/// straight through.
public final class Narrator: Sendable {
  /// Whether the narrator waits for Enter between steps.
  public let isInteractive: Bool
  private let write: @Sendable (String) -> Void

  /// Creates a narrator that writes to standard output and waits only on a terminal.
  public convenience init() {
    // On a terminal standard output is line-buffered, so each line shows before the pause.
    self.init(isInteractive: isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1) {
      print($0)
    }
  }

  /// Creates a narrator with its own output, for tests.
  public init(isInteractive: Bool, write: @escaping @Sendable (String) -> Void) {
    self.isInteractive = isInteractive
    self.write = write
  }

  /// Starts a new step of the story: a heading, then waits for Enter when interactive.
  public func step(_ title: String) {
    if isInteractive {
      write("\n\u{1B}[1m▶ \(title)\u{1B}[0m  \u{1B}[2m(Enter)\u{1B}[0m")
      _ = readLine()
    } else {
      write("\n▶ \(title)")
    }
  }

  /// Says something within a step.
  public func say(_ text: String) {
    write("  " + text.replacingOccurrences(of: "\n", with: "\n  "))
  }
}
