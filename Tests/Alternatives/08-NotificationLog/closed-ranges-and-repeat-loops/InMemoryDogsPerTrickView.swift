// Differs from the reference: keeps (trick, dog) pairs in one set and checks positions inline.
public import EventSourcing
public import Foundation
import Synchronization

/// The dogs-per-trick view in memory: counts and positions change together, under one lock.
public final class InMemoryDogsPerTrickView: DogsPerTrickView {
  /// That a dog knows a trick.
  private struct Lesson: Hashable {
    let trick: String
    let dogID: UUID
  }

  private struct Storage {
    var lessons: Set<Lesson> = []
    var positions: [String: Int] = [:]
  }

  private let storage = Mutex(Storage())

  /// Creates an empty view.
  public init() {}

  public func addDog(
    _ dogID: UUID, toTrick trick: String, tracking: Tracking
  ) async throws {
    try storage.withLock { storage throws(TrackingError) in
      let recorded = storage.positions[tracking.applicationName, default: 0]
      if tracking.notificationID <= recorded { throw .alreadyProcessed(tracking) }
      storage.positions[tracking.applicationName] = tracking.notificationID
      storage.lessons.insert(Lesson(trick: trick, dogID: dogID))
    }
  }

  public func numberOfDogs(knowing trick: String) async throws -> Int {
    storage.withLock { storage in storage.lessons.count(where: { $0.trick == trick }) }
  }

  public func insertTracking(_ tracking: Tracking) async throws {
    try storage.withLock { storage throws(TrackingError) in
      let recorded = storage.positions[tracking.applicationName, default: 0]
      if tracking.notificationID <= recorded { throw .alreadyProcessed(tracking) }
      storage.positions[tracking.applicationName] = tracking.notificationID
    }
  }

  public func maxTrackingID(for applicationName: String) async throws -> Int {
    storage.withLock { storage in storage.positions[applicationName, default: 0] }
  }
}
