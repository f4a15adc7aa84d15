// Differs from the reference: decides inside the lock and throws outside it, from a Result.
public import EventSourcing
public import Foundation
import Synchronization

/// The dogs-per-trick view in memory: counts and positions change together, under one lock.
public final class InMemoryDogsPerTrickView: DogsPerTrickView {
  private struct Storage {
    var dogsByTrick: [String: Set<UUID>] = [:]
    var positions: [String: Int] = [:]

    /// Moves the position forward and makes the change, or does neither.
    mutating func record(
      _ tracking: Tracking, change: (inout Storage) -> Void
    ) -> Result<Void, TrackingError> {
      let name = tracking.applicationName
      guard tracking.notificationID > positions[name] ?? 0 else {
        return .failure(.alreadyProcessed(tracking))
      }
      positions[name] = tracking.notificationID
      change(&self)
      return .success(())
    }
  }

  private let storage = Mutex(Storage())

  /// Creates an empty view.
  public init() {}

  public func addDog(
    _ dogID: UUID, toTrick trick: String, tracking: Tracking
  ) async throws {
    try storage.withLock { storage in
      storage.record(tracking) { $0.dogsByTrick[trick, default: []].insert(dogID) }
    }.get()
  }

  public func numberOfDogs(knowing trick: String) async throws -> Int {
    storage.withLock { $0.dogsByTrick[trick]?.count ?? 0 }
  }

  public func insertTracking(_ tracking: Tracking) async throws {
    try storage.withLock { storage in storage.record(tracking) { _ in } }.get()
  }

  public func maxTrackingID(for applicationName: String) async throws -> Int {
    storage.withLock { $0.positions[applicationName] ?? 0 }
  }
}
