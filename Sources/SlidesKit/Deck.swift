/// A slide deck: the slides of one Markdown source, in order.
public struct Deck: Sendable, Equatable {
  /// The deck's title: the first heading of its first slide.
  public let title: String
  /// The slides, in order.
  public let slides: [Slide]

  /// Creates a deck.
  public init(title: String, slides: [Slide]) {
    self.title = title
    self.slides = slides
  }
}

/// One slide: what the room sees, and what only the speaker sees.
public struct Slide: Sendable, Equatable {
  /// The slide's Markdown, with code references already resolved.
  public let markdown: String
  /// The speaker notes' Markdown; empty when there are none.
  public let notes: String
  /// The SVG pictures the slide shows, by the path its Markdown names them with.
  public let pictures: [String: String]

  /// Creates a slide.
  public init(markdown: String, notes: String, pictures: [String: String] = [:]) {
    self.markdown = markdown
    self.notes = notes
    self.pictures = pictures
  }
}
