/// Follows another application's notification log and hands every new notification, in
/// order, to a projection.
///
/// The follower keeps no position of its own: it asks the view how far it got, so that after
/// a crash or restart it resumes exactly after the last notification whose results were
/// recorded.
public struct Follower<P: Projection>: Sendable {
  /// The name of the followed application, under which positions are tracked.
  public let leaderName: String
  /// The followed application's notification log.
  public let log: NotificationLog
  /// What turns notifications into the view.
  public let projection: P
  /// Where results and positions are recorded.
  public let view: P.View
  /// How many notifications are read per request.
  public let pageSize: Int

  /// Creates a follower.
  ///
  /// - Parameters:
  ///   - leaderName: The name of the followed application.
  ///   - log: Its notification log.
  ///   - projection: What processes each notification.
  ///   - view: Where results and tracking positions are recorded.
  ///   - pageSize: How many notifications are read per request; 100 unless given.
  public init(
    following leaderName: String, log: NotificationLog, projection: P, view: P.View,
    pageSize: Int = 100
  ) {
    self.leaderName = leaderName
    self.log = log
    self.projection = projection
    self.view = view
    self.pageSize = max(1, pageSize)
  }

  /// Processes every notification recorded after the view's position.
  ///
  /// - Returns: How many notifications were processed.
  @discardableResult
  public func catchUp() async throws -> Int {
    let position = try await view.maxTrackingID(for: leaderName)
    var reader = NotificationLogReader(log: log, position: position, pageSize: pageSize)
    var processed = 0
    while true {
      let page = try await reader.nextPage()
      for notification in page {
        try await projection.process(
          notification,
          tracking: Tracking(applicationName: leaderName, notificationID: notification.id),
          in: view)
        processed += 1
      }
      if page.count < pageSize { return processed }
    }
  }

  /// The ID of the last notification the view has recorded as processed.
  public func position() async throws -> Int {
    try await view.maxTrackingID(for: leaderName)
  }
}
