import Foundation
import Testing

@testable import SlidesKit

/// What the renderer adds for presenting: steps, highlighted lines and pictures.
@Suite("Presenting")
struct PresentingTests {
  let renderer = MarkdownRenderer()

  @Test("A line '. . .' starts a step, and '+' items appear one per step")
  func steps() {
    let html = renderer.html(for: "## Title\nfirst\n. . .\nthen\n\n+ one\n+ two\n- always")
    #expect(html.hasPrefix("<h2>Title</h2>\n<p>first</p>\n<div class=\"fragment\"><p>then</p>"))
    #expect(html.contains("<ul><li class=\"fragment\">one</li><li class=\"fragment\">two</li><li>always</li></ul>"))
    #expect(!renderer.html(for: "```\n. . .\n```").contains("fragment"), "code keeps its dots")
  }

  @Test("A fence's {2-3,5} highlights those lines, each wrapped whole")
  func highlightedLines() {
    let html = renderer.html(for: "```swift {2-3,5}\nlet a = 1\n/* two\nthree */\nlet d = 4\nlet e = 5\n```")
    #expect(html.contains("<code class=\"language-swift has-highlights\">"))
    #expect(html.contains("<span class=\"line\"><span class=\"keyword\">let</span> a = <span class=\"number\">1</span></span>"))
    // The comment crosses a line end: it is closed and opened again.
    #expect(html.contains("<span class=\"line highlighted\"><span class=\"comment\">/* two</span></span>"))
    #expect(html.contains("<span class=\"line highlighted\"><span class=\"comment\">three */</span></span>"))
    #expect(html.components(separatedBy: "line highlighted").count - 1 == 3)
    #expect(CodeLines("2-1") == nil)
    #expect(CodeLines("x") == nil)
  }

  @Test("A code reference takes the lines to highlight after it")
  func referenceHighlights() throws {
    let reference = try #require(CodeReference(line: "@code(Dog.swift#apply) {2-3}"))
    #expect(reference.path == "Dog.swift")
    #expect(reference.region == "apply")
    #expect(reference.highlightedLines == "2-3")
  }

  @Test("A picture is embedded in the page, without its XML declaration and comments")
  func pictureEmbedding() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pictures-\(UUID())")
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("pictures"), withIntermediateDirectories: true)
    try """
      <?xml version="1.0" encoding="UTF-8"?>
      <!-- drawn for the deck -->
      <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>
      """.write(to: folder.appendingPathComponent("pictures/box.svg"), atomically: true, encoding: .utf8)
    let parser = DeckParser(regions: CodeRegions(root: folder), pictures: PictureFolder(root: folder))
    let deck = try parser.parse("# Title\n![A box & more](pictures/box.svg)", name: "test.md")
    let html = DeckHTML().html(for: deck)
    #expect(
      html.contains(
        "<figure class=\"picture\" role=\"img\" aria-label=\"A box &amp; more\"><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><rect width=\"10\" height=\"10\"/></svg></figure>"
      ))
    #expect(!html.contains("<?xml"))
    #expect(!html.contains("drawn for the deck"))
    #expect(throws: SlidesError.missingPicture(deck: "test.md", path: "pictures/cat.svg")) {
      try parser.parse("# Title\n![A cat](pictures/cat.svg)", name: "test.md")
    }
    #expect(
      SlidesError.missingPicture(deck: "test.md", path: "pictures/cat.svg").description.contains("pictures/cat.svg"))
  }

  @Test("The page prints one 16:9 page per slide, and knows the keys of a clicker")
  func pageSettings() {
    let html = DeckHTML().html(for: Deck(title: "T", slides: [Slide(markdown: "# T", notes: "")]))
    #expect(html.contains("@page { size: 1280px 720px; margin: 0; }"))
    #expect(html.contains("break-after: page"))
    #expect(html.contains("@page { size: 1280px 1080px; margin: 0; }"), "?print-notes")
    for key in ["'PageDown'", "'PageUp'", "'Backspace'", "'b'", "'.'", "'o'", "'Escape'", "'t'", "'+'", "'-'"] {
      #expect(html.contains("case \(key)"), "\(key)")
    }
    #expect(html.contains("prefers-color-scheme: dark"))
  }
}
