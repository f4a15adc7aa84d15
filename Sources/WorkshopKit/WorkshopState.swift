public import Foundation

/// What the workshop remembers between commands: each chapter's last status and which hints
/// were shown. Kept as JSON in `.workshop/state.json`, which git ignores.
public struct WorkshopState: Codable, Sendable, Equatable {
  /// The last status of each chapter, keyed by its two-digit number.
  public var statuses: [String: ChapterStatus] = [:]
  /// How many hints were shown per chapter and task, keyed "NN.T" (such as "02.1").
  public var hintsShown: [String: Int] = [:]

  /// Creates an empty state.
  public init() {}

  /// The last known status of a chapter.
  public func status(of chapter: Chapter) -> ChapterStatus {
    statuses[chapter.paddedNumber] ?? .notStarted
  }

  /// The first chapter that has not passed, in table order, if any.
  public func firstUnfinished(in chapters: [Chapter]) -> Chapter? {
    chapters.first { !status(of: $0).isPassed }
  }

  /// Returns the next hint for a task and remembers it was shown; nil when all were shown.
  public mutating func nextHint(for chapter: Chapter, task: Int) -> (number: Int, text: String)? {
    let key = "\(chapter.paddedNumber).\(task)"
    let hints = chapter.hints[task] ?? []
    let shown = hintsShown[key] ?? 0
    guard shown < hints.count else { return nil }
    hintsShown[key] = shown + 1
    return (shown + 1, hints[shown])
  }

  // MARK: - Loading and saving

  /// Reads the state from a file; an empty state when it is missing or unreadable.
  public static func load(from url: URL) -> WorkshopState {
    guard let data = try? Data(contentsOf: url),
      let state = try? JSONDecoder().decode(WorkshopState.self, from: data)
    else { return WorkshopState() }
    return state
  }

  /// Writes the state to a file, creating its folder.
  public func save(to url: URL) throws {
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    try encoder.encode(self).write(to: url, options: .atomic)
  }
}
