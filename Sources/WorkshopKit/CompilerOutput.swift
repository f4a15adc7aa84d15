import Foundation

/// Picks the useful lines out of the build and test commands' output.
public enum CompilerOutput {
  /// The compiler's error lines, without duplicates, at most `limit` of them.
  ///
  /// Paths are shortened to start at `Exercises/`, `Solutions/` or `Tests/` when they contain one.
  public static func errors(in output: String, limit: Int = 8) -> [String] {
    let lines = output.split(whereSeparator: \.isNewline)
    // Prefer the compiler's "file:line:column: error:" lines over the build tool's summaries.
    let located = lines.filter { $0.contains(": error: ") }
    let candidates = located.isEmpty ? lines.filter { $0.contains("error: ") } : located
    var seen: Set<String> = []
    var errors: [String] = []
    for line in candidates {
      let short = shortened(String(line))
      guard !seen.contains(short) else { continue }
      seen.insert(short)
      errors.append(short)
      if errors.count == limit { break }
    }
    return errors
  }

  /// The compiler's warning lines about the kit's own files (in `Exercises/`, `Solutions/`,
  /// `Tests/` or `Sources/`), without duplicates, shortened as ``errors(in:limit:)`` shortens.
  /// Warnings about checked-out dependencies' code are not the kit's to fix.
  public static func warnings(in output: String) -> [String] {
    var seen: Set<String> = []
    var warnings: [String] = []
    for line in output.split(whereSeparator: \.isNewline)
    where line.contains(": warning: ") && !line.contains("/checkouts/") {
      let short = shortened(String(line))
      guard ["Exercises/", "Solutions/", "Tests/", "Sources/"].contains(where: short.hasPrefix),
        seen.insert(short).inserted
      else { continue }
      warnings.append(short)
    }
    return warnings
  }

  /// The lines that say why a test process stopped: runtime errors and the signal, without
  /// the stack traces; the last lines of the output when there are none.
  public static func crashLines(in output: String, limit: Int = 6) -> [String] {
    var seen: Set<String> = []
    var lines: [String] = []
    for line in output.split(whereSeparator: \.isNewline)
    where line.contains("Fatal error") || line.contains("unexpected signal") {
      // The signal line repeats the whole test command; its end is what matters.
      let text = line.range(of: "exited with").map { "The test process " + line[$0.lowerBound...] }
        ?? String(line)
      guard seen.insert(text).inserted else { continue }
      lines.append(shortened(text))
      if lines.count == limit { break }
    }
    return lines.isEmpty ? lastLines(of: output, count: limit) : lines
  }

  /// The last non-empty lines of the output.
  public static func lastLines(of output: String, count: Int) -> [String] {
    Array(output.split(whereSeparator: \.isNewline).suffix(count).map(String.init))
  }

  /// A line with any absolute path before the kit's own folders cut off.
  public static func shortened(_ line: String) -> String {
    for folder in ["/Exercises/", "/Solutions/", "/Tests/", "/Sources/"] {
      if let range = line.range(of: folder) {
        let prefixStart = line[..<range.lowerBound].lastIndex(of: " ").map(line.index(after:))
        let start = prefixStart ?? line.startIndex
        return String(line[..<start]) + String(line[line.index(after: range.lowerBound)...])
      }
    }
    return line
  }
}
