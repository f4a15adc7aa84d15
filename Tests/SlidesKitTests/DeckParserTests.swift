import Foundation
import Testing

@testable import SlidesKit

@Suite("Deck sources")
struct DeckParserTests {
  let root: URL

  init() throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent("slides-\(UUID())")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    try """
      struct Dog {
        // slide: state
        var name = ""
        var tricks: [String] = []
        // slide end

        // slide: apply
        mutating func apply(_ trick: String) {
          // slide: nested
          tricks.append(trick)
          // slide end
        }
        // slide end
      }
      """.write(to: root.appendingPathComponent("Dog.swift"), atomically: true, encoding: .utf8)
  }

  private var parser: DeckParser { DeckParser(regions: CodeRegions(root: root)) }

  @Test("Slides are split at --- lines, with notes after Note:")
  func splitting() throws {
    let deck = try parser.parse(
      """
      # Event sourcing
      A workshop
      ---
      ## State is a fold
      - events
      Note:
      Say why.
      ---
      ```swift
      let a = 1
      ---
      ```
      """, name: "test.md")
    #expect(deck.title == "Event sourcing")
    #expect(deck.slides.count == 3)
    #expect(deck.slides[1].markdown == "## State is a fold\n- events")
    #expect(deck.slides[1].notes == "Say why.")
    #expect(deck.slides[2].markdown.contains("---"), "--- inside code belongs to the code")
  }

  @Test("A code reference is replaced by the region's code, dedented and without markers")
  func codeReference() throws {
    let deck = try parser.parse("# Title\n@code(Dog.swift#apply)", name: "test.md")
    #expect(
      deck.slides[0].markdown == """
        # Title
        ```swift
        mutating func apply(_ trick: String) {
          tricks.append(trick)
        }
        ```
        """)
    let state = try CodeRegions(root: root).code(
      for: try #require(CodeReference(line: "@code(Dog.swift#state)")), in: "test.md")
    #expect(state == "var name = \"\"\nvar tricks: [String] = []")
  }

  @Test("A reference that points nowhere names the deck, file and region")
  func brokenReferences() throws {
    #expect(throws: SlidesError.missingFile(deck: "test.md", path: "Cat.swift")) {
      try parser.parse("# T\n@code(Cat.swift#apply)", name: "test.md")
    }
    #expect(throws: SlidesError.missingRegion(deck: "test.md", path: "Dog.swift", region: "fetch")) {
      try parser.parse("# T\n@code(Dog.swift#fetch)", name: "test.md")
    }
    #expect(throws: SlidesError.missingTitle(deck: "test.md")) {
      try parser.parse("no heading", name: "test.md")
    }
  }
}
