/// An error recording a tracking position.
public enum TrackingError: Error, Equatable, CustomStringConvertible {
  /// This notification, or a later one, was already processed: processing it again would
  /// apply it twice.
  case alreadyProcessed(Tracking)

  public var description: String {
    switch self {
    case .alreadyProcessed(let tracking):
      "EventNotification \(tracking.notificationID) of \(tracking.applicationName) was already "
        + "processed."
    }
  }
}
