import EventSourcing
import Foundation
import GivenBasics
import Synchronization

/// A recorder that passes every call on and counts the events it returns, to show how many
/// events a load reads.
final class CountingRecorder: AggregateRecorder {
  private let base: any AggregateRecorder
  private let count = Mutex(0)

  init(_ base: any AggregateRecorder) { self.base = base }

  /// How many events reads have returned so far.
  var returned: Int { count.withLock { $0 } }

  func insert(_ events: [StoredEvent]) async throws -> [Int] {
    try await base.insert(events)
  }

  func events(
    for originatorID: UUID, after version: Int?, through throughVersion: Int?,
    descending: Bool, limit: Int?
  ) async throws -> [StoredEvent] {
    let events = try await base.events(
      for: originatorID, after: version, through: throughVersion, descending: descending,
      limit: limit)
    count.withLock { $0 += events.count }
    return events
  }
}
