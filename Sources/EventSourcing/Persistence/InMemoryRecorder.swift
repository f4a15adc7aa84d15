public import Foundation
import Synchronization

/// A recorder that keeps events in memory: fast, and gone when the process ends.
///
/// It is the default for applications and tests. All of its state sits behind one lock, so an
/// insert is atomic and the notification sequence has no gaps even with many concurrent writers.
/// It also records followers' tracking positions, atomically with their events, and tells
/// listeners of new notifications at once (``newNotificationIDs()``).
public final class InMemoryRecorder: ProcessRecorder, NotifyingRecorder {
  private struct Storage {
    /// Each aggregate's events in ascending version order.
    var eventsByOriginator: [UUID: [StoredEvent]] = [:]
    /// Every event in notification order; notification ID N is at index N - 1.
    var notifications: [EventNotification] = []
    /// The last notification processed of each followed application.
    var trackingPositions: [String: Int] = [:]
  }

  private let storage = Mutex(Storage())
  private let signal = NotificationSignal()

  /// Creates an empty recorder.
  public init() {}

  @discardableResult
  public func insert(_ events: [StoredEvent]) async throws -> [Int] {
    let ids = try storage.withLock { storage in try Self.insert(events, into: &storage) }
    if let last = ids.last { signal.tell(last) }
    return ids
  }

  @discardableResult
  public func insert(_ events: [StoredEvent], tracking: Tracking) async throws -> [Int] {
    let ids = try storage.withLock { storage in
      try Self.checkNew(tracking, in: storage)
      let ids = try Self.insert(events, into: &storage)
      storage.trackingPositions[tracking.applicationName] = tracking.notificationID
      return ids
    }
    if let last = ids.last { signal.tell(last) }
    return ids
  }

  public func insertTracking(_ tracking: Tracking) async throws {
    try await insert([], tracking: tracking)
  }

  public func maxTrackingID(for applicationName: String) async throws -> Int {
    storage.withLock { $0.trackingPositions[applicationName] ?? 0 }
  }

  private static func checkNew(_ tracking: Tracking, in storage: Storage) throws {
    guard tracking.notificationID > storage.trackingPositions[tracking.applicationName] ?? 0 else {
      throw TrackingError.alreadyProcessed(tracking)
    }
  }

  private static func insert(_ events: [StoredEvent], into storage: inout Storage) throws -> [Int] {
    // Check every event before changing anything, so that an insert is all or nothing. A
    // single event cannot clash with the rest of its batch: only larger batches make a set.
    var claimed = Set<VersionKey>()
    for event in events {
      let key = VersionKey(originatorID: event.originatorID, version: event.originatorVersion)
      let isTaken =
        storage.eventsByOriginator[event.originatorID]?.containsVersion(event.originatorVersion)
        ?? false
      guard !isTaken, events.count == 1 || claimed.insert(key).inserted else {
        throw RecorderError.versionConflict(
          originatorID: event.originatorID, version: event.originatorVersion)
      }
    }
    var ids: [Int] = []
    ids.reserveCapacity(events.count)
    for event in events {
      let id = storage.notifications.count + 1
      storage.notifications.append(EventNotification(id: id, event: event))
      storage.eventsByOriginator[event.originatorID, default: []].insertSorted(event)
      ids.append(id)
    }
    return ids
  }

  public func events(
    for originatorID: UUID, after version: Int?, through throughVersion: Int?,
    descending: Bool, limit: Int?
  ) async throws -> [StoredEvent] {
    // The events are sorted by version, so the range asked for is found by binary search and
    // the whole history is returned without copying when no bounds are given. The limit
    // narrows the range before anything is copied, so that reading a long history page by
    // page copies each event once.
    let all = storage.withLock { $0.eventsByOriginator[originatorID] ?? [] }
    var lower = version.map { all.firstIndex(withVersionAbove: $0) } ?? all.startIndex
    var upper = throughVersion.map { all.firstIndex(withVersionAbove: $0) } ?? all.endIndex
    if let limit {
      // At most the whole array: a limit near Int.max would overflow `lower + count`.
      let count = min(max(0, limit), all.count)
      if descending {
        lower = max(lower, upper - count)
      } else {
        upper = min(upper, lower + count)
      }
    }
    guard lower < upper else { return [] }
    let selected =
      lower == all.startIndex && upper == all.endIndex ? all : Array(all[lower..<upper])
    return descending ? Array(selected.reversed()) : selected
  }

  public func notifications(start: Int, limit: Int, stop: Int?) async throws -> [EventNotification]
  {
    storage.withLock { storage in
      let all = storage.notifications
      // Both bounds stay within the array, so that a start or limit near Int.max cannot
      // overflow `lower + limit`.
      let lower = min(max(start, 1) - 1, all.count)
      let upper = min(all.count, stop ?? all.count, lower + min(max(0, limit), all.count))
      guard lower < upper else { return [] }
      return Array(all[lower..<upper])
    }
  }

  public func maxNotificationID() async throws -> Int {
    storage.withLock { $0.notifications.count }
  }

  /// The largest notification ID now, then after each insert, told at once.
  public func newNotificationIDs() -> AsyncThrowingStream<Int, any Error> {
    signal.stream { [self] in storage.withLock { $0.notifications.count } }
  }
}

private struct VersionKey: Hashable {
  let originatorID: UUID
  let version: Int
}

extension Array where Element == StoredEvent {
  /// Inserts an event keeping ascending version order; appending is the usual case.
  fileprivate mutating func insertSorted(_ event: StoredEvent) {
    guard let last, last.originatorVersion > event.originatorVersion else {
      append(event)
      return
    }
    insert(event, at: firstIndex(withVersionAtLeast: event.originatorVersion))
  }

  /// Whether an event with this version is present, by binary search over the sorted events.
  fileprivate func containsVersion(_ version: Int) -> Bool {
    let index = firstIndex(withVersionAtLeast: version)
    return index < endIndex && self[index].originatorVersion == version
  }

  /// The index of the first event whose version is greater than `version`.
  fileprivate func firstIndex(withVersionAbove version: Int) -> Int {
    version == .max ? endIndex : firstIndex(withVersionAtLeast: version + 1)
  }

  private func firstIndex(withVersionAtLeast version: Int) -> Int {
    var low = startIndex
    var high = endIndex
    while low < high {
      let middle = (low + high) / 2
      if self[middle].originatorVersion < version { low = middle + 1 } else { high = middle }
    }
    return low
  }
}
