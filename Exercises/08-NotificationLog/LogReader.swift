import GivenBasics

/// Reads the notification log from a position on, and remembers how far it got.
///
/// Each ``read()`` returns only the notifications recorded since the last one: nothing is
/// delivered twice and nothing is skipped.
public struct LogReader: Sendable {
  /// The log being read.
  public let log: DogSchoolLog
  /// The ID of the last notification read; 0 before anything is read.
  public private(set) var position: Int
  /// How many notifications one request to the log asks for.
  public let pageSize: Int

  /// Creates a reader that returns the notifications after `position`.
  public init(log: DogSchoolLog, position: Int = 0, pageSize: Int = 10) {
    self.log = log
    self.position = max(0, position)
    self.pageSize = max(1, pageSize)
  }

  // MARK: - Task 3: read what is new

  /// Returns every notification recorded since the last call, and moves past them.
  public mutating func read() async throws -> [NumberedEvent] {
    // Task 3: ask `log.select(start:limit:)` for pages of `pageSize` after `position`,
    // move `position` to the last ID read, and stop at a page that is not full.
    throw NotImplemented(task: 3, what: "LogReader.read()")
  }
}
