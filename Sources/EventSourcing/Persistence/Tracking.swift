/// How far a follower has processed another application's notification log: the position
/// that is recorded in the same transaction as the results of processing it.
public struct Tracking: Sendable, Equatable, Hashable {
  /// The name of the application whose log is followed.
  public let applicationName: String
  /// The ID of the notification that was processed.
  public let notificationID: Int

  /// Creates a tracking record.
  public init(applicationName: String, notificationID: Int) {
    self.applicationName = applicationName
    self.notificationID = notificationID
  }
}
