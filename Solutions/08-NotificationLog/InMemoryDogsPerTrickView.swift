public import EventSourcing
public import Foundation
import Synchronization

/// The dogs-per-trick view in memory: counts and positions change together, under one lock.
public final class InMemoryDogsPerTrickView: DogsPerTrickView {
  private struct Storage {
    var dogsByTrick: [String: Set<UUID>] = [:]
    var positions: [String: Int] = [:]

    /// Moves the position forward, or throws without changing it.
    mutating func track(_ tracking: Tracking) throws(TrackingError) {
      let name = tracking.applicationName
      guard tracking.notificationID > positions[name] ?? 0 else {
        throw .alreadyProcessed(tracking)
      }
      positions[name] = tracking.notificationID
    }
  }

  private let storage = Mutex(Storage())

  /// Creates an empty view.
  public init() {}

  // MARK: - Task 4: a view that tracks its position

  // slide: add-dog
  public func addDog(
    _ dogID: UUID, toTrick trick: String, tracking: Tracking
  ) async throws {
    // One lock for both: the position moves only with the change.
    try storage.withLock { storage throws(TrackingError) in
      try storage.track(tracking)
      storage.dogsByTrick[trick, default: []].insert(dogID)
    }
  }
  // slide end

  public func numberOfDogs(knowing trick: String) async throws -> Int {
    storage.withLock { $0.dogsByTrick[trick]?.count ?? 0 }
  }

  public func insertTracking(_ tracking: Tracking) async throws {
    try storage.withLock { storage throws(TrackingError) in try storage.track(tracking) }
  }

  public func maxTrackingID(for applicationName: String) async throws -> Int {
    storage.withLock { $0.positions[applicationName] ?? 0 }
  }
}
