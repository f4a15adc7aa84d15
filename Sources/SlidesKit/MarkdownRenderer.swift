/// Renders the Markdown that slides use to HTML.
///
/// It covers what a projector needs, not all of CommonMark: headings, paragraphs, bullet and
/// numbered lists, block quotes, tables, fenced code blocks (Swift is highlighted), and inline
/// code, bold, italic and links. Everything else is shown as text, escaped. On top of that:
///
/// - **Step by step.** A line `. . .` (as in Pandoc) reveals what follows it one step later;
///   list items written `+ item` instead of `- item` appear one per step.
/// - **Highlighted lines.** A fence such as ```` ```swift {3-5,8} ```` highlights lines 3 to 5
///   and 8 of the block and dims the others.
/// - **Pictures.** A line `![description](pictures/name.svg)` shows that picture, when the
///   renderer was given its SVG markup (``DeckParser`` reads it from the deck's folder).
public struct MarkdownRenderer: Sendable {
  /// The SVG markup of the pictures, by the path the Markdown names them with.
  public let pictures: [String: String]

  /// Creates a renderer that embeds the given pictures.
  public init(pictures: [String: String] = [:]) {
    self.pictures = pictures
  }

  /// Returns the HTML for a Markdown text.
  public func html(for markdown: String) -> String {
    var steps: [[String]] = [[]]
    var isInCode = false
    for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.trimmingWhitespace().hasPrefix("```") { isInCode.toggle() }
      if !isInCode && line.trimmingWhitespace() == ". . ." {
        steps.append([])
      } else {
        steps[steps.count - 1].append(String(line))
      }
    }
    let parts = steps.map { blocks(for: $0.joined(separator: "\n")) }
    guard let first = parts.first else { return "" }
    return ([first] + parts.dropFirst().map { "<div class=\"fragment\">\($0)</div>" })
      .joined(separator: "\n")
  }

  private func blocks(for markdown: String) -> String {
    var output: [String] = []
    var lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)[...]
    while let line = lines.first {
      let trimmed = line.trimmingWhitespace()
      if trimmed.isEmpty {
        lines.removeFirst()
      } else if trimmed.hasPrefix("```") {
        output.append(codeBlock(&lines))
      } else if let level = Self.headingLevel(trimmed) {
        lines.removeFirst()
        let text = trimmed.dropFirst(level).trimmingWhitespace()
        output.append("<h\(level)>\(inline(text))</h\(level)>")
      } else if Self.isBullet(trimmed) || Self.orderedItemText(trimmed) != nil {
        output.append(list(&lines))
      } else if trimmed.hasPrefix(">") {
        output.append(blockQuote(&lines))
      } else if trimmed.hasPrefix("|") {
        output.append(table(&lines))
      } else if let picture = PictureReference(line: trimmed), let svg = pictures[picture.path] {
        lines.removeFirst()
        output.append(
          "<figure class=\"picture\" role=\"img\" aria-label=\"\(escapeHTML(picture.description))\">"
            + "\(svg)</figure>")
      } else {
        output.append(paragraph(&lines))
      }
    }
    return output.joined(separator: "\n")
  }

  // MARK: - Blocks

  private func codeBlock(_ lines: inout ArraySlice<String>) -> String {
    let fence = lines.removeFirst().trimmingWhitespace()
    var language = fence.dropFirst(3).trimmingWhitespace()
    var highlighted: CodeLines?
    if language.hasSuffix("}"), let open = language.firstIndex(of: "{") {
      highlighted = CodeLines(language[language.index(after: open)..<language.index(before: language.endIndex)])
      language = language[..<open].trimmingWhitespace()
    }
    var code: [String] = []
    while let line = lines.first {
      lines.removeFirst()
      if line.trimmingWhitespace() == "```" { break }
      code.append(line)
    }
    let text = code.joined(separator: "\n")
    var body = language == "swift" ? SwiftHighlighter().html(for: text) : escapeHTML(text)
    var classes = language.isEmpty ? [] : ["language-\(escapeHTML(language))"]
    if let highlighted {
      body = highlighted.html(wrapping: body)
      classes.append("has-highlights")
    }
    let classAttribute = classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\""
    return "<pre><code\(classAttribute)>\(body)</code></pre>"
  }

  private func list(_ lines: inout ArraySlice<String>) -> String {
    let isOrdered = Self.orderedItemText(lines.first?.trimmingWhitespace() ?? "") != nil
    var items: [(text: String, isStep: Bool)] = []
    while let line = lines.first {
      let trimmed = line.trimmingWhitespace()
      if let text = isOrdered ? Self.orderedItemText(trimmed) : Self.bulletText(trimmed) {
        items.append((text, !isOrdered && trimmed.hasPrefix("+ ")))
      } else if !trimmed.isEmpty, line.hasPrefix("  "), !items.isEmpty {
        items[items.count - 1].text += " " + trimmed  // A continuation line of the item.
      } else {
        break
      }
      lines.removeFirst()
    }
    let tag = isOrdered ? "ol" : "ul"
    return "<\(tag)>"
      + items.map { "<li\($0.isStep ? " class=\"fragment\"" : "")>\(inline($0.text))</li>" }.joined()
      + "</\(tag)>"
  }

  private func blockQuote(_ lines: inout ArraySlice<String>) -> String {
    var quoted: [String] = []
    while let line = lines.first, line.trimmingWhitespace().hasPrefix(">") {
      quoted.append(line.trimmingWhitespace().dropFirst().trimmingWhitespace())
      lines.removeFirst()
    }
    return "<blockquote>\(html(for: quoted.joined(separator: "\n")))</blockquote>"
  }

  private func table(_ lines: inout ArraySlice<String>) -> String {
    var rows: [[String]] = []
    while let line = lines.first, line.trimmingWhitespace().hasPrefix("|") {
      lines.removeFirst()
      let cells = line.trimmingWhitespace().dropFirst().split(separator: "|", omittingEmptySubsequences: false)
        .map { $0.trimmingWhitespace() }
      let row = cells.last?.isEmpty == true ? Array(cells.dropLast()) : cells
      // The line under the header (|---|---|) only marks it as a header.
      if row.allSatisfy({ $0.allSatisfy { $0 == "-" || $0 == ":" } }) { continue }
      rows.append(row)
    }
    guard let header = rows.first else { return "" }
    let head = "<tr>" + header.map { "<th>\(inline($0))</th>" }.joined() + "</tr>"
    let body = rows.dropFirst().map { "<tr>" + $0.map { "<td>\(inline($0))</td>" }.joined() + "</tr>" }
    return "<table><thead>\(head)</thead><tbody>\(body.joined())</tbody></table>"
  }

  private func paragraph(_ lines: inout ArraySlice<String>) -> String {
    var text: [String] = []
    while let line = lines.first {
      let trimmed = line.trimmingWhitespace()
      if trimmed.isEmpty || trimmed.hasPrefix("```") || Self.headingLevel(trimmed) != nil
        || (PictureReference(line: trimmed).map { pictures[$0.path] != nil } ?? false)
        || Self.isBullet(trimmed) || Self.orderedItemText(trimmed) != nil
        || trimmed.hasPrefix(">") || trimmed.hasPrefix("|")
      {
        break
      }
      text.append(trimmed)
      lines.removeFirst()
    }
    return "<p>\(inline(text.joined(separator: " ")))</p>"
  }

  private static func headingLevel(_ line: String) -> Int? {
    let level = line.prefix(while: { $0 == "#" }).count
    guard (1...6).contains(level), line.dropFirst(level).first == " " else { return nil }
    return level
  }

  private static func isBullet(_ line: String) -> Bool { bulletText(line) != nil }

  private static func bulletText(_ line: String) -> String? {
    guard line.hasPrefix("- ") || line.hasPrefix("* ") || line.hasPrefix("+ ") else { return nil }
    return String(line.dropFirst(2))
  }

  private static func orderedItemText(_ line: String) -> String? {
    let digits = line.prefix(while: \.isNumber)
    guard !digits.isEmpty, line.dropFirst(digits.count).hasPrefix(". ") else { return nil }
    return String(line.dropFirst(digits.count + 2))
  }

  // MARK: - Inline

  /// Renders code spans, bold, italic and links; the rest is escaped text.
  func inline(_ text: String) -> String {
    var output = ""
    var rest = Substring(text)
    while let character = rest.first {
      if character == "`", let end = rest.dropFirst().firstIndex(of: "`") {
        output += "<code>\(escapeHTML(rest[rest.index(after: rest.startIndex)..<end]))</code>"
        rest = rest[rest.index(after: end)...]
      } else if rest.hasPrefix("**"), let end = rest.dropFirst(2).range(of: "**") {
        output += "<strong>\(inline(String(rest.dropFirst(2)[..<end.lowerBound])))</strong>"
        rest = rest[end.upperBound...]
      } else if character == "*" || character == "_", rest.count > 1,
        rest.dropFirst().first != " ",
        let end = rest.dropFirst().firstIndex(of: character)
      {
        output += "<em>\(inline(String(rest[rest.index(after: rest.startIndex)..<end])))</em>"
        rest = rest[rest.index(after: end)...]
      } else if character == "[", let link = Self.link(at: rest) {
        output += "<a href=\"\(escapeHTML(link.target))\">\(inline(link.text))</a>"
        rest = rest[link.end...]
      } else {
        output += escapeHTML(String(character))
        rest = rest.dropFirst()
      }
    }
    return output
  }

  private static func link(at text: Substring) -> (text: String, target: String, end: String.Index)? {
    guard let closeText = text.firstIndex(of: "]"),
      text[text.index(after: closeText)...].first == "(",
      let closeTarget = text[closeText...].firstIndex(of: ")")
    else { return nil }
    let linkText = text[text.index(after: text.startIndex)..<closeText]
    let target = text[text.index(closeText, offsetBy: 2)..<closeTarget]
    return (String(linkText), String(target), text.index(after: closeTarget))
  }
}

extension Substring {
  fileprivate func range(of needle: String) -> Range<String.Index>? {
    var index = startIndex
    while index < endIndex {
      if self[index...].hasPrefix(needle) {
        return index..<self.index(index, offsetBy: needle.count)
      }
      index = self.index(after: index)
    }
    return nil
  }
}
