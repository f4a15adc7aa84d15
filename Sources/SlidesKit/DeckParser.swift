/// Splits a Markdown deck source into slides.
///
/// The source format, chosen to read well as plain Markdown too:
///
/// - a line that is exactly `---` separates two slides;
/// - a line that is exactly `Note:` starts the speaker notes of the slide it is on;
/// - a line `@code(path#region)` stands for a region of a source file (see ``CodeRegions``),
///   shown as a Swift code block; `@code(path#region) {2-3}` highlights lines 2 and 3 of it;
/// - a line `![description](pictures/name.svg)` shows an SVG picture of the deck's folder,
///   embedded in the page (see ``PictureFolder``).
///
/// A `---` inside a fenced code block belongs to the code. Step-by-step reveal and highlighted
/// lines are Markdown (see ``MarkdownRenderer``).
public struct DeckParser: Sendable {
  /// Resolves `@code(…)` references.
  public let regions: CodeRegions
  /// Reads the pictures slides show; `nil` leaves picture lines as text.
  public let pictures: PictureFolder?

  /// Creates a parser that reads code references through `regions` and pictures from
  /// `pictures`.
  public init(regions: CodeRegions, pictures: PictureFolder? = nil) {
    self.regions = regions
    self.pictures = pictures
  }

  /// Parses a deck.
  ///
  /// - Throws: ``SlidesError`` when a code reference or a picture points nowhere or the deck
  ///   has no title.
  public func parse(_ source: String, name: String) throws -> Deck {
    var slides: [Slide] = []
    var content: [String] = []
    var notes: [String] = []
    var pictureTexts: [String: String] = [:]
    var isInNotes = false
    var isInCode = false

    func finishSlide() {
      let markdown = content.joined(separator: "\n").trimmingWhitespace()
      let noteText = notes.joined(separator: "\n").trimmingWhitespace()
      if !markdown.isEmpty || !noteText.isEmpty {
        slides.append(Slide(markdown: markdown, notes: noteText, pictures: pictureTexts))
      }
      content = []
      notes = []
      pictureTexts = [:]
      isInNotes = false
    }

    for line in source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
      if line.hasPrefix("```") { isInCode.toggle() }
      if !isInCode && line == "---" {
        finishSlide()
      } else if !isInCode && line == "Note:" {
        isInNotes = true
      } else if !isInCode, let reference = CodeReference(line: line) {
        let code = try regions.code(for: reference, in: name)
        let fence = reference.highlightedLines.isEmpty ? "```swift" : "```swift {\(reference.highlightedLines)}"
        let block = [fence, code, "```"]
        if isInNotes { notes += block } else { content += block }
      } else if !isInCode, let folder = pictures, let picture = PictureReference(line: line) {
        pictureTexts[picture.path] = try folder.svg(at: picture.path, in: name)
        if isInNotes { notes.append(line) } else { content.append(line) }
      } else if isInNotes {
        notes.append(line)
      } else {
        content.append(line)
      }
    }
    finishSlide()

    guard let title = slides.first.flatMap({ Self.firstHeading(in: $0.markdown) }) else {
      throw SlidesError.missingTitle(deck: name)
    }
    return Deck(title: title, slides: slides)
  }

  private static func firstHeading(in markdown: String) -> String? {
    for line in markdown.split(separator: "\n") where line.hasPrefix("#") {
      return line.drop(while: { $0 == "#" }).trimmingWhitespace()
    }
    return nil
  }
}

extension StringProtocol {
  /// The text without leading and trailing spaces, tabs and newlines.
  func trimmingWhitespace() -> String {
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
    guard let first = firstIndex(where: { !isSpace($0) }),
      let last = lastIndex(where: { !isSpace($0) })
    else { return "" }
    return String(self[first...last])
  }
}
