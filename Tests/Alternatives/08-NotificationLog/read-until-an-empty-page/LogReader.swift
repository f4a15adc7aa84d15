// Differs from the reference: asks for pages until one comes back empty.

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
    var new: [NumberedEvent] = []
    // One more request than needed, but no page-size arithmetic: an empty page is the end.
    while true {
      let page = try await log.select(start: position + 1, limit: pageSize)
      guard let last = page.last else { return new }
      new += page
      position = last.id
    }
  }
}
