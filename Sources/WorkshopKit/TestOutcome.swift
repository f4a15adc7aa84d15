/// What became of one test in a run.
public struct TestOutcome: Sendable, Equatable {
  /// How a test ended.
  public enum Status: Sendable, Equatable {
    /// It ran to the end without issues.
    case passed
    /// It ran to the end with at least one issue.
    case failed
    /// It was planned but never ended: the test process stopped before it did.
    case didNotFinish
    /// It did not run: a trait disabled it.
    case skipped
  }

  /// The test's identity in the run.
  public let id: String
  /// The test's display name, such as "Task 2: addTrick teaches the dog a trick".
  public let displayName: String
  /// How it ended.
  public var status: Status
  /// What went wrong, one entry per issue: the test's own message first.
  public var issues: [TestIssue]
  /// Whether the test started; with ``Status/didNotFinish``, it was running when the run stopped.
  public var didStart = false

  /// Creates an outcome.
  public init(id: String, displayName: String, status: Status, issues: [TestIssue] = []) {
    self.id = id
    self.displayName = displayName
    self.status = status
    self.issues = issues
  }

  /// The task this test belongs to, read from a display name that starts "Task N:".
  public var task: Int? {
    guard displayName.hasPrefix("Task ") else { return nil }
    let digits = displayName.dropFirst(5).prefix(while: \.isNumber)
    return Int(digits)
  }

  /// The display name without its "Task N: " prefix.
  public var behaviour: String {
    guard task != nil, let colon = displayName.firstIndex(of: ":") else { return displayName }
    return displayName[displayName.index(after: colon)...].trimmingPrefix(" ").description
  }
}

/// One problem a test reported.
public struct TestIssue: Sendable, Equatable {
  /// The plain-words message: the test's comment, or the error it caught.
  public let message: String
  /// The raw expectation, such as `(dog.tricks → []) == ["sit"]`, when there is a comment too.
  public let detail: String?

  /// Creates an issue.
  public init(message: String, detail: String? = nil) {
    self.message = message
    self.detail = detail
  }
}
