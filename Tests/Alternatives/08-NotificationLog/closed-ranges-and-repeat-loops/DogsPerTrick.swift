// Differs from the reference: switches over every kind of event and reads in pages of 25.
import EventSourcing

/// A projection: follows the school's notification log and counts how many dogs know each
/// trick, in a view that remembers how far it got.
public struct DogsPerTrick<View: DogsPerTrickView>: Sendable {
  /// The name the view records positions under.
  public static var applicationName: String { "DogSchool" }

  /// The log followed.
  public let log: DogSchoolLog
  /// Where the counts and the position are kept.
  public let view: View

  /// Creates a projection of `log` into `view`.
  public init(log: DogSchoolLog, view: View) {
    self.log = log
    self.view = view
  }

  // MARK: - Task 5: follow the log

  /// Processes every notification the view has not seen yet; returns how many.
  ///
  /// Safe to call again at any time, also after a failure part-way: it starts from the
  /// position the view recorded, so nothing is missed and nothing is counted twice.
  @discardableResult
  public func catchUp() async throws -> Int {
    let name = Self.applicationName
    var reader = LogReader(
      log: log, position: try await view.maxTrackingID(for: name), pageSize: 25)
    let notifications = try await reader.read()
    for notification in notifications {
      let tracking = Tracking(applicationName: name, notificationID: notification.id)
      switch notification.event.event {
      case .trickAdded(let trick):
        try await view.addDog(notification.event.originatorID, toTrick: trick, tracking: tracking)
      case .registered:
        try await view.insertTracking(tracking)
      }
    }
    return notifications.count
  }
}
