/// A realistic learner mistake: a chapter's reference solution with one deliberate change
/// that still compiles, which the chapter's tests must catch at the right task.
///
/// Mutants are kept as data in `Tests/Mutants/NN-Name.mutants` (the format is described in
/// `Tests/Mutants/README.md`) and read by ``MutantCatalog``.
public struct Mutant: Sendable, Equatable {
  /// One replacement in one file: whole lines found once and replaced.
  public struct Change: Sendable, Equatable {
    /// The file's name in the chapter's solution folder, such as `Dog.swift`.
    public let file: String
    /// The lines to find, next to each other, exactly as written.
    public let find: [String]
    /// The lines that take their place; empty to delete them.
    public let replace: [String]

    /// Creates a change.
    public init(file: String, find: [String], replace: [String]) {
      self.file = file
      self.find = find
      self.replace = replace
    }
  }

  /// The task whose tests must catch the mistake.
  public let task: Int
  /// The mistake in one line.
  public let description: String
  /// Where the mutant was declared: the catalog's line number of its `##` header.
  public let line: Int
  /// The changes that make the mistake, applied in order.
  public let changes: [Change]

  /// Creates a mutant.
  public init(task: Int, description: String, line: Int, changes: [Change]) {
    self.task = task
    self.description = description
    self.line = line
    self.changes = changes
  }

  /// Applies the changes to a solution's files, given as file name → contents.
  ///
  /// - Throws: ``MutantError`` when a file is missing or a change's lines are not found
  ///   exactly once, so a mutant that no longer fits its solution is reported, not skipped.
  public func applied(to files: [String: String]) throws(MutantError) -> [String: String] {
    var result = files
    for change in changes {
      guard let text = result[change.file] else {
        throw .missingFile(change.file, mutantLine: line)
      }
      let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      let starts = Self.starts(of: change.find, in: lines)
      guard starts.count == 1, let start = starts.first else {
        throw .linesNotFoundOnce(file: change.file, occurrences: starts.count, mutantLine: line)
      }
      let changed = lines[..<start] + change.replace + lines[(start + change.find.count)...]
      result[change.file] = changed.joined(separator: "\n")
    }
    return result
  }

  /// The indices where `needle` starts as a run of whole lines in `lines`.
  private static func starts(of needle: [String], in lines: [String]) -> [Int] {
    guard !needle.isEmpty, needle.count <= lines.count else { return [] }
    return (0...(lines.count - needle.count)).filter { start in
      needle.indices.allSatisfy { lines[start + $0] == needle[$0] }
    }
  }
}

/// Why a mutant could not be read or applied.
public enum MutantError: Error, Equatable, CustomStringConvertible {
  /// A line of the catalog that fits no part of the format.
  case malformedLine(Int, String)
  /// A change or a line outside any mutant or change.
  case outsideMutant(line: Int)
  /// A mutant with no change, or a change with no line to find.
  case emptyMutant(line: Int)
  /// A change names a file the solution does not have.
  case missingFile(String, mutantLine: Int)
  /// A change's lines occur in the file not exactly once.
  case linesNotFoundOnce(file: String, occurrences: Int, mutantLine: Int)

  /// A sentence naming the catalog's line.
  public var description: String {
    switch self {
    case .malformedLine(let line, let text):
      "line \(line): “\(text)” is none of “## Task N: …”, “@@ File.swift”, “-…”, “+…” or “# …”"
    case .outsideMutant(let line):
      "line \(line): a change must follow a “## Task N: …” header and an “@@ File.swift” line"
    case .emptyMutant(let line):
      "line \(line): the mutant changes nothing (each “@@” needs at least one “-” line)"
    case .missingFile(let file, let line):
      "the mutant on line \(line) changes \(file), which the solution does not have"
    case .linesNotFoundOnce(let file, let occurrences, let line):
      "the mutant on line \(line) looks for lines found \(occurrences) times in \(file), not once"
    }
  }
}
