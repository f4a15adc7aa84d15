import ArgumentParser
import Foundation
import SlidesKit

extension Workshop {
  /// Renders the slide decks to self-contained HTML pages.
  struct Slides: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Render the slides (slides/*.md) to HTML pages that work offline.",
      discussion: """
        Open the index page in a browser. Keys: a click, arrows, space, PageDown and PageUp (a
        clicker) to move, Home and End; p for the presenter view in a second window, n for the
        notes under the slide, o for the overview, b for blackout, + and - for the text size,
        t for the light or dark theme. Printing gives one 16:9 page per slide; open a deck
        with ?print-notes to print the notes under each slide.
        """)

    @Option(help: "The folder to write the pages to, relative to the workshop's folder.")
    var output = ".build-slides"

    func run() throws {
      let kit = try Kit()
      let decks = SlideDecks(
        folder: kit.root.appendingPathComponent("slides"), repositoryRoot: kit.root)
      let folder = URL(fileURLWithPath: output, relativeTo: kit.root).standardizedFileURL
      let pages = try decks.render(to: folder)
      for page in pages.dropLast() {
        print("  \(page.lastPathComponent)")
      }
      print("\(pages.count - 1) decks written; open \(folder.appendingPathComponent("index.html").path)")
    }
  }
}
