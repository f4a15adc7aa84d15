/// One chapter of the workshop: where its code lives, what it is called, and its hints.
///
/// The code of chapter `NN-Name` lives in `Exercises/NN-Name/` (starter code and chapter text)
/// and `Solutions/NN-Name/` (the files of the reference solution that differ from the starter
/// code, laid over it); both build the module `ChapterNN`, tested by `Tests/ChapterNNTests/`.
/// Code that chapters share and learners never edit is in modules under `Exercises/Given/`.
public struct Chapter: Sendable, Equatable {
  /// The chapter's number, from 1.
  public let number: Int
  /// The folder name under `Exercises/` and `Solutions/`, such as `01-PlainDog`.
  public let folder: String
  /// The chapter's title, as in its text.
  public let title: String
  /// Hints for each task, keyed by task number, shown one at a time by `workshop hint`.
  public let hints: [Int: [String]]

  /// Creates a chapter entry.
  public init(number: Int, folder: String, title: String, hints: [Int: [String]]) {
    self.number = number
    self.folder = folder
    self.title = title
    self.hints = hints
  }

  /// The two-digit number, as used in folder and target names: `01`.
  public var paddedNumber: String {
    number < 10 ? "0\(number)" : "\(number)"
  }

  /// The name of the chapter's test target: `Chapter01Tests`.
  public var testTarget: String { "Chapter\(paddedNumber)Tests" }

  /// The exercise folder, relative to the package root.
  public var exercisePath: String { "Exercises/\(folder)" }

  /// The solution folder, relative to the package root: only the files that differ from the
  /// exercise's.
  public var solutionPath: String { "Solutions/\(folder)" }

  /// The chapter text, relative to the package root.
  public var textPath: String { "\(exercisePath)/README.md" }

  /// The task numbers that have hints, in order.
  public var tasks: [Int] { hints.keys.sorted() }
}

// MARK: - Mutants and alternatives

extension Chapter {
  /// The chapter's kept mistakes, relative to the package root (see `Tests/Mutants/README.md`).
  public var mutantsPath: String { "Tests/Mutants/\(folder).mutants" }

  /// The folder of the chapter's alternative solutions, one subfolder each, relative to the
  /// package root.
  public var alternativesPath: String { "Tests/Alternatives/\(folder)" }
}
