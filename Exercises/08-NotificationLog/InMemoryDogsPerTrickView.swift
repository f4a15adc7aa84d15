public import EventSourcing
public import Foundation
import GivenBasics
import Synchronization

/// The dogs-per-trick view in memory: counts and positions change together, under one lock.
public final class InMemoryDogsPerTrickView: DogsPerTrickView {
  private struct Storage {
    // Task 4: what the view needs: the dogs that know each trick (a dog counts once), and
    // the position recorded for each followed application name.
  }

  private let storage = Mutex(Storage())

  /// Creates an empty view.
  public init() {}

  // MARK: - Task 4: a view that tracks its position

  public func addDog(
    _ dogID: UUID, toTrick trick: String, tracking: Tracking
  ) async throws {
    // Task 4: in ONE `storage.withLock`, refuse a position that is not beyond the recorded
    // one (throw TrackingError.alreadyProcessed(tracking)), else record it and add the dog.
    throw NotImplemented(task: 4, what: "InMemoryDogsPerTrickView.addDog(_:toTrick:tracking:)")
  }

  public func numberOfDogs(knowing trick: String) async throws -> Int {
    // Task 4: how many different dogs know the trick; 0 for a trick no dog knows.
    throw NotImplemented(task: 4, what: "InMemoryDogsPerTrickView.numberOfDogs(knowing:)")
  }

  public func insertTracking(_ tracking: Tracking) async throws {
    // Task 4: record the position alone, refusing one that is not new, as in addDog.
    throw NotImplemented(task: 4, what: "InMemoryDogsPerTrickView.insertTracking(_:)")
  }

  public func maxTrackingID(for applicationName: String) async throws -> Int {
    // Task 4: the position recorded for the application, or 0.
    throw NotImplemented(task: 4, what: "InMemoryDogsPerTrickView.maxTrackingID(for:)")
  }
}
