public import EventSourcing
public import Foundation

/// Where the ``DogsPerTrick`` projection keeps its counts, and how far it has read the log.
///
/// A view is a `TrackingRecorder` (from the EventSourcing library): besides its counts it
/// records the position of the last notification processed, in the same atomic step as the
/// change that notification made.
public protocol DogsPerTrickView: TrackingRecorder {
  /// Records that a dog knows a trick, together with the position of the notification that
  /// said so: both, or neither. A dog that learns a trick twice counts once.
  ///
  /// - Throws: `TrackingError.alreadyProcessed` when the position is not beyond the one
  ///   recorded; then the counts do not change either.
  func addDog(_ dogID: UUID, toTrick trick: String, tracking: Tracking) async throws

  /// How many dogs know the trick.
  func numberOfDogs(knowing trick: String) async throws -> Int
}
