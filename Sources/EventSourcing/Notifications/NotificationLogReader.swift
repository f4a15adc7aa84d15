/// Reads a notification log from a position on, and remembers how far it got.
///
/// Each call to ``read()`` returns only the notifications that are new since the last call:
///
/// ```swift
/// var reader = NotificationLogReader(log: app.notificationLog)
/// let first = try await reader.read()    // everything so far
/// let later = try await reader.read()    // only what was recorded since
/// ```
///
/// A follower that must survive a restart stores ``position`` together with the results of
/// processing (see `Follower`), and starts a new reader from it.
public struct NotificationLogReader: Sendable {
  /// The log being read.
  public let log: NotificationLog
  /// The ID of the last notification read; 0 before anything is read.
  public private(set) var position: Int
  /// How many notifications one request to the recorder asks for.
  public let pageSize: Int

  /// Creates a reader that will return notifications after `position`.
  ///
  /// - Parameters:
  ///   - log: The log to read.
  ///   - position: The ID of the last notification already read; 0 to read from the start.
  ///   - pageSize: How many notifications one request asks for; 100 unless given.
  public init(log: NotificationLog, position: Int = 0, pageSize: Int = 100) {
    self.log = log
    self.position = max(0, position)
    self.pageSize = max(1, pageSize)
  }

  /// Returns the next page of new notifications, at most ``pageSize``, and moves past them;
  /// an empty array when there is nothing new.
  public mutating func nextPage() async throws -> [EventNotification] {
    // No notification can follow the largest ID there is.
    guard position < Int.max else { return [] }
    let page = try await log.select(start: position + 1, limit: pageSize)
    if let last = page.last { position = last.id }
    return page
  }

  /// Returns every notification that is new since the last call, and moves past them.
  public mutating func read() async throws -> [EventNotification] {
    var notifications: [EventNotification] = []
    while true {
      let page = try await nextPage()
      notifications += page
      if page.count < pageSize { return notifications }
    }
  }
}
