public import Foundation

/// The workshop's decks: every `*.md` file of a folder, rendered to HTML pages and an index.
///
/// ```swift
/// let decks = SlideDecks(folder: root.appendingPathComponent("slides"), repositoryRoot: root)
/// let written = try decks.render(to: root.appendingPathComponent(".build-slides"))
/// ```
public struct SlideDecks: Sendable {
  /// The folder holding the Markdown sources.
  public let folder: URL
  /// The folder that `@code(…)` paths are relative to.
  public let repositoryRoot: URL

  /// Creates the set of decks in `folder`.
  public init(folder: URL, repositoryRoot: URL) {
    self.folder = folder
    self.repositoryRoot = repositoryRoot
  }

  /// The Markdown sources, in file-name order.
  public func sources() throws -> [URL] {
    try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
      .filter { $0.pathExtension == "md" && $0.lastPathComponent != "README.md" }
      .sorted { $0.lastPathComponent < $1.lastPathComponent }
  }

  /// Parses every deck.
  ///
  /// - Throws: ``SlidesError`` for the first deck with a broken code reference, a missing
  ///   picture or no title.
  public func decks() throws -> [(name: String, deck: Deck)] {
    let parser = DeckParser(regions: CodeRegions(root: repositoryRoot), pictures: PictureFolder(root: folder))
    return try sources().map { url in
      let name = url.deletingPathExtension().lastPathComponent
      return (name, try parser.parse(String(contentsOf: url, encoding: .utf8), name: url.lastPathComponent))
    }
  }

  /// Writes one HTML page per deck and an `index.html` linking them, into `output`.
  ///
  /// - Returns: The pages written, the index last.
  @discardableResult
  public func render(to output: URL) throws -> [URL] {
    try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
    let html = DeckHTML()
    var written: [URL] = []
    var links: [String] = []
    for (name, deck) in try decks() {
      let page = output.appendingPathComponent(name + ".html")
      try html.html(for: deck).write(to: page, atomically: true, encoding: .utf8)
      written.append(page)
      links.append(
        "<li><a href=\"\(escapeHTML(name)).html\">\(escapeHTML(deck.title))</a> "
          + "(\(deck.slides.count) slides)</li>")
    }
    let index = output.appendingPathComponent("index.html")
    try """
      <!DOCTYPE html>
      <html lang="en"><head><meta charset="utf-8"><title>Workshop slides</title>
      <style>body { font: 24px/1.5 -apple-system, "Segoe UI", "DejaVu Sans", sans-serif;
      margin: 48px; } a { color: #b4461a; }</style></head>
      <body><h1>Workshop slides</h1><ol>\(links.joined(separator: "\n"))</ol>
      <p>Keys: a click, arrows, space or a clicker to move; <kbd>p</kbd> presenter view,
      <kbd>n</kbd> notes, <kbd>o</kbd> overview, <kbd>b</kbd> blackout, <kbd>+</kbd>/<kbd>-</kbd>
      text size, <kbd>t</kbd> theme. Print for one page per slide; add
      <code>?print-notes</code> to a deck's address to print its notes too.</p></body></html>

      """.write(to: index, atomically: true, encoding: .utf8)
    written.append(index)
    return written
  }
}
