/// Where a learner stands with a chapter, as remembered from its last run.
public struct ChapterStatus: Codable, Sendable, Equatable {
  /// The kinds of standing.
  public enum Kind: String, Codable, Sendable {
    /// Never run.
    case notStarted
    /// All tests passed.
    case passed
    /// Some tests failed.
    case failing
    /// The code did not compile.
    case doesNotCompile
    /// The tests crashed before they all ended.
    case crashed
    /// The tests made no progress and were stopped.
    case stalled
  }

  /// The kind of standing.
  public var kind: Kind
  /// How many tasks pass.
  public var tasksDone: Int
  /// How many tasks the chapter has.
  public var taskCount: Int
  /// The first task that does not pass yet, if known.
  public var nextTask: Int?

  /// Creates a status.
  public init(kind: Kind, tasksDone: Int = 0, taskCount: Int = 0, nextTask: Int? = nil) {
    self.kind = kind
    self.tasksDone = tasksDone
    self.taskCount = taskCount
    self.nextTask = nextTask
  }

  /// A chapter that was never run.
  public static let notStarted = ChapterStatus(kind: .notStarted)

  /// Whether the chapter is finished.
  public var isPassed: Bool { kind == .passed }
}
