public import Foundation

/// A reference from a slide to a marked region of a source file: `@code(path#region)`.
public struct CodeReference: Sendable, Equatable {
  /// The file's path, relative to the repository's root.
  public let path: String
  /// The region's name.
  public let region: String
  /// The lines to highlight, as written after the reference (`2-3,5`); empty for none.
  public let highlightedLines: String

  /// Reads a reference from a line of the form `@code(path#region)`, optionally followed by
  /// lines to highlight in braces (`@code(path#region) {2-3}`); `nil` for other lines.
  public init?(line: String) {
    var trimmed = line.trimmingWhitespace()
    var lines = ""
    if trimmed.hasSuffix("}"), let open = trimmed.lastIndex(of: "{") {
      lines = trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)].trimmingWhitespace()
      trimmed = trimmed[..<open].trimmingWhitespace()
    }
    guard trimmed.hasPrefix("@code("), trimmed.hasSuffix(")") else { return nil }
    highlightedLines = lines
    let inner = trimmed.dropFirst("@code(".count).dropLast()
    let parts = inner.split(separator: "#", maxSplits: 1)
    guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
    path = String(parts[0])
    region = String(parts[1])
  }
}

/// Finds marked regions in source files, so that slides show code that is compiled and
/// tested instead of a pasted copy that can drift.
///
/// A region starts after a line `// slide: NAME` and ends before the next `// slide end`:
///
/// ```swift
/// // slide: apply
/// mutating func apply(_ event: Event) { … }
/// // slide end
/// ```
///
/// Regions may nest. Marker lines of other regions and `///` documentation comments are left
/// out (on a slide, the speaker explains), and the region's common indentation is removed.
public struct CodeRegions: Sendable {
  /// The folder that reference paths are relative to.
  public let root: URL

  /// Creates a resolver for paths relative to `root`.
  public init(root: URL) {
    self.root = root
  }

  /// Returns the code of a region.
  ///
  /// - Throws: ``SlidesError/missingFile(deck:path:)`` or
  ///   ``SlidesError/missingRegion(deck:path:region:)`` when the reference points nowhere.
  public func code(for reference: CodeReference, in deck: String) throws -> String {
    let url = root.appendingPathComponent(reference.path)
    guard let source = try? String(contentsOf: url, encoding: .utf8) else {
      throw SlidesError.missingFile(deck: deck, path: reference.path)
    }
    var lines: [Substring] = []
    // Regions may nest: the depth says how many are open since this region began.
    var depth = 0
    var wasFound = false
    for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
      let marker = line.trimmingWhitespace()
      let isBegin = marker.hasPrefix("// slide: ")
      let isEnd = marker == "// slide end"
      if depth == 0 {
        if marker == "// slide: \(reference.region)" {
          depth = 1
          wasFound = true
        }
      } else if isBegin {
        depth += 1
      } else if isEnd {
        depth -= 1
      } else if !marker.hasPrefix("///") {
        lines.append(line)
      }
    }
    guard wasFound, !lines.isEmpty else {
      throw SlidesError.missingRegion(deck: deck, path: reference.path, region: reference.region)
    }
    return Self.dedented(lines)
  }

  private static func dedented(_ lines: [Substring]) -> String {
    let indent =
      lines.filter { !$0.trimmingWhitespace().isEmpty }
      .map { $0.prefix(while: { $0 == " " }).count }
      .min() ?? 0
    return lines.map { $0.trimmingWhitespace().isEmpty ? "" : String($0.dropFirst(indent)) }
      .joined(separator: "\n")
  }
}

/// An error building slides; each names the deck and what is wrong.
public enum SlidesError: Error, Equatable, CustomStringConvertible {
  /// A code reference names a file that does not exist.
  case missingFile(deck: String, path: String)
  /// A code reference names a region the file does not mark.
  case missingRegion(deck: String, path: String, region: String)
  /// The deck's first slide has no heading to title it.
  case missingTitle(deck: String)
  /// A picture line names an SVG file that does not exist.
  case missingPicture(deck: String, path: String)

  public var description: String {
    switch self {
    case .missingFile(let deck, let path):
      "\(deck): @code refers to \(path), which does not exist."
    case .missingRegion(let deck, let path, let region):
      "\(deck): @code refers to region '\(region)' of \(path), which has no lines between "
        + "'// slide: \(region)' and '// slide end'."
    case .missingTitle(let deck):
      "\(deck): the first slide needs a heading, which titles the deck."
    case .missingPicture(let deck, let path):
      "\(deck): the picture \(path) does not exist (paths are relative to the deck's folder)."
    }
  }
}
