/// Finds the Swift code blocks in a chapter text, so that `workshop verify` can compile them.
///
/// A block opens with a line of three backticks and `swift`, and closes with three backticks.
/// A block opened with `swift no-check` is skipped: use it only for true fragments.
public enum SnippetExtractor {
  /// A code block and the line it starts on.
  public struct Snippet: Sendable, Equatable {
    /// The line of the opening fence, counting from 1.
    public let line: Int
    /// The code between the fences.
    public let code: String
  }

  /// Returns the checked Swift blocks of a Markdown text, in order.
  public static func snippets(in markdown: String) -> [Snippet] {
    var snippets: [Snippet] = []
    var current: (line: Int, lines: [String], checked: Bool)?
    let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
    for (offset, rawLine) in lines.enumerated() {
      let line = String(rawLine)
      let fence = line.trimmingPrefix(while: { $0 == " " })
      if let block = current {
        if fence.hasPrefix("```") {
          if block.checked {
            snippets.append(
              Snippet(line: block.line, code: block.lines.joined(separator: "\n") + "\n"))
          }
          current = nil
        } else {
          current?.lines.append(line)
        }
      } else if fence.hasPrefix("```") {
        let info = fence.dropFirst(3).split(separator: " ").map(String.init)
        guard let language = info.first else {
          current = (offset + 1, [], false)
          continue
        }
        current = (offset + 1, [], language == "swift" && !info.contains("no-check"))
      }
    }
    return snippets
  }
}
