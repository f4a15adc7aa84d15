/// The application-wide, numbered sequence of every recorded event.
///
/// Followers such as projections read it in order from where they last stopped, either in
/// pages or in sections:
///
/// ```swift
/// let page = try await app.notificationLog.select(start: position + 1, limit: 100)
/// let section = try await app.notificationLog.section("1,10")
/// ```
public struct NotificationLog: Sendable {
  /// Where the notifications are read from.
  public let recorder: any ApplicationRecorder
  /// How many notifications a full section holds.
  public let sectionSize: Int

  /// Creates a log reading from an application recorder.
  ///
  /// - Parameters:
  ///   - recorder: Where the notifications are read from.
  ///   - sectionSize: How many notifications a full section holds; 10 unless given.
  public init(recorder: any ApplicationRecorder, sectionSize: Int = 10) {
    self.recorder = recorder
    self.sectionSize = max(1, sectionSize)
  }

  /// Returns up to `limit` notifications with IDs from `start` on, in order.
  ///
  /// - Parameters:
  ///   - start: The first ID to return; IDs start at 1.
  ///   - limit: At most this many notifications; must be positive.
  ///   - stop: No notification with an ID above this, when given.
  public func select(start: Int, limit: Int, stop: Int? = nil) async throws -> [EventNotification] {
    try await recorder.notifications(start: start, limit: limit, stop: stop)
  }

  /// The ID of the newest notification, or 0 when the log is empty.
  public func maxNotificationID() async throws -> Int {
    try await recorder.maxNotificationID()
  }

  /// Returns a section of the log by its ID: `"first,last"`, such as `"11,20"`, or `"current"`
  /// for the section that holds the newest notification.
  ///
  /// A section holds at most ``sectionSize`` notifications. Its ``NotificationLogSection/nextID``
  /// is set only once it is full, so a reader that reaches a section without a next one has
  /// read everything there is for now.
  ///
  /// - Throws: ``NotificationLogError/invalidSectionID(_:)`` for an ID that is not of that form.
  public func section(_ sectionID: String) async throws -> NotificationLogSection {
    let (first, last) = try await bounds(of: sectionID)
    let limit = min(sectionSize, last - first + 1)
    let items = try await select(start: first, limit: limit, stop: last)
    let id = items.first.flatMap { firstItem in items.last.map { "\(firstItem.id),\($0.id)" } }
    let previousID = first > 1 ? "\(max(1, first - sectionSize)),\(first - 1)" : nil
    // Section IDs come from clients: near Int.max, `first + limit` would overflow. A full
    // section that ends at Int.max has no next one, since no ID can follow it.
    let (nextStart, isPastTheEnd) = first.addingReportingOverflow(limit)
    let nextID =
      items.count == limit && !isPastTheEnd
      ? "\(nextStart),\(Self.clampedSum(nextStart, sectionSize - 1))" : nil
    return NotificationLogSection(id: id, items: items, previousID: previousID, nextID: nextID)
  }

  /// `a + b`, or Int.max where that would overflow.
  private static func clampedSum(_ a: Int, _ b: Int) -> Int {
    let (sum, overflow) = a.addingReportingOverflow(b)
    return overflow ? .max : sum
  }

  private func bounds(of sectionID: String) async throws -> (first: Int, last: Int) {
    if sectionID == "current" {
      let newest = try await maxNotificationID()
      let first = newest == 0 ? 1 : (newest - 1) / sectionSize * sectionSize + 1
      return (first, Self.clampedSum(first, sectionSize - 1))
    }
    let parts = sectionID.split(separator: ",", omittingEmptySubsequences: false)
    guard parts.count == 2, let first = Int(parts[0]), let last = Int(parts[1]), first >= 1,
      last >= first
    else { throw NotificationLogError.invalidSectionID(sectionID) }
    return (first, last)
  }
}
