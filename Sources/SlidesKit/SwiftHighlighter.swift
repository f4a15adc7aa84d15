/// Colours Swift code for slides: keywords, types, strings, numbers, comments and attributes,
/// each wrapped in a `<span>` with a class the deck's style sheet colours.
///
/// It is a scanner, not a parser: good enough to make code on a projector easy to read.
public struct SwiftHighlighter: Sendable {
  /// Creates a highlighter.
  public init() {}

  private static let keywords: Set<String> = [
    "actor", "any", "as", "associatedtype", "async", "await", "break", "case", "catch", "class",
    "continue", "default", "defer", "do", "else", "enum", "extension", "fallthrough", "false",
    "fileprivate", "final", "for", "func", "guard", "if", "import", "in", "init", "inout",
    "internal", "is", "let", "mutating", "nil", "nonisolated", "open", "private", "protocol",
    "public", "repeat", "rethrows", "return", "self", "Self", "some", "static", "struct",
    "subscript", "super", "switch", "throw", "throws", "true", "try", "typealias", "var",
    "where", "while", "package", "sending", "consuming", "borrowing",
  ]

  /// Returns the code as HTML, escaped, with spans around the tokens it recognises.
  public func html(for code: String) -> String {
    var output = ""
    let characters = Array(code)
    var index = 0

    func span(_ kind: String, _ range: Range<Int>) {
      output += "<span class=\"\(kind)\">\(escapeHTML(String(characters[range])))</span>"
      index = range.upperBound
    }

    func scan(while predicate: (Character) -> Bool, from start: Int) -> Int {
      var end = start
      while end < characters.count, predicate(characters[end]) { end += 1 }
      return end
    }

    while index < characters.count {
      let character = characters[index]
      let next = index + 1 < characters.count ? characters[index + 1] : nil
      if character == "/", next == "/" {
        span("comment", index..<scan(while: { $0 != "\n" }, from: index))
      } else if character == "/", next == "*" {
        var end = index + 2
        while end < characters.count, !(characters[end - 1] == "*" && characters[end] == "/") {
          end += 1
        }
        span("comment", index..<min(end + 1, characters.count))
      } else if character == "\"" {
        span("string", index..<stringEnd(characters, from: index))
      } else if character.isNumber {
        span("number", index..<scan(while: { $0.isNumber || $0 == "_" || $0 == "." }, from: index))
      } else if character == "@" || character == "#" {
        span("attribute", index..<scan(while: { $0.isLetter || $0.isNumber || $0 == "_" }, from: index + 1))
      } else if character.isLetter || character == "_" {
        let end = scan(while: { $0.isLetter || $0.isNumber || $0 == "_" }, from: index)
        let word = String(characters[index..<end])
        if Self.keywords.contains(word) {
          span("keyword", index..<end)
        } else if word.first?.isUppercase == true {
          span("type", index..<end)
        } else {
          output += escapeHTML(word)
          index = end
        }
      } else {
        output += escapeHTML(String(character))
        index += 1
      }
    }
    return output
  }

  /// The end of a string literal starting at `start`: one-line or triple-quoted, with escapes.
  private func stringEnd(_ characters: [Character], from start: Int) -> Int {
    let isTriple = characters.count >= start + 3 && characters[start..<start + 3].allSatisfy { $0 == "\"" }
    var index = start + (isTriple ? 3 : 1)
    while index < characters.count {
      if characters[index] == "\\" {
        index += 2
        continue
      }
      if isTriple {
        if index + 2 < characters.count, characters[index..<index + 3].allSatisfy({ $0 == "\"" }) {
          return index + 3
        }
      } else if characters[index] == "\"" || characters[index] == "\n" {
        return index + 1
      }
      index += 1
    }
    return characters.count
  }
}
