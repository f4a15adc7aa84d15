public import EventSourcing
public import Foundation
import Synchronization

/// ``DogsPerTrickView`` in memory: counts and positions change together under one lock.
public final class InMemoryDogsPerTrickView: DogsPerTrickView {
  private struct Storage {
    var dogsByTrick: [String: Set<UUID>] = [:]
    var positions: [String: Int] = [:]

    mutating func track(_ tracking: Tracking) throws {
      guard tracking.notificationID > positions[tracking.applicationName] ?? 0 else {
        throw TrackingError.alreadyProcessed(tracking)
      }
      positions[tracking.applicationName] = tracking.notificationID
    }
  }

  private let storage = Mutex(Storage())

  /// Creates an empty view.
  public init() {}

  public func addDog(_ dogID: UUID, toTrick trick: String, tracking: Tracking) async throws {
    try storage.withLock { storage in
      try storage.track(tracking)
      storage.dogsByTrick[trick, default: []].insert(dogID)
    }
  }

  public func numberOfDogs(knowing trick: String) async throws -> Int {
    storage.withLock { $0.dogsByTrick[trick]?.count ?? 0 }
  }

  /// Every trick with the number of dogs that know it, for comparing whole views.
  public func allCounts() async throws -> [String: Int] {
    storage.withLock { $0.dogsByTrick.mapValues(\.count) }
  }

  public func insertTracking(_ tracking: Tracking) async throws {
    try storage.withLock { try $0.track(tracking) }
  }

  public func maxTrackingID(for applicationName: String) async throws -> Int {
    storage.withLock { $0.positions[applicationName] ?? 0 }
  }
}
