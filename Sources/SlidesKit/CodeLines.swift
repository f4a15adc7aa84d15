/// Highlighted lines of a code block: the fence's `{2-3,5}` after the language, numbered
/// from 1.
///
/// The block's lines are wrapped one by one, the named ones in `<span class="line
/// highlighted">` and the others in `<span class="line">`, so that the style sheet can dim
/// what the speaker is not talking about.
struct CodeLines: Sendable, Equatable {
  /// The line numbers to highlight.
  let numbers: Set<Int>

  /// Reads a list such as `2-3,5`; `nil` when it is empty or not a list of lines and ranges.
  init?(_ text: some StringProtocol) {
    var numbers: Set<Int> = []
    for part in text.split(separator: ",") {
      let bounds = part.split(separator: "-", omittingEmptySubsequences: false)
        .map { Int($0.trimmingWhitespace()) }
      switch bounds.count {
      case 1:
        guard let line = bounds[0], line > 0 else { return nil }
        numbers.insert(line)
      case 2:
        guard let low = bounds[0], let high = bounds[1], low > 0, low <= high else { return nil }
        numbers.formUnion(low...high)
      default:
        return nil
      }
    }
    guard !numbers.isEmpty else { return nil }
    self.numbers = numbers
  }

  /// Wraps each line of highlighted code HTML; spans that cross a line end are closed before
  /// it and opened again after it, so that every line is well-formed on its own.
  func html(wrapping code: String) -> String {
    var lines: [String] = []
    var line = ""
    var open: [String] = []
    var rest = Substring(code)
    while let character = rest.first {
      if character == "<" {
        let end = rest.firstIndex(of: ">") ?? rest.index(before: rest.endIndex)
        let tag = String(rest[...end])
        if tag.hasPrefix("</") { _ = open.popLast() } else { open.append(tag) }
        line += tag
        rest = rest[rest.index(after: end)...]
      } else if character == "\n" {
        line += String(repeating: "</span>", count: open.count)
        lines.append(line)
        line = open.joined()
        rest = rest.dropFirst()
      } else {
        line.append(character)
        rest = rest.dropFirst()
      }
    }
    lines.append(line)
    return lines.enumerated().map { index, text in
      let kind = numbers.contains(index + 1) ? "line highlighted" : "line"
      return "<span class=\"\(kind)\">\(text.isEmpty ? " " : text)</span>"
    }.joined()
  }
}
