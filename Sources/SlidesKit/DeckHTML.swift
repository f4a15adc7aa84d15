/// Renders a deck as one self-contained HTML page: styles, scripts and pictures are inside,
/// nothing is fetched, so the deck works offline from a file.
///
/// Keys and clicks:
///
/// | Keys | What they do |
/// |---|---|
/// | → ↓ Space PageDown Enter, a click | next step (see ``MarkdownRenderer``) or slide |
/// | ← ↑ Backspace PageUp, Shift-Space | previous step or slide |
/// | Home, End | first, last slide |
/// | `p` | presenter view in a second window: current slide, next slide, notes, timer |
/// | `n` | speaker notes under the slide, in this window |
/// | `o`, Esc | overview of all slides; a click or Enter opens one |
/// | `b`, `.` | blackout |
/// | `+`, `-`, `0` | larger, smaller, normal text |
/// | `t` | light or dark theme (the system's choice at first) |
///
/// Printing gives one 16:9 page per slide with every step shown; open the page with
/// `?print-notes` to print each slide's notes under it (`?print-preview` shows on screen what
/// printing gives). The URL parameters `presenter`, `notes`, `overview`, `blackout` and
/// `theme=dark|light` open the page in that state.
///
/// For automated checks in a headless browser, `?check` adds a JSON report in the element
/// with the ID `check-report`: slides whose content overflows, list markers cut off, notes the
/// audience would see, notes outside the window, pictures that do not fit, and keys that do not
/// work; `?check=presenter` reports the presenter view's layout and the notes' font, and
/// `?check=printed-notes&print-preview&print-notes` the slides whose notes do not fit on their
/// printed page.
public struct DeckHTML: Sendable {
  /// Creates a renderer.
  public init() {}

  /// Returns the deck's HTML page.
  public func html(for deck: Deck) -> String {
    let sections = deck.slides.enumerated().map { index, slide in
      let markdown = MarkdownRenderer(pictures: slide.pictures)
      let notes = slide.notes.isEmpty ? "" : "<aside class=\"notes\">\(markdown.html(for: slide.notes))</aside>"
      return """
        <section class="slide" id="slide-\(index + 1)" data-number="\(index + 1)"\(index == 0 ? " data-title" : "")>
        <div class="content">\(markdown.html(for: slide.markdown))</div>\(notes)
        <footer class="number">\(index + 1) / \(deck.slides.count)</footer>
        </section>
        """
    }
    return """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(escapeHTML(deck.title))</title>
      <style>\(DeckStyle.css)</style>
      </head>
      <body>
      <main id="deck">
      \(sections.joined(separator: "\n"))
      </main>
      <script>\(DeckScript.javaScript)</script>
      </body>
      </html>

      """
  }
}
