import EventSourcing
import GivenBasics

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
    // Task 5: start a LogReader at the view's maxTrackingID(for: Self.applicationName) and
    // read what is new. For each notification make a Tracking with its id: a trickAdded
    // event goes to view.addDog(_:toTrick:tracking:), any other to view.insertTracking(_:).
    // Return how many notifications were processed.
    throw NotImplemented(task: 5, what: "DogsPerTrick.catchUp()")
  }
}
