public import Foundation

/// A line that shows a picture: `![description](path)`, alone on its line.
public struct PictureReference: Sendable, Equatable {
  /// What the picture shows, for people who cannot see it.
  public let description: String
  /// The picture's path, relative to the deck's folder.
  public let path: String

  /// Reads a picture line; `nil` for other lines, and for pictures that are not SVG files.
  public init?(line: String) {
    let trimmed = line.trimmingWhitespace()
    guard trimmed.hasPrefix("!["), trimmed.hasSuffix(")"),
      let middle = trimmed.range(of: "](")
    else { return nil }
    let path = trimmed[middle.upperBound..<trimmed.index(before: trimmed.endIndex)]
    guard path.hasSuffix(".svg"), !path.contains("("), !path.contains(")") else { return nil }
    description = String(trimmed[trimmed.index(trimmed.startIndex, offsetBy: 2)..<middle.lowerBound])
    self.path = String(path)
  }
}

/// The folder that decks' SVG pictures are read from, so that the rendered page embeds them
/// and stays self-contained.
///
/// Pictures are drawn for both themes: their colours come from the deck's CSS variables
/// (`var(--ink)`, `var(--paper)`, `var(--accent)`, `var(--muted)`, `var(--code-paper)`), with
/// fallbacks so that the files also read well on their own.
public struct PictureFolder: Sendable {
  /// The folder that picture paths are relative to.
  public let root: URL

  /// Creates a reader for paths relative to `root`.
  public init(root: URL) {
    self.root = root
  }

  /// Returns the picture's SVG markup, ready to embed: the XML declaration, doctype and
  /// comments are left out.
  ///
  /// - Throws: ``SlidesError/missingPicture(deck:path:)`` when the file does not exist or holds
  ///   no `<svg>` element.
  public func svg(at path: String, in deck: String) throws -> String {
    let url = root.appendingPathComponent(path)
    guard let text = try? String(contentsOf: url, encoding: .utf8),
      let start = text.range(of: "<svg"),
      let end = text.range(of: "</svg>", options: .backwards)
    else {
      throw SlidesError.missingPicture(deck: deck, path: path)
    }
    var svg = String(text[start.lowerBound..<end.upperBound])
    while let comment = svg.range(of: "<!--"), let close = svg.range(of: "-->", range: comment.upperBound..<svg.endIndex) {
      svg.removeSubrange(comment.lowerBound..<close.upperBound)
    }
    return svg
  }
}
