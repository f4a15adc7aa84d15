import Foundation
import Testing

/// The README's Swift blocks are compiled and run as the `readme-examples` executable; this
/// suite keeps that executable's source equal to the blocks, so the README cannot drift.
@Suite("README examples")
struct ReadmeExamplesTests {
  private static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  private static let readme = packageRoot.appendingPathComponent("README.md")
  private static let program = packageRoot.appendingPathComponent(
    "Sources/readme-examples/main.swift")

  private static let header = """
    // The Swift blocks of README.md, in order, compiled and run by CI as `readme-examples`.
    // Generated: edit README.md, then run scripts/update-readme-examples.sh


    """

  /// The Swift code blocks of a Markdown text, joined in order.
  static func swiftBlocks(of markdown: String) -> String {
    var blocks: [String] = []
    var current: [Substring]?
    for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
      if current == nil, line.trimmingCharacters(in: .whitespaces) == "```swift" {
        current = []
      } else if let lines = current, line.trimmingCharacters(in: .whitespaces) == "```" {
        blocks.append(lines.joined(separator: "\n"))
        current = nil
      } else {
        current?.append(line)
      }
    }
    return blocks.joined(separator: "\n\n") + "\n"
  }

  @Test("The readme-examples program holds exactly the README's Swift blocks")
  func programMatchesReadme() throws {
    let expected = Self.header + Self.swiftBlocks(of: try String(contentsOf: Self.readme, encoding: .utf8))
    let actual = try String(contentsOf: Self.program, encoding: .utf8)
    #expect(
      actual == expected,
      "README.md's Swift blocks changed: run scripts/update-readme-examples.sh")
  }

  @Test("Code blocks are found in order, and other languages are left out")
  func extraction() {
    let markdown = """
      text
      ```swift
      let a = 1
      ```
      ```bash
      swift build
      ```
      ```swift
      print(a)
      ```
      """
    #expect(Self.swiftBlocks(of: markdown) == "let a = 1\n\nprint(a)\n")
  }
}
