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

  @Test("Every chapter deck is titled as its chapter and ends with the chapter's tasks, in order")
  func chapterDecks() throws {
    let exercises = try FileManager.default.contentsOfDirectory(
      at: Self.root.appendingPathComponent("Exercises"), includingPropertiesForKeys: nil
    ).filter { $0.lastPathComponent.first?.isNumber == true }.sorted { $0.lastPathComponent < $1.lastPathComponent }
    let chapterDecks = try decks.decks().filter { $0.name.hasPrefix("0") && $0.name != "00-welcome" }
    #expect(chapterDecks.count == exercises.count)
    for ((name, deck), folder) in zip(chapterDecks, exercises) {
      let readme = try String(contentsOf: folder.appendingPathComponent("README.md"), encoding: .utf8)
      let lines = readme.split(separator: "\n").map(String.init)
      #expect("# " + deck.title == lines.first, "\(name) is not titled as \(folder.lastPathComponent)")
      let tasks = Self.taskNames(in: lines)
      let last = try #require(deck.slides.last).markdown
      #expect(last.hasPrefix("## Your tasks"), "\(name) does not end with its tasks")
      #expect(Self.taskNames(in: last.split(separator: "\n").map(String.init)) == tasks, "\(name)")
    }
  }

  /// The bold names of numbered items (`1. **Name.** …` or `1. **Name**: …`), without the stop.
  private static func taskNames(in lines: [String]) -> [String] {
    lines.compactMap { line in
      guard line.first?.isNumber == true, let start = line.range(of: ". **"),
        let end = line.range(of: "**", range: start.upperBound..<line.endIndex)
      else { return nil }
      let name = line[start.upperBound..<end.lowerBound]
      return String(name.hasSuffix(".") ? name.dropLast() : name)
    }
  }
}
