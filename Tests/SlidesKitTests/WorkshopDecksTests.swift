import Foundation
import SlidesKit
import Testing

/// Renders the workshop's real decks, so that a broken code reference or an empty slide fails
/// the tests before it reaches a projector.
@Suite("The workshop's decks")
struct WorkshopDecksTests {
  private static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  private let decks = SlideDecks(
    folder: Self.root.appendingPathComponent("slides"), repositoryRoot: Self.root)

  @Test("There is an opening deck, a closing deck and one per chapter")
  func deckList() throws {
    let names = try decks.sources().map(\.lastPathComponent)
    #expect(names.first == "00-welcome.md")
    #expect(names.last == "10-closing.md")
  }

  @Test("Every deck parses: every code reference points at a marked region")
  func everyReferenceResolves() throws {
    for (name, deck) in try decks.decks() {
      #expect(deck.slides.count >= 3, "\(name) has \(deck.slides.count) slides")
      for (index, slide) in deck.slides.enumerated() {
        #expect(!slide.markdown.isEmpty, "\(name), slide \(index + 1) shows nothing")
      }
    }
  }

  @Test("Every deck renders to a self-contained page with one section per slide")
  func rendering() throws {
    let output = FileManager.default.temporaryDirectory.appendingPathComponent("decks-\(UUID())")
    defer { try? FileManager.default.removeItem(at: output) }
    let pages = try decks.render(to: output)
    let parsed = try decks.decks()
    #expect(pages.count == parsed.count + 1)
    for ((name, deck), page) in zip(parsed, pages) {
      let html = try String(contentsOf: page, encoding: .utf8)
      #expect(html.components(separatedBy: "<section class=\"slide\"").count - 1 == deck.slides.count)
      for attribute in ["src=\"http", "href=\"http", "src=\"//", "href=\"//", "url(http", "@import"] {
        #expect(!html.contains(attribute), "\(name) refers outside the page: \(attribute)")
      }
      #expect(!html.contains("<link "), "\(name) links a style sheet")
      #expect(!html.contains("<script src"), "\(name) loads a script")
    }
  }

  @Test("Every picture is used, takes its colours from the deck's variables and has no IDs")
  func pictures() throws {
    let folder = Self.root.appendingPathComponent("slides/pictures")
    let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
      .filter { $0.pathExtension == "svg" }
    #expect(files.count >= 6)
    let used = try decks.decks().flatMap { $0.deck.slides.flatMap { $0.pictures.keys } }
    for file in files {
      let svg = try String(contentsOf: file, encoding: .utf8)
      let name = file.lastPathComponent
      #expect(used.contains("pictures/\(name)"), "\(name) is on no slide")
      #expect(svg.contains("var(--ink"), "\(name) does not follow the theme")
      #expect(!svg.contains(" id="), "\(name) has IDs, which clash when a page holds several pictures")
    }
  }
}
