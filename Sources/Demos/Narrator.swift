import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Tells a demo's story step by step: prints each step and, when interactive, waits for a key
/// (Enter, space, PageDown, → or ↓: what a presentation clicker sends) before going on, so
/// that an instructor can talk over it. Off a terminal (CI, a pipe) it runs straight through.
///
/// What it says is wrapped to 80 columns at spaces; a word longer than a line (JSON) is
/// broken after a comma, or where the line ends when it has none (a long hex string). Text
/// that must stay as it is (SQL, paths, commands) is shown with ``show(_:)``.
public final class Narrator: Sendable {
  /// The width of the terminal the story is told on.
  public static let columns = 80

  /// Whether the narrator waits for a key between steps.
  public let isInteractive: Bool
  private let write: @Sendable (String) -> Void
  private let waitForKey: @Sendable () -> Void

  /// Creates a narrator that writes to standard output and, when `waitForKey` is given, calls
  /// it to wait between steps.
  public convenience init(waitForKey: (@Sendable () -> Void)?) {
    // On a terminal standard output is line-buffered, so each line shows before the pause.
    self.init(isInteractive: waitForKey != nil, write: { print($0) }, waitForKey: waitForKey ?? {})
  }

  /// Creates a narrator with its own output and way of waiting, for tests.
  public init(
    isInteractive: Bool, write: @escaping @Sendable (String) -> Void,
    waitForKey: @escaping @Sendable () -> Void = {}
  ) {
    self.isInteractive = isInteractive
    self.write = write
    self.waitForKey = waitForKey
  }

  /// Starts a new step of the story: a heading, then waits for a key when interactive.
  public func step(_ title: String) {
    let lines = Self.wrapped(title, width: Self.columns - 2)
    let heading = lines.joined(separator: "\n  ")
    if isInteractive {
      let hint = "(Enter, space, →)"
      let fits = 2 + (lines.last?.count ?? 0) + 2 + hint.count <= Self.columns
      write("\n\u{1B}[1m▶ \(heading)\u{1B}[0m\(fits ? "  " : "\n  ")\u{1B}[2m\(hint)\u{1B}[0m")
      waitForKey()
    } else {
      write("\n▶ \(heading)")
    }
  }

  /// Says something within a step, indented by two spaces.
  public func say(_ text: String) {
    write(text.split(separator: "\n", omittingEmptySubsequences: false)
      .flatMap { Self.wrapped(String($0), width: Self.columns - 2) }
      .map { "  " + $0 }
      .joined(separator: "\n"))
  }

  /// Shows text exactly as it is, such as SQL that runs as shown: indented, never re-wrapped.
  public func show(_ text: String) {
    write(text.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }
      .joined(separator: "\n"))
  }

  /// The text cut into lines of at most `width` characters, at spaces where it can be; a
  /// line's own leading spaces are kept on its first part.
  static func wrapped(_ text: String, width: Int) -> [String] {
    let indent = String(text.prefix(while: { $0 == " " }))
    var lines: [String] = []
    var line = indent
    for word in text.dropFirst(indent.count).split(separator: " ") {
      var word = Substring(word)
      if line.count > indent.count, line.count + 1 + word.count > width {
        lines.append(line)
        line = indent
      }
      while indent.count + word.count > width {
        if line.count > indent.count {
          lines.append(line)
          line = indent
        }
        // A long word such as JSON breaks after a comma where it can, else where the line ends.
        let room = word.prefix(width - indent.count)
        let cut = room.lastIndex(of: ",").map { word.index(after: $0) } ?? room.endIndex
        lines.append(indent + word[..<cut])
        word = word[cut...]
      }
      guard !word.isEmpty else { continue }
      line += (line.count > indent.count ? " " : "") + word
    }
    lines.append(line)
    return lines
  }
}
